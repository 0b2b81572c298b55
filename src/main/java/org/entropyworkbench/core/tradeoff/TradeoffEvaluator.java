package org.entropyworkbench.core.tradeoff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates the early-stopping trade-off at any threshold in O(log n).
 *
 * <p>The outcomes are sorted once by step-1 entropy (NaN last: a question without usable
 * logprobs never stops). Prefix sums over that order hold step-1-correct counts, final-correct
 * counts, tokens of steps 2..S and calls of steps 2..S, so {@link #evaluate(double)} is a binary
 * search plus a few subtractions, and {@link #curve()} costs O(n) after the sort. Questions may
 * have different step counts S_q; call savings are then Σ_stopped (S_q - 1) / Σ_q S_q, which is
 * (S - 1) stopped / (S N) for a uniform S. Immutable after construction, any thread.
 */
public final class TradeoffEvaluator {

    private final List<QuestionOutcome> sorted;
    private final double[] h;
    private final int finiteCount;
    private final int[] okStep1;
    private final int[] okFinal;
    private final long[] savedTokens;
    private final long[] savedCalls;
    private final long totalTokens;
    private final long totalCalls;

    public TradeoffEvaluator(List<QuestionOutcome> outcomes) {
        List<QuestionOutcome> copy = new ArrayList<>(outcomes);
        copy.sort(Comparator.comparingDouble(QuestionOutcome::h1));
        sorted = List.copyOf(copy);
        int n = sorted.size();
        h = new double[n];
        okStep1 = new int[n + 1];
        okFinal = new int[n + 1];
        savedTokens = new long[n + 1];
        savedCalls = new long[n + 1];
        long tokens = 0;
        long calls = 0;
        int finite = 0;
        for (int i = 0; i < n; i++) {
            QuestionOutcome q = sorted.get(i);
            h[i] = q.h1();
            if (!Double.isNaN(q.h1())) {
                finite++;
            }
            okStep1[i + 1] = okStep1[i] + (q.correctAtStep1() ? 1 : 0);
            okFinal[i + 1] = okFinal[i] + (q.correctAtLastStep() ? 1 : 0);
            savedTokens[i + 1] = savedTokens[i] + q.tokensAfterStep1();
            savedCalls[i + 1] = savedCalls[i] + (q.steps() - 1);
            tokens += q.totalTokens();
            calls += q.steps();
        }
        finiteCount = finite;
        totalTokens = tokens;
        totalCalls = calls;
    }

    /** Number of questions. */
    public int size() { return sorted.size(); }

    /** The outcomes in ascending step-1 entropy (NaN last). */
    public List<QuestionOutcome> sortedOutcomes() { return sorted; }

    /** Step-1 entropies in ascending order (NaN last), a copy. */
    public double[] sortedH1() { return Arrays.copyOf(h, h.length); }

    /** Number of questions with H1 ≤ τ (inclusive), O(log n); 0 for NaN τ. */
    public int stoppedAt(double tau) {
        if (Double.isNaN(tau)) {
            return 0;
        }
        int lo = 0;
        int hi = finiteCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (h[mid] <= tau) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
        int n = sorted.size();
        double step1 = ratio(okStep1[n], n);
        double fin = ratio(okFinal[n], n);
        double gated = ratio(okStep1[m] + okFinal[n] - okFinal[m], n);
        double thresh = m == 0 ? Double.NaN : (double) okStep1[m] / m;
        double tokenSavings = totalTokens == 0 ? (n == 0 ? Double.NaN : 0.0) : (double) savedTokens[m] / totalTokens;
        double callSavings = ratio(savedCalls[m], totalCalls);
        return new TradeoffPoint(tau, m, n, step1, fin, gated, thresh, 100.0 * (gated - fin), tokenSavings, callSavings);
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
