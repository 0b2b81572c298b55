package org.entropyworkbench.core.stats;

/**
 * Spread of a set of values (e.g. one rule's τ over repeated few-shot draws). NaN values are
 * skipped; with no value left every statistic is NaN. sd uses n - 1 and is NaN for one value.
 *
 * @param count values summarised
 * @param mean  arithmetic mean
 * @param sd    sample standard deviation
 * @param min   smallest value
 * @param max   largest value
 */
public record SampleSummary(int count, double mean, double sd, double min, double max) {

    public static SampleSummary of(double[] values) {
        ClassStatistics stats = ClassStatistics.of(values);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (stats.n() == 0) {
            return new SampleSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new SampleSummary(stats.n(), stats.mean(), stats.sd(), min, max);
    }
}
