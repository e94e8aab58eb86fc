package de.nrw.activation.reporting.report;

import de.nrw.activation.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a report's rows are grouped by ({@code groupBy}); each maps to one read model column. */
public enum Dimension {
    JOBCENTER("jobcenter", "jobcenter_id"),
    PROVIDER_TYPE("providerType", "provider_type"),
    AGE_BAND("ageBand", "age_band"),
    GENDER("gender", "gender"),
    CUSTOMER_TYPE("customerType", "customer_type"),
    LABOUR_MARKET_DISTANCE("labourMarketDistance", "labour_market_distance"),
    VOCATIONAL_QUALIFICATION("vocationalQualification",
            "CASE WHEN vocational_qualification THEN 'true' WHEN NOT vocational_qualification THEN 'false' END");

    /** Rows whose value of the dimension is not known (for example an exit seen without its entry's attributes). */
    public static final String UNKNOWN = "UNKNOWN";
    public static final String NAMES = "jobcenter|providerType|ageBand|gender|customerType|labourMarketDistance|vocationalQualification";

    private final String parameter;
    private final String expression;

    Dimension(String parameter, String expression) {
        this.parameter = parameter;
        this.expression = expression;
    }

    public String parameter() {
        return parameter;
    }

    /** SQL expression of the row key: a fixed literal of this enum, never user input. */
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
