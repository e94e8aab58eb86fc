package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.LabourMarketDistance;
import de.nrw.activation.contract.OutcomeKind;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the reports count, as conditions on a participation of the read model (whose category
 * the projection has computed, see {@link Classification}). The summary table has one column
 * per measure; a report sums the columns, or counts the participations where the condition
 * holds when it selects an entry period.
 */
public enum Measure {
    N("n", "n", "true"),
    INTEGRATIONS("integrations", "integrations", Sql.INTEGRATION),
    MINIJOBS("minijobs", "minijobs", Sql.category(Category.MINIJOB)),
    UNEMPLOYED("unemployed", "unemployed", Sql.category(Category.UNEMPLOYED)),
    OTHER("other", "other", Sql.category(Category.OTHER)),
    DROPOUTS("dropouts", "dropouts", Sql.category(Category.DROPOUT)),
    OPEN("open", "open", Sql.category(Category.OPEN)),
    FAST_INTEGRATIONS("fastIntegrations", "fast_integrations", "fast_integration"),
    CLOSE_TO_LABOUR_MARKET("closeToLabourMarket", "close_to_labour_market",
            "labour_market_distance = " + Sql.literal(LabourMarketDistance.CLOSE)),
    QUALIFIED("qualified", "qualified", "vocational_qualification"),
    EMPLOYMENT("employment", "employment", Sql.integrationOf(OutcomeKind.EMPLOYMENT)),
    APPRENTICESHIP("apprenticeship", "apprenticeship", Sql.integrationOf(OutcomeKind.APPRENTICESHIP)),
    SELF_EMPLOYMENT("selfEmployment", "self_employment", Sql.integrationOf(OutcomeKind.SELF_EMPLOYMENT)),
    TEMPORARY_AGENCY("temporaryAgency", "temporary_agency",
            Sql.integrationOf(OutcomeKind.EMPLOYMENT) + " AND temporary_agency"),
    FIXED_TERM("fixedTerm", "fixed_term", Sql.integrationOf(OutcomeKind.EMPLOYMENT) + " AND fixed_term"),
    INTEGRATED("integrated", "integrations", Sql.INTEGRATION),
    CHECKED_AT_MONTH6("checkedAtMonth6", "integrated_checked_month6", Sql.INTEGRATION + " AND month6_status IS NOT NULL"),
    STILL_INTEGRATED("stillIntegrated", "still_integrated",
            Sql.INTEGRATION + " AND month6_status IN " + Sql.list(Classification.INTEGRATIONS)),
    ENDED("ended", "ended", "exit_date IS NOT NULL"),
    ENDED_CHECKED_AT_MONTH6("endedCheckedAtMonth6", "ended_checked_month6", "exit_date IS NOT NULL AND month6_status IS NOT NULL"),
    PLACED("placed", "placed", "exit_date IS NOT NULL AND month6_status IN " + Sql.list(Classification.PLACEMENTS)),
    NOT_UNEMPLOYED("notUnemployed", "not_unemployed",
            "exit_date IS NOT NULL AND month6_status IS NOT NULL AND month6_status <> " + Sql.literal(OutcomeKind.UNEMPLOYED)),
    CHECKED_AT_MONTH12("checkedAtMonth12", "integrated_checked_month12", Sql.INTEGRATION + " AND month12_status IS NOT NULL"),
    STILL_INTEGRATED_AT_MONTH12("stillIntegratedAtMonth12", "still_integrated_month12",
            Sql.INTEGRATION + " AND month12_status IN " + Sql.list(Classification.INTEGRATIONS)),
    // Exits by reason, whatever happened afterwards (the evaluation's dropout rate counts EXITS_DROPOUT)
    EXITS_COMPLETED("exitsCompleted", "exits_completed", Sql.exit(ExitReason.COMPLETED)),
    EXITS_INTEGRATED("exitsIntegrated", "exits_integrated", Sql.exit(ExitReason.INTEGRATED)),
    EXITS_DROPOUT("exitsDropout", "exits_dropout", Sql.exit(ExitReason.DROPOUT)),
    EXITS_OTHER("exitsOther", "exits_other", Sql.exit(ExitReason.OTHER)),
    EXITS_GROUP_CANCELLED("exitsGroupCancelled", "exits_group_cancelled", "exit_date IS NOT NULL AND group_cancelled");

