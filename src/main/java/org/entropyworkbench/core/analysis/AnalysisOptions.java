package org.entropyworkbench.core.analysis;

import java.util.Objects;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalSettings;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdOptions;

/**
 * What a user can change about an analysis.
 *
 * @param k              top-k whose entropies give the entropy signals (5, 10, 15 or 20; default 20)
 * @param priors         Bayes priors (default empirical)
 * @param signal         the step-1 confidence signal the rules, curve and calibration work on (default: the
 *                       paper's mean entropy)
 * @param signalSettings DeepConf window sizes; its k is always this analysis's k
 */
public record AnalysisOptions(int k, BayesPriors priors, Signal signal, SignalSettings signalSettings) {

    public AnalysisOptions {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Objects.requireNonNull(priors, "priors");
        signal = signal == null ? Signal.DEFAULT : signal;
        signalSettings = (signalSettings == null ? SignalSettings.defaults() : signalSettings).withK(k);
    }

    /** The paper's signal (step-1 mean entropy) at k with these priors. */
    public AnalysisOptions(int k, BayesPriors priors) {
        this(k, priors, Signal.DEFAULT, null);
    }

    /** {@link AnalysisDefaults}: k = 20, empirical priors, step-1 mean entropy. */
    public static AnalysisOptions defaults() {
        return AnalysisDefaults.options();
    }

    public ThresholdOptions thresholdOptions() {
        return new ThresholdOptions(priors);
    }

    public AnalysisOptions withK(int newK) {
        return new AnalysisOptions(newK, priors, signal, signalSettings);
    }

    public AnalysisOptions withSignal(Signal newSignal) {
        return new AnalysisOptions(k, priors, newSignal, signalSettings);
    }
}
