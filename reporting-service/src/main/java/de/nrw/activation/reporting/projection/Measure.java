package de.nrw.activation.reporting.projection;

import java.util.List;

/**
 * What the reports count, as conditions on a participation of the read model (whose category
 * the projection has computed, see {@link Classification}). The summary table has one column
 * per measure; a report sums the columns, or counts the participations where the condition
 * holds when it selects an entry period.
 */
public enum Measure {
    N("n", "n", "true"),
    INTEGRATIONS("integrations", "integrations", Measure.INTEGRATION),
    MINIJOBS("minijobs", "minijobs", "category = 'MINIJOB'"),
    UNEMPLOYED("unemployed", "unemployed", "category = 'UNEMPLOYED'"),
    OTHER("other", "other", "category = 'OTHER'"),
    DROPOUTS("dropouts", "dropouts", "category = 'DROPOUT'"),
    OPEN("open", "open", "category = 'OPEN'"),
    FAST_INTEGRATIONS("fastIntegrations", "fast_integrations", "fast_integration"),
    CLOSE_TO_LABOUR_MARKET("closeToLabourMarket", "close_to_labour_market", "labour_market_distance = 'CLOSE'"),
    QUALIFIED("qualified", "qualified", "vocational_qualification"),
    EMPLOYMENT("employment", "employment", Measure.INTEGRATION + " AND integration_kind = 'EMPLOYMENT'"),
    APPRENTICESHIP("apprenticeship", "apprenticeship", Measure.INTEGRATION + " AND integration_kind = 'APPRENTICESHIP'"),
    SELF_EMPLOYMENT("selfEmployment", "self_employment", Measure.INTEGRATION + " AND integration_kind = 'SELF_EMPLOYMENT'"),
    TEMPORARY_AGENCY("temporaryAgency", "temporary_agency",
            Measure.INTEGRATION + " AND integration_kind = 'EMPLOYMENT' AND temporary_agency"),
    FIXED_TERM("fixedTerm", "fixed_term", Measure.INTEGRATION + " AND integration_kind = 'EMPLOYMENT' AND fixed_term"),
    INTEGRATED("integrated", "integrations", Measure.INTEGRATION),
    CHECKED_AT_MONTH6("checkedAtMonth6", "integrated_checked_month6", Measure.INTEGRATION + " AND month6_status IS NOT NULL"),
    STILL_INTEGRATED("stillIntegrated", "still_integrated",
            Measure.INTEGRATION + " AND month6_status IN ('EMPLOYMENT', 'APPRENTICESHIP', 'SELF_EMPLOYMENT')"),
    ENDED("ended", "ended", "exit_date IS NOT NULL"),
    ENDED_CHECKED_AT_MONTH6("endedCheckedAtMonth6", "ended_checked_month6", "exit_date IS NOT NULL AND month6_status IS NOT NULL"),
    PLACED("placed", "placed", "exit_date IS NOT NULL AND month6_status IN ('EMPLOYMENT', 'APPRENTICESHIP')"),
    NOT_UNEMPLOYED("notUnemployed", "not_unemployed",
            "exit_date IS NOT NULL AND month6_status IS NOT NULL AND month6_status <> 'UNEMPLOYED'");

    private static final String INTEGRATION = "category = 'INTEGRATION'";

    public static final List<Measure> WHEREABOUTS = List.of(N, INTEGRATIONS, MINIJOBS, UNEMPLOYED, OTHER, DROPOUTS, OPEN,
            FAST_INTEGRATIONS, CLOSE_TO_LABOUR_MARKET, QUALIFIED, EMPLOYMENT, APPRENTICESHIP, SELF_EMPLOYMENT,
            TEMPORARY_AGENCY, FIXED_TERM);
    public static final List<Measure> SUSTAINABILITY = List.of(N, INTEGRATED, CHECKED_AT_MONTH6, STILL_INTEGRATED, ENDED,
            ENDED_CHECKED_AT_MONTH6, PLACED, NOT_UNEMPLOYED);
    /** The summary table's count columns (INTEGRATED shares the integrations column). */
    static final List<Measure> SUMMARY_COLUMNS = List.of(N, INTEGRATIONS, MINIJOBS, UNEMPLOYED, OTHER, DROPOUTS, OPEN,
            FAST_INTEGRATIONS, CLOSE_TO_LABOUR_MARKET, QUALIFIED, EMPLOYMENT, APPRENTICESHIP, SELF_EMPLOYMENT,
            TEMPORARY_AGENCY, FIXED_TERM, CHECKED_AT_MONTH6, STILL_INTEGRATED, ENDED, ENDED_CHECKED_AT_MONTH6, PLACED,
            NOT_UNEMPLOYED);

    private final String field;
    private final String column;
    private final String condition;

    Measure(String field, String column, String condition) {
        this.field = field;
        this.column = column;
        this.condition = condition;
    }

    /** The name in a report row. */
    public String field() {
        return field;
    }

    /** The column of the summary table. */
    public String column() {
        return column;
    }

    /** The condition on a row of table participation. */
    public String condition() {
        return condition;
    }
}
