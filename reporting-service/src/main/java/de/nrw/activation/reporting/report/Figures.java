package de.nrw.activation.reporting.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counts of one report row and what may be shown of them.
 *
 * <p>Suppression (cross-Jobcenter reports, statistical confidentiality): every count of 1 or 2
 * is hidden; if N itself is 1 or 2 the whole row is. A quota or share is hidden when its
 * numerator or its denominator is. Within a group of counts bound by a sum (N and the six
 * categories; the integrations and their three kinds) one hidden count alone could be worked
 * out by subtraction, so the smallest other positive count of the group is hidden too
 * (repeated until no group has a single hidden count). Not covered: working a hidden count
 * out of the total row minus the other rows (column-wise).
 *
 * <p>Quotas are exact fractions as decimals (16 significant digits); percentages are rounded
 * half-up to whole percent from the exact integers.
 */
final class Figures {

    private static final MathContext EXACT = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, Long> counts;
    private final Set<String> hidden = new LinkedHashSet<>();
    private final Set<String> suppressedFields = new LinkedHashSet<>();

    Figures(Map<String, Long> counts, boolean suppress, List<List<String>> additiveGroups) {
        this.counts = counts;
        if (!suppress) {
            return;
        }
        counts.forEach((name, value) -> {
            if (value == 1 || value == 2) {
                hidden.add(name);
            }
        });
        if (hidden.contains("n")) {
            hidden.addAll(counts.keySet());
            return;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<String> group : additiveGroups) {
                if (group.stream().filter(hidden::contains).count() == 1) {
                    changed |= group.stream().filter(name -> !hidden.contains(name) && counts.get(name) > 0)
                            .min(Comparator.comparing(counts::get))
                            .map(hidden::add).orElse(false);
                }
            }
        }
    }

    /** A count, or null when suppressed. */
    Long count(String name) {
        return count(name, name);
    }

    /** A count shown under another name (a nested field such as {@code exitsByReason.dropout}). */
    Long count(String field, String name) {
        if (hidden.contains(name)) {
            suppressedFields.add(field);
            return null;
        }
        return counts.get(name);
    }

    long raw(String name) {
        return counts.get(name);
    }

    /** numerator / denominator exactly; null when the denominator is 0 or either is suppressed. */
    BigDecimal ratio(String field, String numerator, String denominator) {
        if (hidden.contains(numerator) || hidden.contains(denominator)) {
            suppressedFields.add(field);
            return null;
        }
        long d = counts.get(denominator);
        return d == 0 ? null : BigDecimal.valueOf(counts.get(numerator)).divide(BigDecimal.valueOf(d), EXACT);
    }

    /** The same as a whole percentage, rounded half-up. */
    Integer percent(String field, String numerator, String denominator) {
        if (hidden.contains(numerator) || hidden.contains(denominator)) {
            suppressedFields.add(field);
            return null;
        }
        return percent(counts.get(numerator), counts.get(denominator));
    }

    static Integer percent(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).intValueExact();
    }

    boolean suppressed() {
        return !suppressedFields.isEmpty();
    }

    List<String> suppressedFields() {
        return new ArrayList<>(suppressedFields);
    }
}
