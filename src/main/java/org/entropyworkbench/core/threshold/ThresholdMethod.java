package org.entropyworkbench.core.threshold;

/** The four threshold rules of method.md section 5. */
public enum ThresholdMethod {
    ENTROPY_MEAN("entropy-mean", "Entropy mean"),
    INFORMATION_THEORETIC("information-theoretic", "Information-theoretic"),
    BAYES_OPTIMAL("bayes-optimal", "Bayes optimal"),
    SCALE_INVARIANT_UNIVERSAL("scale-invariant-universal", "Scale-invariant universal");

    private final String id;
    private final String label;

    ThresholdMethod(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Stable id used in calibration files and on the command line. */
    public String id() { return id; }

    /** Human-readable name for tables and charts. */
    public String label() { return label; }

    public static ThresholdMethod fromId(String id) {
        for (ThresholdMethod m : values()) {
            if (m.id.equalsIgnoreCase(id) || m.name().equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown threshold method '" + id
                + "' (expected entropy-mean, information-theoretic, bayes-optimal or scale-invariant-universal)");
    }
}
