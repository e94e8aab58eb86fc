package de.nrw.activation.reporting.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import de.nrw.activation.reporting.projection.Measure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One row of the whereabouts report: the participations of one key (a Jobcenter, a provider
 * type, an age band, ...) by category. The six categories add up to {@code n}. Quotas are exact
 * fractions of {@code n}; {@code ...Percent} the same rounded half-up for display. In the
 * coordinator's cross-Jobcenter view every count is perturbed on its own (the cell key method,
 * docs/confidentiality.md) and the quotas are computed from the perturbed counts, so the
 * categories need not add up to {@code n} there; staff see their own Jobcenter's counts exactly.
 */
@Schema(description = "Whereabouts of the participations of one key")
@JsonPropertyOrder({"key", "n", "integrations", "minijobs", "unemployed", "other", "dropouts", "open", "fastIntegrations",
        "closeToLabourMarket", "qualified"})
public record WhereaboutsRow(
        @Schema(description = "The value of the groupBy dimension, or 'total'", maxLength = Report.KEY_LENGTH, example = "herne") String key,
        @Schema(description = "Participations that entered a group in the selection (N)", example = "410") Long n,
        @Schema(description = "Started an integration (employment, apprenticeship, self-employment) "
                + "between entry and 3 months after exit", example = "131") Long integrations,
        @Schema(description = "A minijob in the same window, and no integration", example = "21") Long minijobs,
        @Schema(description = "Unemployed 3 months after exit, and none of the above") Long unemployed,
        @Schema(description = "Other whereabouts 3 months after exit, and none of the above") Long other,
        @Schema(description = "Exclusive category: exit reason DROPOUT and none of the above (no integration, minijob, "
                + "unemployed or other status). NOT the evaluation's dropout rate: see dropoutRate") Long dropouts,
        @Schema(description = "Nothing known yet (for example still in the group)") Long open,
        @Schema(description = "Integration started before the exit date") Long fastIntegrations,
        @Schema(description = "Participants close to the labour market") Long closeToLabourMarket,
        @Schema(description = "Participants with a vocational qualification") Long qualified,
        BigDecimal integrationQuota, Integer integrationQuotaPercent,
        BigDecimal minijobQuota, Integer minijobQuotaPercent,
        BigDecimal unemployedQuota, Integer unemployedQuotaPercent,
        BigDecimal otherQuota, Integer otherQuotaPercent,
        @Schema(description = "dropouts / n: the exclusive category's share. NOT the evaluation's dropout rate "
                + "(Abbruchquote): see dropoutRate") BigDecimal dropoutQuota, Integer dropoutQuotaPercent,
        BigDecimal openQuota, Integer openQuotaPercent,
        BigDecimal fastIntegrationQuota, Integer fastIntegrationQuotaPercent,
        @Schema(description = "Share of participants close to the labour market") BigDecimal closeShare,
        Integer closeSharePercent,
        @Schema(description = "Share of participants with a vocational qualification") BigDecimal qualifiedShare,
        Integer qualifiedSharePercent,
        IntegrationKinds integrationKinds,
        @Schema(description = "How many of n can still change on today's date: not ended, or exit + 3 months not yet "
                + "passed (vorläufig)", example = "12") Long provisional,
        ExitsByReason exitsByReason,
        @Schema(description = "The evaluation's dropout rate (Abbruchquote, slide 18): exits with reason DROPOUT / n, "
                + "whatever happened afterwards (a dropout employed a month later counts here AND as an integration). "
                + "Not the exclusive dropouts category / dropoutQuota") BigDecimal dropoutRate,
        Integer dropoutRatePercent) {

    /** The integrations by kind; the temporary-agency and fixed-term shares are of all integrations. */
    @Schema(description = "Integrations by kind; for employment, temporary-agency and fixed-term work")
    public record IntegrationKinds(
            Long employment, Long apprenticeship, Long selfEmployment,
            @Schema(description = "Employment in temporary-agency work") Long temporaryAgency,
            @Schema(description = "Fixed-term employment") Long fixedTerm,
            BigDecimal employmentShare, BigDecimal apprenticeshipShare, BigDecimal selfEmploymentShare,
            @Schema(description = "temporaryAgency / integrations") BigDecimal temporaryAgencyShare,
            @Schema(description = "fixedTerm / integrations") BigDecimal fixedTermShare) {
    }

    static final List<String> COUNTS = Stream.concat(Measure.WHEREABOUTS.stream().map(Measure::field),
            Stream.of(ReportQueries.PROVISIONAL)).toList();

    static WhereaboutsRow of(String key, Map<String, Long> counts) {
        Figures f = new Figures(counts);
        IntegrationKinds kinds = new IntegrationKinds(f.count("employment"), f.count("apprenticeship"),
                f.count("selfEmployment"), f.count("temporaryAgency"), f.count("fixedTerm"),
                f.ratio("employment", "integrations"),
                f.ratio("apprenticeship", "integrations"),
                f.ratio("selfEmployment", "integrations"),
                f.ratio("temporaryAgency", "integrations"),
                f.ratio("fixedTerm", "integrations"));
        return new WhereaboutsRow(key, f.count("n"), f.count("integrations"), f.count("minijobs"), f.count("unemployed"),
                f.count("other"), f.count("dropouts"), f.count("open"), f.count("fastIntegrations"),
                f.count("closeToLabourMarket"), f.count("qualified"),
                f.ratio("integrations", "n"), f.percent("integrations", "n"),
                f.ratio("minijobs", "n"), f.percent("minijobs", "n"),
                f.ratio("unemployed", "n"), f.percent("unemployed", "n"),
                f.ratio("other", "n"), f.percent("other", "n"),
                f.ratio("dropouts", "n"), f.percent("dropouts", "n"),
                f.ratio("open", "n"), f.percent("open", "n"),
                f.ratio("fastIntegrations", "n"),
                f.percent("fastIntegrations", "n"),
                f.ratio("closeToLabourMarket", "n"), f.percent("closeToLabourMarket", "n"),
                f.ratio("qualified", "n"), f.percent("qualified", "n"),
                kinds, f.count(ReportQueries.PROVISIONAL), ExitsByReason.of(f),
                f.ratio(ExitsByReason.DROPOUT, "n"), f.percent(ExitsByReason.DROPOUT, "n"));
    }
}
