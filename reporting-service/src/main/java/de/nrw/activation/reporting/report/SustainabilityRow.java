package de.nrw.activation.reporting.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One row of the sustainability report (domain.md, "Indicators"): of the integrated
 * participations with a recorded MONTH_6 checkpoint, how many are still integrated; of the
 * ended participations with a recorded MONTH_6 checkpoint, how many are in employment subject
 * to social insurance or an apprenticeship (placement rate) and how many are not unemployed.
 * Suppression as in the whereabouts report.
 */
@Schema(description = "Sustainability, placement rate and not-unemployed rate 6 months after exit, for one key")
public record SustainabilityRow(
        @Schema(example = "herne") String key,
        @Schema(description = "Participations in the selection (N)") Long n,
        @Schema(description = "Integrated participations (category integration)") Long integrated,
        @Schema(description = "Integrated participations with a recorded MONTH_6 checkpoint") Long checkedAtMonth6,
        @Schema(description = "... whose MONTH_6 status is still employment, apprenticeship or self-employment")
        Long stillIntegrated,
        @Schema(description = "stillIntegrated / checkedAtMonth6") BigDecimal sustainability,
        Integer sustainabilityPercent,
        @Schema(description = "Ended participations") Long ended,
        @Schema(description = "Ended participations with a recorded MONTH_6 checkpoint") Long endedCheckedAtMonth6,
        @Schema(description = "... whose MONTH_6 status is EMPLOYMENT or APPRENTICESHIP") Long placed,
        @Schema(description = "... whose MONTH_6 status is anything but UNEMPLOYED") Long notUnemployed,
        @Schema(description = "placed / endedCheckedAtMonth6 (Eingliederungsquote)") BigDecimal placementRate,
        Integer placementRatePercent,
        @Schema(description = "notUnemployed / endedCheckedAtMonth6 (Verbleibsquote)") BigDecimal notUnemployedRate,
        Integer notUnemployedRatePercent,
        boolean suppressed,
        List<String> suppressedFields) {

    static final List<String> COUNTS = List.of("n", "integrated", "checkedAtMonth6", "stillIntegrated", "ended",
            "endedCheckedAtMonth6", "placed", "notUnemployed");

    static SustainabilityRow of(String key, Map<String, Long> counts, boolean suppress) {
        Figures f = new Figures(counts, suppress, List.of());
        return new SustainabilityRow(key, f.count("n"), f.count("integrated"), f.count("checkedAtMonth6"),
                f.count("stillIntegrated"),
                f.ratio("sustainability", "stillIntegrated", "checkedAtMonth6"),
                f.percent("sustainabilityPercent", "stillIntegrated", "checkedAtMonth6"),
                f.count("ended"), f.count("endedCheckedAtMonth6"), f.count("placed"), f.count("notUnemployed"),
                f.ratio("placementRate", "placed", "endedCheckedAtMonth6"),
                f.percent("placementRatePercent", "placed", "endedCheckedAtMonth6"),
                f.ratio("notUnemployedRate", "notUnemployed", "endedCheckedAtMonth6"),
                f.percent("notUnemployedRatePercent", "notUnemployed", "endedCheckedAtMonth6"),
                f.suppressed(), f.suppressedFields());
    }
}
