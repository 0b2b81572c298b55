package org.entropyworkbench.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * How well step-1 entropy separates correct from incorrect answers (method.md sections 5 and 12,
 * items 8 and 17).
 *
 * <ul>
 *   <li>{@code pooledSd}: s_p = sqrt(((n_c-1)σ_c² + (n_i-1)σ_i²) / (n_c + n_i - 2)).</li>
 *   <li>{@code cohensD}: signed (μ_i - μ_c) / s_p; positive when incorrect answers have higher
 *       entropy (the reasoning-model pattern), negative when they have lower entropy.</li>
 *   <li>{@code welchT}, {@code welchDf}, {@code pValue}: Welch's unequal-variance t-test of
 *       μ_i - μ_c (same sign as d), Welch–Satterthwaite degrees of freedom, two-sided p from the
 *       Student t distribution (commons-math3).</li>
 *   <li>{@code overlap}: overlapping coefficient of the two class histograms: both classes are
 *       binned into the same B equal-width bins spanning the smallest to the largest value of
 *       either class, each histogram is normalised to sum 1, and overlap = Σ_b min(p_c(b), p_i(b)).
 *       1 = identical distributions, 0 = no shared bin. B = clamp(ceil(sqrt(n_c + n_i)), 5, 50)
 *       ({@link #defaultBins(int)}). When every value is the same the overlap is 1.</li>
 * </ul>
 *
 * <p>Tiny classes give defined results: d, t, df and p are NaN when either class has fewer than 2
 * values or both variances are zero; overlap is NaN when either class is empty. {@code note}
 * then says why (null when everything is defined). Immutable, any thread.
 */
public record Separation(
        ClassStatistics correct,
        ClassStatistics incorrect,
        double pooledSd,
        double cohensD,
        double welchT,
        double welchDf,
        double pValue,
        double overlap,
        String note) {

    /** Computes every statistic from the two classes' step-1 entropies (non-finite values skipped). */
    public static Separation of(double[] correctH, double[] incorrectH) {
        ClassStatistics c = ClassStatistics.of(correctH);
        ClassStatistics i = ClassStatistics.of(incorrectH);
        double overlap = overlap(correctH, incorrectH, defaultBins(c.n() + i.n()));
        if (c.n() < 2 || i.n() < 2) {
            String note = "needs at least 2 correct and 2 incorrect examples (have " + c.n()
                    + " correct, " + i.n() + " incorrect): Cohen's d and the t-test are undefined";
            return new Separation(c, i, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, overlap, note);
        }
        double pooledVar = ((c.n() - 1) * c.variance() + (i.n() - 1) * i.variance()) / (c.n() + i.n() - 2);
        double pooledSd = Math.sqrt(pooledVar);
        double diff = i.mean() - c.mean();
        double varC = c.variance() / c.n();
        double varI = i.variance() / i.n();
        double se2 = varC + varI;
        if (pooledSd == 0 || se2 == 0) {
            String note = "both classes have zero variance: Cohen's d and the t-test are undefined";
            return new Separation(c, i, pooledSd, Double.NaN, Double.NaN, Double.NaN, Double.NaN, overlap, note);
        }
        double d = diff / pooledSd;
        double t = diff / Math.sqrt(se2);
        double df = se2 * se2 / (varC * varC / (c.n() - 1) + varI * varI / (i.n() - 1));
        double p = 2.0 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
        return new Separation(c, i, pooledSd, d, t, df, Math.min(1.0, p), overlap, null);
    }

    /**
     * Only the effect size from already computed class statistics (t-test, p and overlap NaN): what the
     * threshold rules need, cheap enough to run once per bootstrap resample.
     */
    public static Separation ofStatistics(ClassStatistics c, ClassStatistics i) {
        if (c.n() < 2 || i.n() < 2) {
            return new Separation(c, i, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "needs at least 2 correct and 2 incorrect examples");
        }
        double pooledSd = Math.sqrt(((c.n() - 1) * c.variance() + (i.n() - 1) * i.variance()) / (c.n() + i.n() - 2));
        if (pooledSd == 0) {
            return new Separation(c, i, pooledSd, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "both classes have zero variance");
        }
        return new Separation(c, i, pooledSd, (i.mean() - c.mean()) / pooledSd, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, null);
    }

    /** Bin count used for {@link #overlap}: clamp(ceil(sqrt(total)), 5, 50). */
    public static int defaultBins(int total) {
        return Math.max(5, Math.min(50, (int) Math.ceil(Math.sqrt(Math.max(0, total)))));
    }

    /**
     * Overlapping coefficient of two samples over {@code bins} common equal-width bins (see the
     * class comment); non-finite values are skipped. NaN when either sample has no finite value.
     */
    public static double overlap(double[] a, double[] b, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int na = 0;
        int nb = 0;
        for (double v : a) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                na++;
            }
        }
        for (double v : b) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                nb++;
            }
        }
        if (na == 0 || nb == 0) {
            return Double.NaN;
        }
        if (max == min) {
            return 1.0;
        }
        double[] ha = histogram(a, min, max, bins);
        double[] hb = histogram(b, min, max, bins);
        double sum = 0;
        for (int k = 0; k < bins; k++) {
            sum += Math.min(ha[k] / na, hb[k] / nb);
        }
        return Math.min(1.0, sum);
    }

    private static double[] histogram(double[] values, double min, double max, int bins) {
        double[] h = new double[bins];
        double width = (max - min) / bins;
        for (double v : values) {
            if (Double.isFinite(v)) {
                int k = (int) ((v - min) / width);
                h[Math.min(bins - 1, Math.max(0, k))]++;
            }
        }
        return h;
    }

    /** Whether Cohen's d and the t-test are defined. */
    public boolean defined() {
        return !Double.isNaN(cohensD);
    }
}
