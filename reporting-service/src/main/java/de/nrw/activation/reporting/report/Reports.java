package de.nrw.activation.reporting.report;

import de.nrw.activation.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Builds the reports for the caller: Jobcenter staff see their own Jobcenter's participations
 * only (the query is restricted to it; nothing to suppress), the coordinator sees all
 * Jobcenters with counts of 1 or 2 suppressed unless {@code reporting.suppression.enabled}
 * is false.
 */
@RequestScoped
public class Reports {

    @Inject
    Caller caller;

    @Inject
    ReportQueries queries;

    @Inject
    Clock clock;

    @ConfigProperty(name = "reporting.suppression.enabled", defaultValue = "true")
    boolean suppressionEnabled;

    public Report<WhereaboutsRow> whereabouts(ReportFilter filter) {
        String jobcenter = restrictedTo();
        return build(filter, jobcenter, queries.whereabouts(filter, jobcenter, today()), WhereaboutsRow.COUNTS, WhereaboutsRow::of);
    }

    public Report<SustainabilityRow> sustainability(ReportFilter filter) {
        String jobcenter = restrictedTo();
        return build(filter, jobcenter, queries.sustainability(filter, jobcenter, today()),
                SustainabilityRow.COUNTS,
                SustainabilityRow::of);
    }

    /** Structure and result per Jobcenter: the whereabouts report's rows by Jobcenter, three figures each. */
    public Report<StructureRow> structure(ReportFilter filter) {
        filter.groupBy = Dimension.JOBCENTER.parameter();
        return StructureRow.of(whereabouts(filter));
    }

    /** The day provisional figures are counted on (the suite's clock: German local date). */
    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private <R> Report<R> build(ReportFilter filter, String jobcenter, List<ReportQueries.Counts> counts,
                                List<String> names, Row<R> row) {
        boolean suppress = jobcenter == null && suppressionEnabled;
        List<R> rows = counts.stream().map(c -> row.of(c.key(), c.values(), suppress)).toList();
        R total = row.of(Report.TOTAL, ReportQueries.total(counts, names), suppress);
        return new Report<>(filter.phaseId, filter.dimension().parameter(), filter.fromDate(), filter.toDate(),
                jobcenter, suppress, rows, total);
    }

    @FunctionalInterface
    private interface Row<R> {
        R of(String key, Map<String, Long> counts, boolean suppress);
    }

    /** The Jobcenter a staff caller is restricted to; null for the coordinator. */
    private String restrictedTo() {
        return caller.isCoordinator() ? null : caller.staffJobcenter();
    }
}
