package org.entropyworkbench.core.threshold;

import java.util.Objects;

/**
 * One rule's threshold.
 *
 * @param method    which rule
 * @param tau       the threshold in bits; NaN when unavailable
 * @param available whether the rule could be computed on this calibration set
 * @param note      why it is unavailable, or a warning (Bayes fallback, sign of d, clamps that
 *                  took effect); null when there is nothing to say
 * @param bayes     the Bayes working; null for the other rules
 */
public record ThresholdResult(ThresholdMethod method, double tau, boolean available, String note, BayesDetails bayes) {

    public ThresholdResult {
        Objects.requireNonNull(method, "method");
        if (available && Double.isNaN(tau)) {
            throw new IllegalArgumentException(method.id() + ": an available threshold needs a number");
        }
        if (!available && note == null) {
            throw new IllegalArgumentException(method.id() + ": an unavailable threshold needs a reason");
        }
    }

    static ThresholdResult of(ThresholdMethod method, double tau, String note) {
        return new ThresholdResult(method, tau, true, note, null);
    }

    static ThresholdResult unavailable(ThresholdMethod method, String reason) {
        return new ThresholdResult(method, Double.NaN, false, reason, null);
    }
}
