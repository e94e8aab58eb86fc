package de.nrw.activation.reporting.confidentiality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cell key method (ABS, German statistical offices): a published count is the true count
 * plus a perturbation looked up from the true count and the cell key, the sum of the record keys
 * of the records in the cell modulo {@link RecordKeys#M}. Same records, same cell key, same
 * answer: repeating or overlapping a query yields nothing new.
 *
 * <p>The table: 0 stays 0 (counts of 0 are not secret); 1 and 2 become 0, 3 or 4, never 1 or 2;
 * 3 and 4 may become 0; a count of 5 or more moves by at most 2 (and stays at least 3). No
 * published value is 1 or 2. Pure, no state.
 */
public final class CellKeyMethod {

    /**
     * Per true count 1..4: the published values and their cumulative probabilities (the last is 1).
     * The outcomes that would pin a count between two published bounds (a 4 published as 0, a 3
     * as 5, a 4 as 6) are rare, and each row's mean is its count (unbiased).
     */
    private static final long[][] SMALL_VALUES = {
            {0, 3, 4},
            {0, 3, 4},
            {0, 3, 4, 5},
            {0, 3, 4, 5, 6},
    };
    private static final double[][] SMALL_UPTO = {
            {0.70, 0.90, 1.0},
            {0.45, 0.75, 1.0},
            {0.15, 0.55, 0.93, 1.0},
            {0.03, 0.28, 0.70, 0.95, 1.0},
    };
    /** Counts of 5 and more: -2..+2 (3, 22, 50, 22, 3 %), cumulative; the extremes rare (see docs/confidentiality.md). */
    private static final double[] LARGE_UPTO = {0.03, 0.25, 0.75, 0.97, 1.0};

    private CellKeyMethod() { }

    /** The cell key of a cell whose records' keys sum to {@code keySum}: in [0, M). */
    public static long cellKey(long keySum) {
        return Math.floorMod(keySum, RecordKeys.M);
    }

    /**
     * The published values of counts, each perturbed by its own key sum ({@code keySums} has one
     * for every name of {@code counts}); the order of the names is kept.
     */
    public static Map<String, Long> perturbed(Map<String, Long> counts, Map<String, Long> keySums) {
        Map<String, Long> published = new LinkedHashMap<>();
        counts.forEach((name, count) -> {
            Long keySum = keySums.get(name);
            if (keySum == null) {
                throw new IllegalArgumentException("No key sum for the count " + name);
            }
            published.put(name, perturbed(count, keySum));
        });
        return published;
    }

    /** The published value of a true count whose records' keys sum to {@code keySum}. */
    public static long perturbed(long count, long keySum) {
        if (count < 0) {
            throw new IllegalArgumentException("A count is never negative");
        }
        if (count == 0) {
            return 0;
        }
        double p = (cellKey(keySum) + 0.5) / RecordKeys.M;
        if (count < 5) {
            int row = (int) count - 1;
            double[] upto = SMALL_UPTO[row];
            for (int i = 0; i < upto.length; i++) {
                if (p < upto[i]) {
                    return SMALL_VALUES[row][i];
                }
            }
            return SMALL_VALUES[row][upto.length - 1];
        }
        for (int i = 0; i < LARGE_UPTO.length; i++) {
            if (p < LARGE_UPTO[i]) {
                return count - 2 + i;
            }
        }
        return count + 2;
    }
}
