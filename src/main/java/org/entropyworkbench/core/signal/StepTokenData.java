package org.entropyworkbench.core.signal;

import org.entropyworkbench.core.run.StepRecord;

/**
 * The per-token arrays of one step that the signals read; a view, nothing copied. Built from a run
 * file's {@link StepRecord} or, by a live caller such as a gated run or a proxy, straight from a
 * streaming accumulator's arrays.
 *
 * @param entropies       per-token entropy in bits at the chosen k (NaN = no usable logprobs), never null
 * @param channels        per-token channel codes ('R', 'A', 'C'), or null when not recorded
 * @param chosenLogprob   per-token logprob of the sampled token (natural log), or null when not recorded
 * @param tokenConfidence per-token DeepConf confidence (nats), or null when not recorded
 */
public record StepTokenData(double[] entropies, String channels, double[] chosenLogprob, double[] tokenConfidence) {

    public StepTokenData {
        entropies = entropies == null ? new double[0] : entropies;
    }

    /** The arrays of a recorded step, entropies at k (the largest recorded k when k is missing). */
    public static StepTokenData of(StepRecord step, int k) {
        return new StepTokenData(step.entropies(k), step.channels(), step.chosenLogprob(), step.tokenConfidence());
    }
}
