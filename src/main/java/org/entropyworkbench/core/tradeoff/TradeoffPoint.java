package org.entropyworkbench.core.tradeoff;

/**
 * The gated system at one threshold (method.md section 6): stop after step 1 iff H1 ≤ τ.
 * Accuracies and savings are fractions in [0, 1]; only {@code deltaAccuracyPoints} is in
 * percentage points. Immutable.
 *
 * @param tau                 the threshold in bits (NaN: nothing stopped)
 * @param stopped             questions with H1 ≤ τ
 * @param n                   questions evaluated
 * @param step1Accuracy       (1/N) Σ ok_{q,1}
 * @param finalAccuracy       (1/N) Σ ok_{q,S}
 * @param gatedAccuracy       (1/N) Σ [H ≤ τ] ok_{q,1} + [H &gt; τ] ok_{q,S}
 * @param threshAccuracy      accuracy at step 1 of the stopped questions; NaN when none stopped
 * @param deltaAccuracyPoints 100 (gated - final): percentage points, negative = accuracy lost
 * @param tokenSavings        completion tokens of steps 2..S of the stopped questions / all completion tokens
 * @param callSavings         calls saved / all calls: (S - 1) stopped / (S N) for a uniform S
 */
public record TradeoffPoint(
        double tau,
        int stopped,
        int n,
        double step1Accuracy,
        double finalAccuracy,
        double gatedAccuracy,
        double threshAccuracy,
        double deltaAccuracyPoints,
        double tokenSavings,
        double callSavings) {
}
