package org.entropyworkbench.cli;

import org.entropyworkbench.core.analysis.AnalysisDefaults;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.threshold.BayesPriors;
import picocli.CommandLine.Option;

/**
 * The analysis options {@code analyze} and {@code calibrate} share (picocli mixin): the top-k whose
 * entropies give the step signal H, and the Bayes-optimal priors. Filled by picocli on the main thread.
 */
final class AnalysisOptionsMixin {

    @Option(names = "--k", defaultValue = "" + AnalysisDefaults.K, paramLabel = "K",
            description = "Top-k whose entropies give the step signal H: 5, 10, 15 or 20 (default ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--priors", defaultValue = AnalysisDefaults.PRIORS_ID, paramLabel = "PRIORS",
            description = "Bayes-optimal priors: empirical (class frequencies) or equal (default ${DEFAULT-VALUE}).")
    private String priors;

    /** @throws IllegalArgumentException naming the option when k or the priors are not allowed values */
    AnalysisOptions options() {
        return new AnalysisOptions(checkedK(k), BayesPriors.fromId(priors));
    }

    /** k must be one of the recorded ablation values. */
    private static int checkedK(int k) {
        for (int allowed : TopKEntropy.ABLATION_KS) {
            if (allowed == k) {
                return k;
            }
        }
        throw new IllegalArgumentException("--k must be 5, 10, 15 or 20, got " + k);
    }
}
