package org.entropyworkbench.core.analysis;

import java.util.Objects;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdOptions;

/**
 * What a user can change about an analysis.
 *
 * @param k      top-k whose entropies give the step signal H (5, 10, 15 or 20; default 20)
 * @param priors Bayes priors (default empirical)
 */
public record AnalysisOptions(int k, BayesPriors priors) {

    public AnalysisOptions {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Objects.requireNonNull(priors, "priors");
    }

    /** {@link AnalysisDefaults}: k = 20, empirical priors. */
    public static AnalysisOptions defaults() {
        return AnalysisDefaults.options();
    }

    public ThresholdOptions thresholdOptions() {
        return new ThresholdOptions(priors);
    }

    public AnalysisOptions withK(int newK) {
        return new AnalysisOptions(newK, priors);
    }
}
