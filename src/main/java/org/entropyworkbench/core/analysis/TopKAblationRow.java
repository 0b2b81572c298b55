package org.entropyworkbench.core.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * One row of the top-k ablation (method.md section 8.5): the analysis redone with H computed
 * from the top k logprobs only.
 *
 * @param k            top-k
 * @param recorded     whether the run has entropies for this k (when false, the numbers fall
 *                     back to the largest recorded k and should not be shown as an ablation)
 * @param nCorrect     labelled step-1 answers that were correct
 * @param nIncorrect   labelled step-1 answers that were incorrect
 * @param cohensD      signed Cohen's d (NaN when undefined)
 * @param pValue       Welch two-sided p (NaN when undefined)
 * @param tau          each rule's τ (NaN when unavailable)
 * @param tokenSavings each rule's token savings on the complete questions
 * @param callSavings  each rule's call savings on the complete questions
 */
public record TopKAblationRow(int k, boolean recorded, int nCorrect, int nIncorrect, double cohensD, double pValue,
                              Map<ThresholdMethod, Double> tau, Map<ThresholdMethod, Double> tokenSavings,
                              Map<ThresholdMethod, Double> callSavings) {
    public TopKAblationRow {
        tau = Collections.unmodifiableMap(new EnumMap<>(tau));
        tokenSavings = Collections.unmodifiableMap(new EnumMap<>(tokenSavings));
        callSavings = Collections.unmodifiableMap(new EnumMap<>(callSavings));
    }
}
