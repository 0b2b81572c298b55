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
    StepScorer NONE = (record, ks) -> new double[0];

    /**
     * The scores of one step-1 record, one row per k of {@code ks} (entropies at that k; the largest
     * recorded k when it is missing), rows one after the other; each row holds one score per signal in
     * the scorer's fixed order and has the same length for every call.
     */
    double[] scores(StepRecord record, int[] ks);
}
