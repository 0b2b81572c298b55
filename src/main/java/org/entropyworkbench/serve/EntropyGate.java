package org.entropyworkbench.serve;

import java.util.Locale;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalSettings;
import org.entropyworkbench.core.signal.StepSignals;
import org.entropyworkbench.core.signal.StepTokenData;

/**
 * The gate's whole decision in one place: the calibration's confidence signal computed from step 1's
 * tokens and its comparison with τ. Both go through {@link StepSignals}, the code the analysis and a
 * gated run use ({@code core.runner.GateSettings}), so a proxy decides exactly as {@code analyze}
 * predicts: stop when the value is ≤ τ for a low-is-confident signal (entropies, NLL), ≥ τ for a
 * high-is-confident one (DeepConf confidence). The signal settings are the defaults at the
 * calibration's k, as a gated run uses.
 *
 * <p>Immutable, thread-safe.
 *
 * @param tau    threshold in the signal's own units (bits or nats)
 * @param rule   where τ came from: a threshold rule's id, or "custom"
 * @param k      top-k of the entropies (and the logprobs requested from the upstream)
 * @param signal the step-1 signal the calibration was built on
 */
public record EntropyGate(double tau, String rule, int k, Signal signal) {

    /** The default signal's name as the extension object has always reported it. */
    public static final String SIGNAL = CalibrationFile.DEFAULT_SIGNAL;

    /** What the gate does with one request. */
    public enum Decision {
        /** The signal says confident (value ≤ τ, or ≥ τ for high-is-confident signals): step 1's answer is the reply. */
        STOP,
        /** Not confident: the refinement steps run. */
        REFINE,
        /** Step 1 carried no data the signal can be computed from: refined, as the safe side. */
        NO_SIGNAL;

        /** Lower-case id for JSON, headers and metric labels. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public EntropyGate {
        if (!Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be a finite number, got " + tau);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        signal = signal == null ? Signal.DEFAULT : signal;
    }

    /** A gate on the paper's signal, the step-1 mean entropy. */
    public EntropyGate(double tau, String rule, int k) {
        this(tau, rule, k, Signal.DEFAULT);
    }

    /** The signal's id as reported: {@value #SIGNAL} for the default (as before signals), else the signal's id. */
    public String signalId() {
        return signal == Signal.DEFAULT ? SIGNAL : signal.id();
    }

    /** The settings the signal is computed with: the defaults at the calibration's k. */
    public SignalSettings settings() {
        return SignalSettings.defaults().withK(k);
    }

    /** The signal of a finished step 1 in its own units; NaN when the step has no data for it. */
    public double signal(StepRecord step1) {
        return StepSignals.value(signal, StepTokenData.of(step1, k), settings());
    }

    /** Step 1's mean token entropy H (bits) at k, reported whatever the signal; NaN when no logprobs came. */
    public double meanEntropy(StepRecord step1) {
        return signal == Signal.MEAN_ENTROPY ? signal(step1)
                : StepSignals.value(Signal.MEAN_ENTROPY, StepTokenData.of(step1, k), settings());
    }

    public Decision decide(double value) {
        if (Double.isNaN(value)) {
            return Decision.NO_SIGNAL;
        }
        return StepSignals.stops(signal, value, tau) ? Decision.STOP : Decision.REFINE;
    }
}
