package org.entropyworkbench.core.analysis;

import org.entropyworkbench.core.signal.SignalBootstrap;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * The one place that defines the defaults the window and the CLI share, so the same settings give
 * the same numbers and the same calibration file whichever is used. The {@code int}/{@code long}
 * values are compile-time constants so picocli option defaults can name them.
 */
public final class AnalysisDefaults {

    /** Top-k whose entropies give H. */
    public static final int K = 20;
    /** Bayes-optimal priors, as the id the CLI accepts. */
    public static final String PRIORS_ID = "empirical";
    /** Rule a gated run uses when nobody chose one, as its id. */
    public static final String RULE_ID = "entropy-mean";
    /** Labelled questions per few-shot draw. */
    public static final int FEW_SHOT_N = 10;
    /** Seed of the few-shot draws. */
    public static final long FEW_SHOT_SEED = 1;
    /** Number of few-shot draws. */
    public static final int FEW_SHOT_DRAWS = 100;
    /** Bootstrap resamples behind every 95 % interval the window shows (what {@code analyze --bootstrap} uses by default). */
    public static final int BOOTSTRAP_RESAMPLES = SignalBootstrap.DEFAULT_RESAMPLES;
    /** Seed of those resamples, so the window and the CLI draw the same ones. */
    public static final long BOOTSTRAP_SEED = SignalBootstrap.DEFAULT_SEED;

    private AnalysisDefaults() {
    }

    public static BayesPriors priors() {
        return BayesPriors.fromId(PRIORS_ID);
    }

    public static ThresholdMethod rule() {
        return ThresholdMethod.fromId(RULE_ID);
    }

    /** k and priors. */
    public static AnalysisOptions options() {
        return new AnalysisOptions(K, priors());
    }
}
