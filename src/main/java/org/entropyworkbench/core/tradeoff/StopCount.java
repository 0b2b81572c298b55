package org.entropyworkbench.core.tradeoff;

/**
 * How many questions a gate at τ stops, given their step-1 scores sorted ascending with the NaN
 * scores (never stopped) after the finite ones: the trade-off tables and the signal bootstrap both
 * ask this for every τ they evaluate. Any thread.
 */
public final class StopCount {

    private StopCount() {
    }

    /**
     * Number of the first {@code finiteCount} entries of {@code ascending} that are ≤ τ (inclusive),
     * by binary search; 0 for NaN τ.
     */
    public static int atMost(double[] ascending, int finiteCount, double tau) {
        if (Double.isNaN(tau)) {
            return 0;
        }
        int lo = 0;
        int hi = finiteCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] <= tau) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
