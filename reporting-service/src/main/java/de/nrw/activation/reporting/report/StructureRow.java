package de.nrw.activation.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * Structure and result of one Jobcenter (slide 7 of the evaluation): who it took in (share close
 * to the labour market, share qualified) against what came of it (integration quota). The same
 * figures (perturbed alike for the coordinator) as the whereabouts report's row of the Jobcenter.
 */
@Schema(description = "Structure (share close to the labour market, share qualified) and result (integration quota) "
        + "of one Jobcenter")
public record StructureRow(
        @Schema(description = "The Jobcenter, or 'total'", maxLength = Report.KEY_LENGTH, example = "herne") String key,
        @Schema(description = "Participations (N)", example = "410") Long n,
        @Schema(description = "Share of participants close to the labour market at entry") BigDecimal closeShare,
        Integer closeSharePercent,
        @Schema(description = "Share of participants with a vocational qualification") BigDecimal qualifiedShare,
        Integer qualifiedSharePercent,
        @Schema(description = "Integration quota, as in the whereabouts report") BigDecimal integrationQuota,
        Integer integrationQuotaPercent) {

    static StructureRow of(WhereaboutsRow row) {
        return new StructureRow(row.key(), row.n(), row.closeShare(), row.closeSharePercent(), row.qualifiedShare(),
                row.qualifiedSharePercent(), row.integrationQuota(), row.integrationQuotaPercent());
    }

    static Report<StructureRow> of(Report<WhereaboutsRow> report) {
        return new Report<>(report.phaseId(), report.groupBy(), report.from(), report.to(), report.jobcenterId(),
                report.perturbed(), report.rows().stream().map(StructureRow::of).toList(),
                of(report.total()));
    }
}
