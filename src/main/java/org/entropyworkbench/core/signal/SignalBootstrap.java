package org.entropyworkbench.core.signal;

import java.util.SplittableRandom;
import org.entropyworkbench.core.threshold.ThresholdOptions;

/**
 * Seeded nonparametric bootstrap over the questions of a {@link SignalSample}: each resample draws n
 * questions with replacement and yields AUROC, Cohen's d and each rule's τ, token savings and Δ-Acc.
 * The draws come from one {@link SplittableRandom} seeded with {@code seed}, so a seed always gives the
 * same resamples, and the fast and the naive path see exactly the same ones. Also the label-permutation
 * test. Stateless apart from its inputs; the caller's thread.
 */
public final class SignalBootstrap {

    /** The default: 2,000 resamples. */
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 20251009L;
    public static final double LEVEL = 0.95;

    private SignalBootstrap() {
    }

    /**
     * All resamples, fast path: {@code result[statistic][resample]} in the {@link ResampleStatistic} layout.
     * NaN where a statistic is undefined in a resample (e.g. no incorrect answer drawn).
     */
    public static double[][] resample(SignalSample sample, SignalDirection direction, ThresholdOptions options,
                                      int resamples, long seed) {
        WeightedResampleKernel kernel = new WeightedResampleKernel(sample, direction, options);
        int n = sample.size();
        double[][] out = new double[ResampleStatistic.COUNT][resamples];
        double[] one = new double[ResampleStatistic.COUNT];
        int[] counts = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            java.util.Arrays.fill(counts, 0);
            for (int j = 0; j < n; j++) {
                counts[random.nextInt(n)]++;
            }
            kernel.evaluate(counts, one);
            for (int t = 0; t < one.length; t++) {
                out[t][b] = one[t];
            }
        }
        return out;
    }

    /** As {@link #resample} by naive recomputation of every resample (the benchmark baseline and test oracle). */
    public static double[][] resampleNaively(SignalSample sample, SignalDirection direction, ThresholdOptions options,
                                             int resamples, long seed) {
        NaiveResample naive = new NaiveResample(sample, direction, options);
        int n = sample.size();
        double[][] out = new double[ResampleStatistic.COUNT][resamples];
        double[] one = new double[ResampleStatistic.COUNT];
        int[] drawn = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            for (int j = 0; j < n; j++) {
                drawn[j] = random.nextInt(n);
            }
            naive.evaluate(drawn, one);
            for (int t = 0; t < one.length; t++) {
                out[t][b] = one[t];
            }
        }
        return out;
    }

    /**
     * Two-sided permutation test of the difference of class means of the labelled questions: the share of
     * label shuffles (plus the observed labelling) whose |μ_i − μ_c| is at least the observed one,
     * (1 + hits) / (1 + permutations). Each shuffle draws only the smaller class (a partial Fisher-Yates);
     * the other class is the rest. NaN when a class is empty or {@code permutations} is 0.
     */
    public static double permutationP(SignalSample sample, int permutations, long seed) {
        int labelled = 0;
        int correct = 0;
        double total = 0;
        for (int q = 0; q < sample.size; q++) {
            if (sample.labelled[q]) {
                labelled++;
                total += sample.score[q];
                if (sample.correct[q]) {
                    correct++;
                }
            }
        }
        int incorrect = labelled - correct;
        if (correct == 0 || incorrect == 0 || permutations <= 0) {
            return Double.NaN;
        }
        double[] x = new double[labelled];
        double observedCorrectSum = 0;
        int j = 0;
        for (int q = 0; q < sample.size; q++) {
            if (sample.labelled[q]) {
                x[j++] = sample.score[q];
                if (sample.correct[q]) {
                    observedCorrectSum += sample.score[q];
                }
            }
        }
        double observed = meanGap(observedCorrectSum, total, correct, incorrect);
        double bar = observed * (1 - 1e-12);
        SplittableRandom random = new SplittableRandom(seed);
        int hits = 0;
        int drawn = Math.min(correct, incorrect);
        for (int p = 0; p < permutations; p++) {
            double sum = 0;
            for (int a = 0; a < drawn; a++) {
                int pick = a + random.nextInt(labelled - a);
                double t = x[pick];
                x[pick] = x[a];
                x[a] = t;
                sum += t;
            }
            double correctSum = drawn == correct ? sum : total - sum;
            if (meanGap(correctSum, total, correct, incorrect) >= bar) {
                hits++;
            }
        }
        return (1.0 + hits) / (1.0 + permutations);
    }

    private static double meanGap(double correctSum, double total, int correct, int incorrect) {
        return Math.abs((total - correctSum) / incorrect - correctSum / correct);
    }
}
