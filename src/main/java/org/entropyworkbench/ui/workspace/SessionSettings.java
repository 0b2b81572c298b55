package org.entropyworkbench.ui.workspace;

import java.util.Objects;
import org.entropyworkbench.core.analysis.AnalysisDefaults;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * The settings of one run's analysis session, as a value: what {@link AnalysisSession} remembers per
 * run while another is shown, and what the workspace file stores between sessions. Immutable.
 *
 * @param k          top-k whose entropies give H
 * @param priors     Bayes priors
 * @param rule       the chosen rule, or null when τ is custom
 * @param customTau  the custom τ in bits (NaN when a rule is chosen or none was set yet)
 * @param sampleMode which questions set the thresholds on the Calibration screen
 * @param shots      questions per few-shot draw
 * @param seed       seed of the few-shot draws
 * @param draws      number of few-shot draws
 * @param signal     the step-1 confidence signal every chart, rule and export works on (null reads as the default)
 */
public record SessionSettings(int k, BayesPriors priors, ThresholdMethod rule, double customTau, SampleMode sampleMode,
                              int shots, long seed, int draws, Signal signal) {

    public SessionSettings {
        Objects.requireNonNull(priors, "priors");
        Objects.requireNonNull(sampleMode, "sampleMode");
        signal = signal == null ? Signal.DEFAULT : signal;
    }

    /** The defaults the CLI uses too ({@link AnalysisDefaults}). */
    public static SessionSettings defaults() {
        return new SessionSettings(AnalysisDefaults.K, AnalysisDefaults.priors(), AnalysisDefaults.rule(), Double.NaN,
                SampleMode.ALL, AnalysisDefaults.FEW_SHOT_N, AnalysisDefaults.FEW_SHOT_SEED, AnalysisDefaults.FEW_SHOT_DRAWS, Signal.DEFAULT);
    }

    public AnalysisOptions options() {
        return new AnalysisOptions(k, priors).withSignal(signal);
    }
}
