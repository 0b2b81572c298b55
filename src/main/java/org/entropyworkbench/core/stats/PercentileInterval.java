package org.entropyworkbench.core.stats;

import java.util.Arrays;

/**
 * A percentile bootstrap interval: the lower and upper quantiles of a statistic over the resamples
 * where it was defined (linear interpolation between order statistics, R's type 7).
 *
 * @param lower     lower bound, NaN when no resample gave a value
 * @param upper     upper bound, NaN when no resample gave a value
 * @param level     nominal coverage, e.g. 0.95
 * @param definedCount resamples where the statistic was defined
 * @param resamples resamples drawn
 */
public record PercentileInterval(double lower, double upper, double level, int definedCount, int resamples) {

    /** The interval of {@code samples} (NaN entries are resamples where the statistic was undefined). */
    public static PercentileInterval of(double[] samples, double level) {
        double[] v = Arrays.stream(samples).filter(d -> !Double.isNaN(d)).toArray();
        if (v.length == 0) {
            return new PercentileInterval(Double.NaN, Double.NaN, level, 0, samples.length);
        }
        Arrays.sort(v);
        double tail = (1 - level) / 2;
        return new PercentileInterval(quantile(v, tail), quantile(v, 1 - tail), level, v.length, samples.length);
    }

    /** An interval that was not computed (no bootstrap asked for). */
    public static PercentileInterval none() {
        return new PercentileInterval(Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }

    /** Quantile p of ascending finite values, type 7. */
    public static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Whether the interval has bounds. */
    public boolean defined() {
        return !Double.isNaN(lower);
    }

    /** Whether {@code value} lies inside, bounds included. */
    public boolean contains(double value) {
        return defined() && value >= lower && value <= upper;
    }
}
