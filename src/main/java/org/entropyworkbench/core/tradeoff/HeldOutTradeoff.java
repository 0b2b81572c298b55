package org.entropyworkbench.core.tradeoff;

import java.util.List;

/**
 * The trade-off of "all questions but a few" at any threshold, without re-sorting for every few:
 * prefix sums over all outcomes ({@link SortedPrefixSums}, sorted once by step-1 entropy, NaN last,
 * exactly as {@link TradeoffEvaluator} sorts), from which the excluded questions' contributions are subtracted.
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

    private final SortedPrefixSums sums;

    HeldOutTradeoff(List<QuestionOutcome> outcomes) {
        sums = new SortedPrefixSums(outcomes);
    }

    /**
     * The trade-off at τ over the full list minus {@code excluded}; what {@link TradeoffEvaluator}
     * would give for the list with every occurrence of those questions removed.
     */
    TradeoffPoint evaluate(double tau, Excluded excluded) {
        int all = sums.stoppedAt(tau);
        int n = sums.size();
        int stopped = all;
        int ok1Stopped = sums.okStep1[all];
        int ok1Total = sums.okStep1[n];
        int okFinalStopped = sums.okFinal[all];
        int okFinalTotal = sums.okFinal[n];
        long tokensSaved = sums.savedTokens[all];
        long callsSaved = sums.savedCalls[all];
        long tokensTotal = sums.totalTokens;
        long callsTotal = sums.totalCalls;
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
        double step1 = SortedPrefixSums.ratio(ok1Total, n);
        double fin = SortedPrefixSums.ratio(okFinalTotal, n);
        double gated = SortedPrefixSums.ratio(ok1Stopped + okFinalTotal - okFinalStopped, n);
        double thresh = stopped == 0 ? Double.NaN : (double) ok1Stopped / stopped;
        double tokenSavings = tokensTotal == 0 ? (n == 0 ? Double.NaN : 0.0) : (double) tokensSaved / tokensTotal;
        double callSavings = SortedPrefixSums.ratio(callsSaved, callsTotal);
        return new TradeoffPoint(tau, stopped, n, step1, fin, gated, thresh, 100.0 * (gated - fin), tokenSavings,
                callSavings);
    }
}
