package org.entropyworkbench.core.follow;

/**
 * The live traffic of a growing serve record at one moment, at the gate's τ. Counts are requests
 * (question ids of the record); token figures are completion tokens as recorded. Immutable.
 *
 * @param requests            requests seen (with a step-1 line)
 * @param withSignal          of those, requests whose step 1 carried a usable signal
 * @param stops               of those, requests at or below τ (the gate stops them after step 1)
 * @param refined             requests with refinement steps recorded (the gate refined them)
 * @param tokensUsed          completion tokens of every recorded step
 * @param meanRefineTokens    mean completion tokens of steps 2..S over the refined requests; NaN when none
 * @param alwaysRefineTokens  estimate of what always refining would have used: {@code tokensUsed} plus, for
 *                            every request without recorded refinement, {@code meanRefineTokens}; NaN when
 *                            no request was refined yet (nothing to estimate from)
 * @param scores              the step-1 signal values of the requests with a usable signal (signal units),
 *                            in arrival order; a fresh array owned by the snapshot
 */
public record TrafficSnapshot(int requests, int withSignal, int stops, int refined, long tokensUsed,
                              double meanRefineTokens, double alwaysRefineTokens, double[] scores) {

    /** An empty snapshot (nothing seen yet). */
    public static final TrafficSnapshot EMPTY = new TrafficSnapshot(0, 0, 0, 0, 0, Double.NaN, Double.NaN, new double[0]);

    /** Observed stop rate: requests at or below τ over requests with a usable signal; NaN when none. */
    public double stopRate() {
        return withSignal == 0 ? Double.NaN : (double) stops / withSignal;
    }

    /** Estimated tokens saved against always refining; NaN when it cannot be estimated. */
    public double tokensSaved() {
        return Double.isNaN(alwaysRefineTokens) ? Double.NaN : alwaysRefineTokens - tokensUsed;
    }

    /** {@link #tokensSaved()} as a fraction of {@link #alwaysRefineTokens}; NaN when it cannot be estimated. */
    public double savedFraction() {
        return Double.isNaN(alwaysRefineTokens) || alwaysRefineTokens <= 0 ? Double.NaN
                : tokensSaved() / alwaysRefineTokens;
    }
}
