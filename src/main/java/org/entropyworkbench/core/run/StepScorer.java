package org.entropyworkbench.core.run;

/**
 * Computes the gate scores a {@link StepSummary} of a step-1 record keeps, so an analysis of any
 * confidence signal can run from summaries (the summary cache) without the per-token arrays. The
 * implementation lives with the signals ({@code core.signal.SummarySignals}); {@code core.run} only
 * stores the numbers, in the order the scorer gives them. Stateless; any thread.
 */
@FunctionalInterface
public interface StepScorer {

    /** Stores no scores: analyses of signals other than the mean entropy need the run file. */
    StepScorer NONE = (record, k) -> new double[0];

    /**
     * The scores of one step-1 record with entropies at {@code k} (the largest recorded k when k is
     * missing), one per signal in the scorer's fixed order; the same length for every call.
     */
    double[] scores(StepRecord record, int k);
}
