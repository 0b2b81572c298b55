package org.entropyworkbench.core.runner;

import java.util.Objects;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * The threshold a gated or budgeted run compares step-1 entropy with (stop iff H <= tau).
 *
 * @param tau             threshold in bits
 * @param method          the threshold rule tau came from
 * @param k               top-k whose per-token entropies are averaged into H (20 unless calibrated otherwise)
 * @param calibrationFile where tau was read from, or null when given directly
 */
public record GateSettings(double tau, ThresholdMethod method, int k, String calibrationFile) {
    public GateSettings {
        Objects.requireNonNull(method, "method");
        if (!Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be a finite number of bits, got " + tau
                    + " (the calibration may have no value for method " + method.id() + ")");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
    }
}
