package org.entropyworkbench.core.runner;

import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalSettings;
import org.entropyworkbench.core.signal.StepSignals;
import org.entropyworkbench.core.signal.StepTokenData;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * The threshold a gated or budgeted run compares a step-1 signal with (stop iff H <= tau for the paper's
 * entropy; a high-is-confident signal stops iff its value >= tau).
 *
 * @param tau             threshold in the signal's own units (bits for entropies)
 * @param method          the threshold rule tau came from, or null for a hand-set (custom) τ
 * @param k               top-k whose per-token entropies are averaged into H (20 unless calibrated otherwise)
 * @param calibrationFile where tau was read from, or null when given directly
 * @param signal          the step-1 signal compared with tau (the calibration's; the paper's mean entropy by default)
 */
public record GateSettings(double tau, ThresholdMethod method, int k, String calibrationFile, Signal signal) {
    public GateSettings {
        if (!Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be a finite number of bits, got " + tau
                    + " (the calibration may have no value for method " + (method == null ? CUSTOM_METHOD_ID : method.id()) + ")");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        signal = signal == null ? Signal.DEFAULT : signal;
    }

    /** A gate on the paper's signal, the step-1 mean entropy. */
    public GateSettings(double tau, ThresholdMethod method, int k, String calibrationFile) {
        this(tau, method, k, calibrationFile, Signal.DEFAULT);
    }

    /** The step-1 record's gate score (low = confident), computed by {@link StepSignals}; NaN never stops. */
    public double gateScore(StepRecord step1) {
        return StepSignals.gateScore(signal, StepTokenData.of(step1, k), SignalSettings.defaults().withK(k));
    }

    /** τ on the gate-score scale: stop iff {@link #gateScore} ≤ this. */
    public double gateTau() {
        return signal.direction().orient(tau);
    }

    /** The rule's id, or {@value #CUSTOM_METHOD_ID} for a hand-set τ; recorded in the run header. */
    public String methodId() {
        return method == null ? CUSTOM_METHOD_ID : method.id();
    }

    /** Header {@code calibration.method} of a hand-set τ (as {@code chosenMethod} in calibration files). */
    public static final String CUSTOM_METHOD_ID = "custom";
}
