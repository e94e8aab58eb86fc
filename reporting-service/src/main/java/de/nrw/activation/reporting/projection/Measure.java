package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.LabourMarketDistance;
import de.nrw.activation.contract.OutcomeKind;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the reports count, as conditions on a participation of the read model (whose category
 * the projection has computed, see {@link Classification}). The summary table has one column
 * per measure; a report sums the columns, or counts the participations where the condition
 * holds when it selects an entry period.
 */
public enum Measure {
    N("n", "n", "true", r -> true),
    INTEGRATIONS("integrations", "integrations", Sql.INTEGRATION, Is::integration),
    MINIJOBS("minijobs", "minijobs", Sql.category(Category.MINIJOB), r -> Is.category(r, Category.MINIJOB)),
    UNEMPLOYED("unemployed", "unemployed", Sql.category(Category.UNEMPLOYED), r -> Is.category(r, Category.UNEMPLOYED)),
    OTHER("other", "other", Sql.category(Category.OTHER), r -> Is.category(r, Category.OTHER)),
    DROPOUTS("dropouts", "dropouts", Sql.category(Category.DROPOUT), r -> Is.category(r, Category.DROPOUT)),
    OPEN("open", "open", Sql.category(Category.OPEN), r -> Is.category(r, Category.OPEN)),
    FAST_INTEGRATIONS("fastIntegrations", "fast_integrations", "fast_integration", SummaryRow::fastIntegration),
    CLOSE_TO_LABOUR_MARKET("closeToLabourMarket", "close_to_labour_market",
            "labour_market_distance = " + Sql.literal(LabourMarketDistance.CLOSE),
            r -> Is.named(r.labourMarketDistance(), LabourMarketDistance.CLOSE)),
    QUALIFIED("qualified", "qualified", "vocational_qualification",
            r -> Boolean.TRUE.equals(r.vocationalQualification())),
    EMPLOYMENT("employment", "employment", Sql.integrationOf(OutcomeKind.EMPLOYMENT),
            r -> Is.integrationOf(r, OutcomeKind.EMPLOYMENT)),
    APPRENTICESHIP("apprenticeship", "apprenticeship", Sql.integrationOf(OutcomeKind.APPRENTICESHIP),
            r -> Is.integrationOf(r, OutcomeKind.APPRENTICESHIP)),
    SELF_EMPLOYMENT("selfEmployment", "self_employment", Sql.integrationOf(OutcomeKind.SELF_EMPLOYMENT),
            r -> Is.integrationOf(r, OutcomeKind.SELF_EMPLOYMENT)),
    TEMPORARY_AGENCY("temporaryAgency", "temporary_agency",
            Sql.integrationOf(OutcomeKind.EMPLOYMENT) + " AND temporary_agency",
            r -> Is.integrationOf(r, OutcomeKind.EMPLOYMENT) && r.temporaryAgency()),
    FIXED_TERM("fixedTerm", "fixed_term", Sql.integrationOf(OutcomeKind.EMPLOYMENT) + " AND fixed_term",
            r -> Is.integrationOf(r, OutcomeKind.EMPLOYMENT) && r.fixedTerm()),
    INTEGRATED("integrated", "integrations", Sql.INTEGRATION, Is::integration),
    CHECKED_AT_MONTH6("checkedAtMonth6", "integrated_checked_month6", Sql.INTEGRATION + " AND month6_status IS NOT NULL",
            r -> Is.integration(r) && r.month6Status() != null),
    STILL_INTEGRATED("stillIntegrated", "still_integrated",
            Sql.INTEGRATION + " AND month6_status IN " + Sql.list(Classification.INTEGRATIONS),
            r -> Is.integration(r) && Is.oneOf(r.month6Status(), Classification.INTEGRATIONS)),
    ENDED("ended", "ended", "exit_date IS NOT NULL", r -> r.exitDate() != null),
    ENDED_CHECKED_AT_MONTH6("endedCheckedAtMonth6", "ended_checked_month6", "exit_date IS NOT NULL AND month6_status IS NOT NULL",
            r -> r.exitDate() != null && r.month6Status() != null),
    PLACED("placed", "placed", "exit_date IS NOT NULL AND month6_status IN " + Sql.list(Classification.PLACEMENTS),
            r -> r.exitDate() != null && Is.oneOf(r.month6Status(), Classification.PLACEMENTS)),
    NOT_UNEMPLOYED("notUnemployed", "not_unemployed",
            "exit_date IS NOT NULL AND month6_status IS NOT NULL AND month6_status <> " + Sql.literal(OutcomeKind.UNEMPLOYED),
            r -> r.exitDate() != null && r.month6Status() != null && !Is.named(r.month6Status(), OutcomeKind.UNEMPLOYED)),
    CHECKED_AT_MONTH12("checkedAtMonth12", "integrated_checked_month12", Sql.INTEGRATION + " AND month12_status IS NOT NULL",
            r -> Is.integration(r) && r.month12Status() != null),
    STILL_INTEGRATED_AT_MONTH12("stillIntegratedAtMonth12", "still_integrated_month12",
            Sql.INTEGRATION + " AND month12_status IN " + Sql.list(Classification.INTEGRATIONS),
            r -> Is.integration(r) && Is.oneOf(r.month12Status(), Classification.INTEGRATIONS)),
    // Exits by reason, whatever happened afterwards (the evaluation's dropout rate counts EXITS_DROPOUT)
    EXITS_COMPLETED("exitsCompleted", "exits_completed", Sql.exit(ExitReason.COMPLETED), r -> Is.exit(r, ExitReason.COMPLETED)),
    EXITS_INTEGRATED("exitsIntegrated", "exits_integrated", Sql.exit(ExitReason.INTEGRATED),
            r -> Is.exit(r, ExitReason.INTEGRATED)),
    EXITS_DROPOUT("exitsDropout", "exits_dropout", Sql.exit(ExitReason.DROPOUT), r -> Is.exit(r, ExitReason.DROPOUT)),
    EXITS_OTHER("exitsOther", "exits_other", Sql.exit(ExitReason.OTHER), r -> Is.exit(r, ExitReason.OTHER)),
    EXITS_GROUP_CANCELLED("exitsGroupCancelled", "exits_group_cancelled", "exit_date IS NOT NULL AND group_cancelled",
            r -> r.exitDate() != null && r.groupCancelled());

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
    private final Predicate<SummaryRow> test;

