package org.entropyworkbench.core.calibration;

import java.util.Locale;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * The threshold a gated run applies: one of the four rules with its τ, or a custom τ the user set
 * by hand (dragging the slider, or {@code ew calibrate --tau}). Stored in a calibration file as
 * {@code chosenMethod} (a rule id or {@code "custom"}) plus {@code chosenTau}. Immutable, any thread.
 *
 * @param rule the rule, or null for a custom τ
 * @param tau  threshold in bits: stop after step 1 iff H ≤ τ; finite and non-negative
 */
public record ChosenThreshold(ThresholdMethod rule, double tau) {

    /** The {@code chosenMethod} value of a custom τ. */
    public static final String CUSTOM_ID = "custom";

    public ChosenThreshold {
        if (!Double.isFinite(tau) || tau < 0) {
            throw new IllegalArgumentException("a chosen threshold must be a non-negative number of bits, got " + tau);
        }
    }

    /** A rule and the τ it gave. */
    public static ChosenThreshold rule(ThresholdMethod rule, double tau) {
        if (rule == null) {
            throw new IllegalArgumentException("rule is null; use custom(tau) for a hand-set threshold");
        }
        return new ChosenThreshold(rule, tau);
    }

    /** A τ set by hand. */
    public static ChosenThreshold custom(double tau) {
        return new ChosenThreshold(null, tau);
    }

    public boolean isCustom() {
        return rule == null;
    }

    /** The {@code chosenMethod} value: the rule's id or {@value #CUSTOM_ID}. */
    public String id() {
        return rule == null ? CUSTOM_ID : rule.id();
    }

    /** For people: e.g. "Bayes-optimal, τ = 0.9313 bits" or "custom τ = 0.1230 bits". */
    public String describe() {
        String t = String.format(Locale.ROOT, "%.4f bits", tau);
        return rule == null ? "custom τ = " + t : rule.label() + ", τ = " + t;
    }
}
