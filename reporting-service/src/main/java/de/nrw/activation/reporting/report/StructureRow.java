package de.nrw.activation.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * Structure and result of one Jobcenter (slide 7 of the evaluation): who it took in (share close
 * to the labour market, share qualified) against what came of it (integration quota). The same
 * figures, with the same suppression, as the whereabouts report's row of the Jobcenter.
 */
@Schema(description = "Structure (share close to the labour market, share qualified) and result (integration quota) "
        + "of one Jobcenter")
public record StructureRow(
        @Schema(description = "The Jobcenter, or 'total'", example = "herne") String key,
        @Schema(description = "Participations (N)", example = "410") Long n,
        @Schema(description = "Share of participants close to the labour market at entry") BigDecimal closeShare,
        Integer closeSharePercent,
        @Schema(description = "Share of participants with a vocational qualification") BigDecimal qualifiedShare,
        Integer qualifiedSharePercent,
        @Schema(description = "Integration quota, as in the whereabouts report") BigDecimal integrationQuota,
        Integer integrationQuotaPercent,
        @Schema(description = "True when any figure of the row is suppressed") boolean suppressed,
        @Schema(description = "The figures shown as null because they are suppressed") List<String> suppressedFields) {

    private static final List<String> FIELDS = List.of("n", "closeShare", "closeSharePercent", "qualifiedShare",
            "qualifiedSharePercent", "integrationQuota", "integrationQuotaPercent");

    static StructureRow of(WhereaboutsRow row) {
        List<String> hidden = row.suppressedFields().stream().filter(FIELDS::contains).toList();
        return new StructureRow(row.key(), row.n(), row.closeShare(), row.closeSharePercent(), row.qualifiedShare(),
                row.qualifiedSharePercent(), row.integrationQuota(), row.integrationQuotaPercent(), !hidden.isEmpty(),
                hidden);
    }

    static Report<StructureRow> of(Report<WhereaboutsRow> report) {
        return new Report<>(report.phaseId(), report.groupBy(), report.from(), report.to(), report.jobcenterId(),
                report.suppressionApplied(), report.rows().stream().map(StructureRow::of).toList(),
                of(report.total()));
    }
}