    /** {@code test} is {@code condition} in Java (SQL's NULL as false), checked against it by MeasureConditionsTest. */
    Measure(String field, String column, String condition, Predicate<SummaryRow> test) {
        this.field = field;
        this.column = column;
        this.condition = condition;
        this.test = test;
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

    /**
     * Whether the condition holds for this row, computed in Java: true exactly where
     * {@link #condition()} is true in PostgreSQL (NULL counts as false, as in a FILTER clause).
     */
    boolean holdsFor(SummaryRow row) {
        return test.test(row);
    }

    /** The conditions' parts in Java, on the stored values (enum names, NULL for unknown). */
    private static final class Is {
        static boolean category(SummaryRow r, Category category) {
            return named(r.category(), category);
        }

        static boolean integration(SummaryRow r) {
            return category(r, Category.INTEGRATION);
        }

        static boolean integrationOf(SummaryRow r, OutcomeKind kind) {
            return integration(r) && named(r.integrationKind(), kind);
        }

        static boolean exit(SummaryRow r, ExitReason reason) {
            return r.exitDate() != null && named(r.exitReason(), reason);
        }

        static boolean named(String stored, Enum<?> value) {
            return value.name().equals(stored);
        }

        static boolean oneOf(String stored, Collection<? extends Enum<?>> values) {
            return stored != null && values.stream().anyMatch(v -> v.name().equals(stored));
        }
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
