package org.entropyworkbench.core.signal;

import org.entropyworkbench.core.stats.ClassStatistics;
import org.entropyworkbench.core.stats.Separation;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.threshold.ThresholdSet;

/**
 * The fast path of the bootstrap: one resample is a count per question (how often it was drawn, shared
 * by every signal of the run, see {@link ResampleDraws}), and
 * because the {@link SignalSample} is sorted once, every statistic of the resample comes from one
 * linear pass over the counts: weighted class moments, AUROC by a sweep over tied groups, and prefix
 * sums for the trade-off, where each rule's τ is a binary search. No sorting, no copying per resample,
 * and no branch on the data in the pass (class, outcome and tie-group facts are precomputed per
 * position, a count of 0 simply adds nothing): the branchy first version mispredicted on every
 * question drawn 0 times (a third of them).
 *
 * <p>Immutable after construction, so one kernel per signal serves every thread; each thread brings its
 * own {@link Scratch} (building a kernel per block of resamples cost a fifth of the evaluations).
 */
final class WeightedResampleKernel {

    /** A thread's prefix sums of one pass, for samples of up to {@code n} questions. Not thread-safe. */
    static final class Scratch {
        final long[] prefixOk1;
        final long[] prefixOkFinal;
        final long[] prefixSaved;

        Scratch(int n) {
            prefixOk1 = new long[n + 1];
            prefixOkFinal = new long[n + 1];
            prefixSaved = new long[n + 1];
        }
    }

    private final SignalSample s;
    private final SignalDirection direction;
    private final ThresholdOptions options;
    private final ThresholdCalculator calculator = ThresholdCalculator.forResampling();
    /** Class means of the full sample: the deviations of one pass are taken from these. */
    private final double shiftC;
    private final double shiftI;
    /*
     * Per sorted position, precomputed so the pass has no data-dependent branch but the rare tie-group
     * change: 1/0 class memberships, the deviation from the own class mean (0 outside the class), and the
     * outcome columns (0 for questions without a full outcome).
     */
    private final int[] isCorrect;
    private final int[] isIncorrect;
    private final double[] devC;
    private final double[] devI;
    /** True at a labelled position whose score differs from the previous labelled one: a new AUROC tie group. */
    private final boolean[] newGroup;
    private final int[] isComplete;

    WeightedResampleKernel(SignalSample sample, SignalDirection direction, ThresholdOptions options) {
        this.s = sample;
        this.direction = direction;
        this.options = options;
        int n = sample.size;
        isCorrect = new int[n];
        isIncorrect = new int[n];
        devC = new double[n];
        devI = new double[n];
        newGroup = new boolean[n];
        isComplete = new int[n];
        double sumC = 0;
        double sumI = 0;
        int nc = 0;
        int ni = 0;
        for (int q = 0; q < n; q++) {
            if (sample.labelled[q]) {
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
        double previous = Double.NaN;
        boolean first = true;
        for (int q = 0; q < n; q++) {
            isComplete[q] = sample.complete[q] ? 1 : 0;
            if (!sample.labelled[q]) {
                continue;
            }
            double v = sample.score[q];
            newGroup[q] = first || v != previous;
            first = false;
            previous = v;
            if (sample.correct[q]) {
                isCorrect[q] = 1;
                devC[q] = v - shiftC;
            } else {
                isIncorrect[q] = 1;
                devI[q] = v - shiftI;
            }
        }
    }

    /**
     * Fills {@code out} ({@link ResampleStatistic} layout) for the resample with these counts per question,
     * indexed by id rank ({@link SignalSample#rankOfPosition}); the pass runs in sorted order.
     */
    void evaluate(int[] countsByRank, Scratch scratch, double[] out) {
        int n = s.size;
        int[] rank = s.rankOfPosition;
        int[] inC = isCorrect;
        int[] inI = isIncorrect;
        double[] dC = devC;
        double[] dI = devI;
        boolean[] groupStart = newGroup;
        int[] inFull = isComplete;
        int[] ok1At = s.okStep1;
        int[] okFinalAt = s.okFinal;
        long[] savedAt = s.savedTokens;
        long[] tokensAt = s.totalTokens;
        long[] pOk1 = scratch.prefixOk1;
        long[] pOkFinal = scratch.prefixOkFinal;
        long[] pSaved = scratch.prefixSaved;
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
        long ok1 = 0;
        long okFinal = 0;
        long saved = 0;
        long tokens = 0;
        long complete = 0;
        for (int q = 0; q < n; q++) {
            int k = countsByRank[rank[q]];
            if (groupStart[q]) {
                pairs += groupI * (double) correctBelow + 0.5 * groupI * (double) groupC;
                correctBelow += groupC;
                groupC = 0;
                groupI = 0;
            }
            int kc = k * inC[q];
            int ki = k * inI[q];
            double c = dC[q];
            double i = dI[q];
            sumC += kc * c;
            sqC += kc * c * c;
            sumI += ki * i;
            sqI += ki * i * i;
            groupC += kc;
            groupI += ki;
            wc += kc;
            wi += ki;
            ok1 += (long) k * ok1At[q];
            okFinal += (long) k * okFinalAt[q];
            saved += k * savedAt[q];
            tokens += k * tokensAt[q];
            complete += (long) k * inFull[q];
            pOk1[q + 1] = ok1;
            pOkFinal[q + 1] = okFinal;
            pSaved[q + 1] = saved;
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
                double gated = (double) (pOk1[stopped] + okFinal - pOkFinal[stopped]) / complete;
                out[ResampleStatistic.savings(m)] = tokens == 0 ? 0.0 : (double) pSaved[stopped] / tokens;
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