    /** The exits by reason, part of both reports. */
    static final List<Measure> EXITS = List.of(ENDED, EXITS_COMPLETED, EXITS_INTEGRATED, EXITS_DROPOUT, EXITS_OTHER,
            EXITS_GROUP_CANCELLED);

    public static final List<Measure> WHEREABOUTS = concat(List.of(N, INTEGRATIONS, MINIJOBS, UNEMPLOYED, OTHER, DROPOUTS,
            OPEN, FAST_INTEGRATIONS, CLOSE_TO_LABOUR_MARKET, QUALIFIED, EMPLOYMENT, APPRENTICESHIP, SELF_EMPLOYMENT,
            TEMPORARY_AGENCY, FIXED_TERM), EXITS);
    public static final List<Measure> SUSTAINABILITY = concat(List.of(N, INTEGRATED, CHECKED_AT_MONTH6, STILL_INTEGRATED,
            ENDED_CHECKED_AT_MONTH6, PLACED, NOT_UNEMPLOYED, CHECKED_AT_MONTH12, STILL_INTEGRATED_AT_MONTH12), EXITS);
    /** The summary table's count columns (INTEGRATED shares the integrations column). */
    static final List<Measure> SUMMARY_COLUMNS = List.of(N, INTEGRATIONS, MINIJOBS, UNEMPLOYED, OTHER, DROPOUTS, OPEN,
            FAST_INTEGRATIONS, CLOSE_TO_LABOUR_MARKET, QUALIFIED, EMPLOYMENT, APPRENTICESHIP, SELF_EMPLOYMENT,
            TEMPORARY_AGENCY, FIXED_TERM, CHECKED_AT_MONTH6, STILL_INTEGRATED, ENDED, ENDED_CHECKED_AT_MONTH6, PLACED,
            NOT_UNEMPLOYED, CHECKED_AT_MONTH12, STILL_INTEGRATED_AT_MONTH12, EXITS_COMPLETED, EXITS_INTEGRATED,
            EXITS_DROPOUT, EXITS_OTHER, EXITS_GROUP_CANCELLED);

    /**
     * Participations whose category can still change: not ended, or the window (exit + 3 months,
     * inclusive) not yet passed. Not in the summary (it depends on the day): counted over the
     * participations, with {@link Classification#earliestProvisionalExit} of today as the parameter.
     */
    public static final String PROVISIONAL_SINCE = "(exit_date IS NULL OR exit_date >= ?)";

    private static List<Measure> concat(List<Measure> first, List<Measure> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

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

    /** The column of the summary table beside {@link #column()}: the sum of the counted participations' record keys. */
    public String keysColumn() {
        return column + "_keys";
    }

    /** The condition on a row of table participation. */
    public String condition() {
        return condition;
    }

    /** SQL literals from the enums' names: fixed values of this code, never input. */
    private static final class Sql {
        static final String INTEGRATION = category(Category.INTEGRATION);

        static String literal(Enum<?> value) {
            return "'" + value.name() + "'";
        }

        static String list(Collection<? extends Enum<?>> values) {
            return values.stream().map(Sql::literal).collect(Collectors.joining(", ", "(", ")"));
        }

        static String category(Category category) {
            return "category = " + literal(category);
        }

        static String exit(ExitReason reason) {
            return "exit_date IS NOT NULL AND exit_reason = " + literal(reason);
        }

        static String integrationOf(OutcomeKind kind) {
            return INTEGRATION + " AND integration_kind = " + literal(kind);
        }
    }
}
