package org.entropyworkbench.core.tradeoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Outcomes sorted once by step-1 entropy (NaN last: a question without usable logprobs never
 * stops) with prefix sums over that order, shared by {@link TradeoffEvaluator} and
 * {@link HeldOutTradeoff} so both sort, count and search exactly alike.
 *
 * <p>Index {@code m} of each prefix array holds the sum over the first {@code m} sorted outcomes.
 * The arrays are exposed package-privately for speed and must not be modified. Immutable after
 * construction, any thread.
 */
final class SortedPrefixSums {

    final List<QuestionOutcome> sorted;
    final double[] h;
    final int finiteCount;
    final int[] okStep1;
    final int[] okFinal;
    final long[] savedTokens;
    final long[] savedCalls;
    final long totalTokens;
    final long totalCalls;

    SortedPrefixSums(List<QuestionOutcome> outcomes) {
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

    /** Number of outcomes. */
    int size() {
        return h.length;
    }

    /** Number of outcomes with H1 ≤ τ (inclusive), a binary search; 0 for NaN τ. */
    int stoppedAt(double tau) {
        return StopCount.atMost(h, finiteCount, tau);
    }

    /** {@code num / den}, NaN when {@code den} is 0. */
    static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
