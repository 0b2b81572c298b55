package org.entropyworkbench.core.tradeoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The trade-off of "all questions but a few" at any threshold, without re-sorting for every few:
 * prefix sums over all outcomes (sorted once by step-1 entropy, NaN last, exactly as
 * {@link TradeoffEvaluator} sorts), from which the excluded questions' contributions are subtracted.
 * A draw of the few-shot experiment then costs O(log N + excluded) per threshold instead of a copy
 * and sort of N questions.
 *
 * <p>The figures are computed from the same integer counts with the same divisions as
 * {@link TradeoffEvaluator#evaluate} on the held-out list, so they are identical, not merely close.
 * Immutable after construction, any thread.
 */
final class HeldOutTradeoff {

    /** Questions left out of one evaluation, each with how often it occurs in the full list. */
    record Excluded(List<QuestionOutcome> outcomes, int[] occurrences) {
    }

    private final double[] h;
    private final int finiteCount;
    private final int[] okStep1;
    private final int[] okFinal;
    private final long[] savedTokens;
    private final long[] savedCalls;
    private final long totalTokens;
    private final long totalCalls;

    HeldOutTradeoff(List<QuestionOutcome> outcomes) {
        List<QuestionOutcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparingDouble(QuestionOutcome::h1));
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

    /** Questions of the full list with H1 ≤ τ (inclusive); 0 for NaN τ. */
    private int stoppedAt(double tau) {
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

    /**
     * The trade-off at τ over the full list minus {@code excluded}; what {@link TradeoffEvaluator}
     * would give for the list with every occurrence of those questions removed.
     */
    TradeoffPoint evaluate(double tau, Excluded excluded) {
        int all = stoppedAt(tau);
        int n = h.length;
        int stopped = all;
        int ok1Stopped = okStep1[all];
        int ok1Total = okStep1[n];
        int okFinalStopped = okFinal[all];
        int okFinalTotal = okFinal[n];
        long tokensSaved = savedTokens[all];
        long callsSaved = savedCalls[all];
        long tokensTotal = totalTokens;
        long callsTotal = totalCalls;
        List<QuestionOutcome> out = excluded.outcomes();
        for (int i = 0; i < out.size(); i++) {
            QuestionOutcome q = out.get(i);
            int c = excluded.occurrences()[i];
            int ok1 = q.correctAtStep1() ? c : 0;
            int okLast = q.correctAtLastStep() ? c : 0;
            n -= c;
            ok1Total -= ok1;
            okFinalTotal -= okLast;
            tokensTotal -= c * q.totalTokens();
            callsTotal -= (long) c * q.steps();
            if (!Double.isNaN(tau) && q.h1() <= tau) {
                stopped -= c;
                ok1Stopped -= ok1;
                okFinalStopped -= okLast;
                tokensSaved -= c * q.tokensAfterStep1();
                callsSaved -= (long) c * (q.steps() - 1);
            }
        }
        double step1 = ratio(ok1Total, n);
        double fin = ratio(okFinalTotal, n);
        double gated = ratio(ok1Stopped + okFinalTotal - okFinalStopped, n);
        double thresh = stopped == 0 ? Double.NaN : (double) ok1Stopped / stopped;
        double tokenSavings = tokensTotal == 0 ? (n == 0 ? Double.NaN : 0.0) : (double) tokensSaved / tokensTotal;
        double callSavings = ratio(callsSaved, callsTotal);
        return new TradeoffPoint(tau, stopped, n, step1, fin, gated, thresh, 100.0 * (gated - fin), tokenSavings,
                callSavings);
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
