package org.entropyworkbench.core.signal;

/**
 * Which end of a signal means "the model is confident". The threshold rules and the gate are written
 * for low = confident (entropy), so a high-is-confident signal is negated internally ({@link #orient})
 * and every figure shown to the user is turned back into the signal's own units.
 */
public enum SignalDirection {
    /** Small values are confident answers (entropies, negative log-likelihood): stop when value ≤ τ. */
    LOW_IS_CONFIDENT(1.0, "low = confident", "≤"),
    /** Large values are confident answers (DeepConf confidence): stop when value ≥ τ. */
    HIGH_IS_CONFIDENT(-1.0, "high = confident", "≥");

    private final double sign;
    private final String label;
    private final String stopComparison;

    SignalDirection(double sign, String label, String stopComparison) {
        this.sign = sign;
        this.label = label;
        this.stopComparison = stopComparison;
    }

    /**
     * A value in the signal's own units turned into a gate score where low = confident, or a gate-score
     * threshold turned back into the signal's units (the map is its own inverse).
     */
    public double orient(double value) {
        return sign * value;
    }

    /** "low = confident" or "high = confident". */
    public String label() { return label; }

    /** The comparison under which a question stops after step 1: "≤" or "≥". */
    public String stopComparison() { return stopComparison; }
}
