package de.nrw.activation.reporting.confidentiality;

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

    /** Per true count 1..4: the published values and their cumulative probabilities (the last is 1). */
    private static final long[][] SMALL_VALUES = {
            {0, 3, 4},
            {0, 3, 4},
            {0, 3, 4, 5},
            {0, 3, 4, 5, 6},
    };
    private static final double[][] SMALL_UPTO = {
            {0.60, 0.85, 1.0},
            {0.30, 0.70, 1.0},
            {0.20, 0.50, 0.80, 1.0},
            {0.10, 0.30, 0.60, 0.85, 1.0},
    };
    /** Counts of 5 and more: -2..+2, cumulative. */
    private static final double[] LARGE_UPTO = {0.10, 0.30, 0.70, 0.90, 1.0};

    private CellKeyMethod() { }

    /** The cell key of a cell whose records' keys sum to {@code keySum}: in [0, M). */
    public static long cellKey(long keySum) {
        return Math.floorMod(keySum, RecordKeys.M);
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
