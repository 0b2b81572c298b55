package org.entropyworkbench.cli;

import org.entropyworkbench.core.analysis.AnalysisDefaults;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.threshold.BayesPriors;
import picocli.CommandLine.Option;

/**
 * The analysis options {@code analyze} and {@code calibrate} share (picocli mixin): the top-k whose
 * entropies give the step signal H, and the Bayes-optimal priors. Filled by picocli on the main thread.
 */
final class AnalysisOptionsMixin {

    /** The signal without {@code --signal}: the paper's. */
    static final String DEFAULT_SIGNAL = "step1-mean-entropy";

    @Option(names = "--k", defaultValue = "" + AnalysisDefaults.K, paramLabel = "K",
            description = "Top-k whose entropies give the step signal H: 5, 10, 15 or 20 (default ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--priors", defaultValue = AnalysisDefaults.PRIORS_ID, paramLabel = "PRIORS",
            description = "Bayes-optimal priors: empirical (class frequencies) or equal (default ${DEFAULT-VALUE}).")
    private String priors;

    @Option(names = "--signal", defaultValue = DEFAULT_SIGNAL, paramLabel = "NAME",
            description = "Step-1 confidence signal the rules, trade-off and calibration use (default ${DEFAULT-VALUE},"
                    + " the paper's); see docs/signals.md or 'analyze --signals all' for the others.")
    private String signal;

    /** @throws IllegalArgumentException naming the option when k, the priors or the signal are not allowed values */
    AnalysisOptions options() {
        return options(k, priors, signal);
    }

    /** The same from values read without picocli ({@link AnalyzeLine}). */
    static AnalysisOptions options(int k, String priors, String signal) {
        return new AnalysisOptions(checkedK(k), BayesPriors.fromId(priors), Signal.fromId(signal), null);
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
