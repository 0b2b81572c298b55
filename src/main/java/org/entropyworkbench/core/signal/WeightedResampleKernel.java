package org.entropyworkbench.core.signal;

import org.entropyworkbench.core.stats.ClassStatistics;
import org.entropyworkbench.core.stats.Separation;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.threshold.ThresholdSet;

/**
 * The fast path of the bootstrap: one resample is a count per question (how often it was drawn), and
 * because the {@link SignalSample} is sorted once, every statistic of the resample comes from one
 * linear pass over the counts: weighted class moments, AUROC by a sweep over tied groups, and prefix
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
    private static final byte CORRECT = 1;
    private static final byte INCORRECT = 2;
    /** Per sorted position: 0 not labelled, {@link #CORRECT} or {@link #INCORRECT}. */
    private final byte[] labelCode;
    /** Class means of the full sample: the deviations of one pass are taken from these. */
    private final double shiftC;
    private final double shiftI;

    WeightedResampleKernel(SignalSample sample, SignalDirection direction, ThresholdOptions options) {
        this.s = sample;
        this.direction = direction;
        this.options = options;
        prefixOk1 = new long[sample.size + 1];
        prefixOkFinal = new long[sample.size + 1];
        prefixSaved = new long[sample.size + 1];
        labelCode = new byte[sample.size];
        double sumC = 0;
        double sumI = 0;
        int nc = 0;
        int ni = 0;
        for (int q = 0; q < sample.size; q++) {
            if (sample.labelled[q]) {
                labelCode[q] = sample.correct[q] ? CORRECT : INCORRECT;
                if (sample.correct[q]) {
                    sumC += sample.score[q];
                    nc++;
                } else {
                    sumI += sample.score[q];
                    ni++;
                }
            }
        }
        shiftC = nc == 0 ? 0 : sumC / nc;
        shiftI = ni == 0 ? 0 : sumI / ni;
    }

    /** Fills {@code out} ({@link ResampleStatistic} layout) for the resample with these counts per sorted position. */
    void evaluate(int[] counts, double[] out) {
        int n = s.size;
        double[] x = s.score;
        byte[] label = labelCode;
        long wc = 0;
        long wi = 0;
        double sumC = 0;
        double sqC = 0;
        double sumI = 0;
        double sqI = 0;
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
                byte code = label[q];
                if (code != 0) {
                    double v = x[q];
                    if (v != groupValue) {
                        pairs += groupI * (double) correctBelow + 0.5 * groupI * (double) groupC;
                        correctBelow += groupC;
                        groupC = 0;
                        groupI = 0;
                        groupValue = v;
                    }
                    if (code == CORRECT) {
                        double d = v - shiftC;
                        sumC += k * d;
                        sqC += k * d * d;
                        groupC += k;
                        wc += k;
                    } else {
                        double d = v - shiftI;
                        sumI += k * d;
                        sqI += k * d * d;
                        groupI += k;
                        wi += k;
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

        ClassStatistics c = moments(wc, shiftC, sumC, sqC);
        ClassStatistics i = moments(wi, shiftI, sumI, sqI);
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

    /**
     * Class statistics of a weighted class from sums of deviations d = x − shift: mean = shift + Σd/n and
     * variance (Σd² − (Σd)²/n)/(n − 1), the same correction {@link ClassStatistics#of} applies for its
     * rounding residual; with the shift at the full sample's class mean the sums stay small, so one pass
     * agrees with the two-pass statistics of the expanded resample to rounding.
     */
    private static ClassStatistics moments(long n, double shift, double sum, double squares) {
        if (n == 0) {
            return new ClassStatistics(0, Double.NaN, Double.NaN);
        }
        double mean = shift + sum / n;
        if (n < 2) {
            return new ClassStatistics((int) n, mean, Double.NaN);
        }
        double variance = (squares - sum * sum / n) / (n - 1);
        return new ClassStatistics((int) n, mean, Math.sqrt(Math.max(0.0, variance)));
    }
}
