package org.entropyworkbench.core.signal;

import org.entropyworkbench.core.stats.ClassStatistics;
import org.entropyworkbench.core.stats.Separation;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.threshold.ThresholdSet;

/**
 * The fast path of the bootstrap: one resample is a count per question (how often it was drawn), and
 * because the {@link SignalSample} is sorted once, every statistic of the resample comes from two
 * linear passes over the counts: weighted class moments, AUROC by a sweep over tied groups, and prefix
 * sums for the trade-off, where each rule's τ is a binary search. No sorting, no copying per resample.
 *
 * <p>Not thread-safe (scratch arrays): one instance per thread.
 */
final class WeightedResampleKernel {

    private final SignalSample s;
    private final SignalDirection direction;
    private final ThresholdOptions options;
    private final ThresholdCalculator calculator = new ThresholdCalculator();
    private final long[] prefixOk1;
    private final long[] prefixOkFinal;
    private final long[] prefixSaved;

    WeightedResampleKernel(SignalSample sample, SignalDirection direction, ThresholdOptions options) {
        this.s = sample;
        this.direction = direction;
        this.options = options;
        prefixOk1 = new long[sample.size + 1];
        prefixOkFinal = new long[sample.size + 1];
        prefixSaved = new long[sample.size + 1];
    }

    /** Fills {@code out} ({@link ResampleStatistic} layout) for the resample with these counts per sorted position. */
    void evaluate(int[] counts, double[] out) {
        int n = s.size;
        double[] x = s.score;
        long wc = 0;
        long wi = 0;
        double sumC = 0;
        double sumI = 0;
        for (int q = 0; q < n; q++) {
            int k = counts[q];
            if (k != 0 && s.labelled[q]) {
                if (s.correct[q]) {
                    wc += k;
                    sumC += k * x[q];
                } else {
                    wi += k;
                    sumI += k * x[q];
                }
            }
        }
        double meanC = wc == 0 ? Double.NaN : sumC / wc;
        double meanI = wi == 0 ? Double.NaN : sumI / wi;
        double sqC = 0;
        double resC = 0;
        double sqI = 0;
        double resI = 0;
        double pairs = 0;
        long correctBelow = 0;
        long groupC = 0;
        long groupI = 0;
        double groupValue = Double.NaN;
        long ok1 = 0;
        long okFinal = 0;
        long saved = 0;
        long tokens = 0;
        long complete = 0;
        for (int q = 0; q < n; q++) {
            int k = counts[q];
            if (k != 0) {
                if (s.labelled[q]) {
                    double v = x[q];
                    if (v != groupValue) {
                        pairs += groupI * (double) correctBelow + 0.5 * groupI * (double) groupC;
                        correctBelow += groupC;
                        groupC = 0;
                        groupI = 0;
                        groupValue = v;
                    }
                    if (s.correct[q]) {
                        double d = v - meanC;
                        sqC += k * d * d;
                        resC += k * d;
                        groupC += k;
                    } else {
                        double d = v - meanI;
                        sqI += k * d * d;
                        resI += k * d;
                        groupI += k;
                    }
                }
                if (s.complete[q]) {
                    ok1 += (long) k * s.okStep1[q];
                    okFinal += (long) k * s.okFinal[q];
                    saved += k * s.savedTokens[q];
                    tokens += k * s.totalTokens[q];
                    complete += k;
                }
            }
            prefixOk1[q + 1] = ok1;
            prefixOkFinal[q + 1] = okFinal;
            prefixSaved[q + 1] = saved;
        }
        pairs += groupI * (double) correctBelow + 0.5 * groupI * (double) groupC;
        out[ResampleStatistic.AUROC] = wc == 0 || wi == 0 ? Double.NaN : pairs / ((double) wc * wi);

        ClassStatistics c = moments(wc, meanC, sqC, resC);
        ClassStatistics i = moments(wi, meanI, sqI, resI);
        Separation sep = Separation.ofStatistics(c, i);
        out[ResampleStatistic.COHENS_D] = sep.cohensD();
        ThresholdSet set = calculator.compute(sep, options);
        double finalAccuracy = complete == 0 ? Double.NaN : (double) okFinal / complete;
        for (ThresholdMethod m : ThresholdMethod.values()) {
            double tau = set.tau(m);
            int stopped = s.stoppedAt(tau);
            out[ResampleStatistic.tau(m)] = direction.orient(tau);
            if (complete == 0) {
                out[ResampleStatistic.savings(m)] = Double.NaN;
                out[ResampleStatistic.deltaAccuracy(m)] = Double.NaN;
            } else {
                double gated = (double) (prefixOk1[stopped] + okFinal - prefixOkFinal[stopped]) / complete;
                out[ResampleStatistic.savings(m)] = tokens == 0 ? 0.0 : (double) prefixSaved[stopped] / tokens;
                out[ResampleStatistic.deltaAccuracy(m)] = 100.0 * (gated - finalAccuracy);
            }
        }
    }

    /** Class statistics of a weighted class, as {@link ClassStatistics#of} computes them for the expanded values. */
    private static ClassStatistics moments(long n, double mean, double squares, double residual) {
        if (n == 0) {
            return new ClassStatistics(0, Double.NaN, Double.NaN);
        }
        if (n < 2) {
            return new ClassStatistics((int) n, mean, Double.NaN);
        }
        double variance = (squares - residual * residual / n) / (n - 1);
        return new ClassStatistics((int) n, mean, Math.sqrt(Math.max(0.0, variance)));
    }
}
