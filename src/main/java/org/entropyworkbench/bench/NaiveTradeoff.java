package org.entropyworkbench.bench;

import java.util.List;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;

/**
 * The baseline the analysis benchmarks compare against: the trade-off at a threshold computed by
 * rescanning every question (O(n) per tau), the way one would write it first. Returns the token
 * savings and the gated accuracy so the work cannot be optimised away; also used to check the
 * fast evaluator computes the same numbers.
 */
public final class NaiveTradeoff {

    private NaiveTradeoff() {
    }

    /** {tokenSavings, gatedAccuracy, stopped} at tau, by one pass over all questions. */
    public static double[] evaluate(List<QuestionOutcome> outcomes, double tau) {
        long saved = 0;
        long total = 0;
        int gatedOk = 0;
        int stopped = 0;
        for (QuestionOutcome q : outcomes) {
            total += q.totalTokens();
            boolean stop = q.h1() <= tau;
            if (stop) {
                stopped++;
                saved += q.tokensAfterStep1();
                gatedOk += q.correctAtStep1() ? 1 : 0;
            } else {
                gatedOk += q.correctAtLastStep() ? 1 : 0;
            }
        }
        return new double[] {total == 0 ? 0 : (double) saved / total, (double) gatedOk / outcomes.size(), stopped};
    }

    /** The whole curve (one point per distinct step-1 entropy) by a rescan per point: O(n^2). */
    public static double curveChecksum(List<QuestionOutcome> outcomes) {
        double[] taus = outcomes.stream().mapToDouble(QuestionOutcome::h1).filter(h -> !Double.isNaN(h)).sorted().distinct().toArray();
        double sum = 0;
        for (double tau : taus) {
            sum += evaluate(outcomes, tau)[0];
        }
        return sum;
    }
}
