package de.nrw.activation.reporting.report;

import de.nrw.activation.platform.security.Caller;
import de.nrw.activation.reporting.confidentiality.CellKeyMethod;
import de.nrw.activation.reporting.projection.Measure;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Builds the reports for the caller: Jobcenter staff see their own Jobcenter's participations
 * only, exactly (the query is restricted to it); the coordinator sees all Jobcenters with every
 * count perturbed by the cell key method (docs/confidentiality.md), quotas computed from the
 * perturbed counts, and no row whose N comes out as 0 (the row's existence would say N is not 0).
 */
@RequestScoped
public class Reports {

    @Inject
    Caller caller;

    @Inject
    ReportQueries queries;

    @Inject
    Clock clock;

    public Report<WhereaboutsRow> whereabouts(ReportFilter filter) {
        String jobcenter = restrictedTo();
        return build(filter, jobcenter, queries.whereabouts(filter, jobcenter, today()), WhereaboutsRow.COUNTS, WhereaboutsRow::of);
    }

    public Report<SustainabilityRow> sustainability(ReportFilter filter) {
        String jobcenter = restrictedTo();
        return build(filter, jobcenter, queries.sustainability(filter, jobcenter, today()), SustainabilityRow.COUNTS,
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
                                List<String> names, BiFunction<String, Map<String, Long>, R> row) {
        boolean perturb = jobcenter == null;
        List<R> rows = new ArrayList<>();
        for (ReportQueries.Counts c : counts) {
            Map<String, Long> published = published(c, perturb);
            if (published.get(Measure.N.field()) > 0) {
                rows.add(row.apply(c.key(), published));
            }
        }
        R total = row.apply(Report.TOTAL, published(ReportQueries.total(counts, names), perturb));
        return new Report<>(filter.phaseId, filter.dimension().parameter(), filter.fromDate(), filter.toDate(),
                jobcenter, perturb, rows, total);
    }

    private static Map<String, Long> published(ReportQueries.Counts counts, boolean perturb) {
        return perturb ? CellKeyMethod.perturbed(counts.values(), counts.keys()) : counts.values();
    }

    /** The Jobcenter a staff caller is restricted to; null for the coordinator. */
    private String restrictedTo() {
        return caller.isCoordinator() ? null : caller.staffJobcenter();
    }
}
