package de.nrw.activation.reporting.report;

import de.nrw.activation.reporting.projection.Measure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One row of the sustainability report (domain.md, "Indicators"): of the integrated
 * participations with a recorded MONTH_6 checkpoint, how many are still integrated; of the
 * ended participations with a recorded MONTH_6 checkpoint, how many are in employment subject
 * to social insurance or an apprenticeship (placement rate) and how many are not unemployed.
 * Perturbed for the coordinator as the whereabouts report.
 */
@Schema(description = "Sustainability, placement rate and not-unemployed rate 6 months after exit, for one key")
public record SustainabilityRow(
        @Schema(description = "The value of the groupBy dimension, or 'total'", maxLength = Report.KEY_LENGTH, example = "herne") String key,
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
        @Schema(description = "Integrated participations with a recorded MONTH_12 checkpoint") Long checkedAtMonth12,
        @Schema(description = "... whose MONTH_12 status is still employment, apprenticeship or self-employment")
        Long stillIntegratedAtMonth12,
        @Schema(description = "stillIntegratedAtMonth12 / checkedAtMonth12 (nachhaltige Integration nach 12 Monaten)")
        BigDecimal sustainability12,
        Integer sustainability12Percent,
        @Schema(description = "How many of n can still change on today's date: not ended, or exit + 3 months not yet "
                + "passed (vorläufig)") Long provisional,
        ExitsByReason exitsByReason,
        @Schema(description = "The evaluation's dropout rate (Abbruchquote, slide 18): exits with reason DROPOUT / n, "
                + "whatever happened afterwards. Not the whereabouts report's exclusive dropouts category")
        BigDecimal dropoutRate,
        Integer dropoutRatePercent) {

    static final List<String> COUNTS = Stream.concat(Measure.SUSTAINABILITY.stream().map(Measure::field),
            Stream.of(ReportQueries.PROVISIONAL)).toList();

    static SustainabilityRow of(String key, Map<String, Long> counts) {
        Figures f = new Figures(counts);
        return new SustainabilityRow(key, f.count("n"), f.count("integrated"), f.count("checkedAtMonth6"),
                f.count("stillIntegrated"),
                f.ratio("stillIntegrated", "checkedAtMonth6"),
                f.percent("stillIntegrated", "checkedAtMonth6"),
                f.count("ended"), f.count("endedCheckedAtMonth6"), f.count("placed"), f.count("notUnemployed"),
                f.ratio("placed", "endedCheckedAtMonth6"),
                f.percent("placed", "endedCheckedAtMonth6"),
                f.ratio("notUnemployed", "endedCheckedAtMonth6"),
                f.percent("notUnemployed", "endedCheckedAtMonth6"),
                f.count("checkedAtMonth12"), f.count("stillIntegratedAtMonth12"),
                f.ratio("stillIntegratedAtMonth12", "checkedAtMonth12"),
                f.percent("stillIntegratedAtMonth12", "checkedAtMonth12"),
                f.count(ReportQueries.PROVISIONAL), ExitsByReason.of(f),
                f.ratio(ExitsByReason.DROPOUT, "n"), f.percent(ExitsByReason.DROPOUT, "n"));
    }
}
