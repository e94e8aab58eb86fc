package de.nrw.activation.reporting.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The counts of one report row as published, and the quotas and shares computed from them.
 * For the coordinator's cross-Jobcenter view the counts are the perturbed ones (the cell key
 * method, {@code confidentiality}), so a quota never says more than its counts: a numerator
 * that came out above its denominator is capped at it (a share never above 1).
 *
 * <p>Quotas are exact fractions as decimals (16 significant digits); percentages are rounded
 * half-up to whole percent from the integers.
 */
final class Figures {

    private static final MathContext EXACT = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, Long> counts;

    Figures(Map<String, Long> counts) {
        this.counts = counts;
    }

    Long count(String name) {
        Long count = counts.get(name);
        if (count == null) {
            throw new IllegalArgumentException("No count " + name);
        }
        return count;
    }

    /** numerator / denominator; null when the denominator is 0. */
    BigDecimal ratio(String numerator, String denominator) {
        long d = count(denominator);
        return d == 0 ? null
                : BigDecimal.valueOf(Math.min(count(numerator), d)).divide(BigDecimal.valueOf(d), EXACT);
    }

    /** The same as a whole percentage, rounded half-up. */
    Integer percent(String numerator, String denominator) {
        long d = count(denominator);
        return percent(Math.min(count(numerator), d), d);
    }

    static Integer percent(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).intValueExact();
    }
}
