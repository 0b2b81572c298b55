package org.entropyworkbench.core.threshold;

import java.util.Objects;

/**
 * Choices that change the thresholds.
 *
 * @param priors class priors of the Bayes-optimal rule
 */
public record ThresholdOptions(BayesPriors priors) {

    public ThresholdOptions {
        Objects.requireNonNull(priors, "priors");
    }

    /** Empirical priors, the default of method.md section 12. */
    public static ThresholdOptions defaults() {
        return new ThresholdOptions(BayesPriors.EMPIRICAL);
    }
}
