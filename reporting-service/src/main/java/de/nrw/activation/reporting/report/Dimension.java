package de.nrw.activation.reporting.report;

import de.nrw.activation.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a report's rows are grouped by ({@code groupBy}); each maps to one read model column. */
public enum Dimension {
    JOBCENTER("jobcenter", "jobcenter_id", "jobcenter_id"),
    PROVIDER_TYPE("providerType", "provider_type", "provider_type"),
    AGE_BAND("ageBand", "age_band", "age_band"),
    GENDER("gender", "gender", "gender"),
    CUSTOMER_TYPE("customerType", "customer_type", "customer_type"),
    LABOUR_MARKET_DISTANCE("labourMarketDistance", "labour_market_distance", "labour_market_distance"),
    VOCATIONAL_QUALIFICATION("vocationalQualification", "vocational_qualification::text", "vocational_qualification"),
    // The trend: whole calendar quarters and months of the entry date (the summary's entry_month,
    // 'YYYY-MM', gives both).
    ENTRY_QUARTER("entryQuarter", "to_char(entry_date, 'YYYY-\"Q\"Q')",
            "substr(entry_month, 1, 4) || '-Q' || ((substr(entry_month, 6, 2)::int + 2) / 3)::text"),
    ENTRY_MONTH("entryMonth", "to_char(entry_date, 'YYYY-MM')", "entry_month");

    /** Rows whose value of the dimension is not known (for example an exit seen without its entry's attributes). */
    public static final String UNKNOWN = "UNKNOWN";
    public static final String NAMES = "jobcenter|providerType|ageBand|gender|customerType|labourMarketDistance|"
            + "vocationalQualification|entryQuarter|entryMonth";

    private final String parameter;
    private final String expression;
    private final String summaryColumn;

    Dimension(String parameter, String expression, String summaryColumn) {
        this.parameter = parameter;
        this.expression = expression;
        this.summaryColumn = summaryColumn;
    }

    /** Whether the summary table has this dimension as a column. */
    boolean inSummary() {
        return summaryColumn != null;
    }

    /** The column (or expression over its columns) of the summary table (unknown values stored as UNKNOWN). */
    String summaryColumn() {
        return summaryColumn;
    }

    public String parameter() {
        return parameter;
    }

    /** SQL expression of the row key over table participation: a fixed literal of this enum, never user input. */
    String keyExpression() {
        return "coalesce(" + expression + ", '" + UNKNOWN + "')";
    }

    public static Dimension of(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return JOBCENTER;
        }
        return Arrays.stream(values()).filter(d -> d.parameter.equals(parameter)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("groupBy", "must be one of "
                        + Arrays.stream(values()).map(Dimension::parameter).collect(Collectors.joining(", "))));
    }
}
