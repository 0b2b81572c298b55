package org.entropyworkbench.core.tradeoff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates the early-stopping trade-off at any threshold in O(log n).
 *
 * <p>The outcomes are sorted once ({@link SortedPrefixSums}) by step-1 entropy (NaN last: a question without usable
 * logprobs never stops). Prefix sums over that order hold step-1-correct counts, final-correct
 * counts, tokens of steps 2..S and calls of steps 2..S, so {@link #evaluate(double)} is a binary
 * search plus a few subtractions, and {@link #curve()} costs O(n) after the sort. Questions may
 * have different step counts S_q; call savings are then Σ_stopped (S_q - 1) / Σ_q S_q, which is
 * (S - 1) stopped / (S N) for a uniform S. Immutable after construction, any thread.
 */
public final class TradeoffEvaluator {

    private final SortedPrefixSums sums;

    public TradeoffEvaluator(List<QuestionOutcome> outcomes) {
        sums = new SortedPrefixSums(outcomes);
    }

    /** Number of questions. */
    public int size() { return sums.size(); }

    /** The outcomes in ascending step-1 entropy (NaN last). */
    public List<QuestionOutcome> sortedOutcomes() { return sums.sorted; }

    /** Step-1 entropies in ascending order (NaN last), a copy. */
    public double[] sortedH1() { return Arrays.copyOf(sums.h, sums.h.length); }

    /** Number of questions with H1 ≤ τ (inclusive), O(log n); 0 for NaN τ. */
    public int stoppedAt(double tau) {
        return sums.stoppedAt(tau);
    }

    /** The trade-off at τ (stop iff H1 ≤ τ), O(log n). */
    public TradeoffPoint evaluate(double tau) {
        return pointFor(tau, stoppedAt(tau));
    }

    /**
     * The trade-off at every distinct step-1 entropy (each stopping everything up to and including
     * it), preceded by a point just below the smallest entropy where nothing stops. Ascending τ;
     * empty when there are no questions with a finite entropy. O(n).
     */
    public List<TradeoffPoint> curve() {
        List<TradeoffPoint> points = new ArrayList<>();
        int finiteCount = sums.finiteCount;
        double[] h = sums.h;
        if (finiteCount == 0) {
            return points;
        }
        points.add(pointFor(Math.nextDown(h[0]), 0));
        for (int i = 0; i < finiteCount; i++) {
            if (i + 1 < finiteCount && h[i + 1] == h[i]) {
                continue;
            }
            points.add(pointFor(h[i], i + 1));
        }
        return points;
    }

    private TradeoffPoint pointFor(double tau, int m) {
        int n = sums.size();
        int[] okStep1 = sums.okStep1;
        int[] okFinal = sums.okFinal;
        double step1 = SortedPrefixSums.ratio(okStep1[n], n);
        double fin = SortedPrefixSums.ratio(okFinal[n], n);
        double gated = SortedPrefixSums.ratio(okStep1[m] + okFinal[n] - okFinal[m], n);
        double thresh = m == 0 ? Double.NaN : (double) okStep1[m] / m;
        double tokenSavings = sums.totalTokens == 0 ? (n == 0 ? Double.NaN : 0.0)
                : (double) sums.savedTokens[m] / sums.totalTokens;
        double callSavings = SortedPrefixSums.ratio(sums.savedCalls[m], sums.totalCalls);
        return new TradeoffPoint(tau, m, n, step1, fin, gated, thresh, 100.0 * (gated - fin), tokenSavings, callSavings);
    }
}
