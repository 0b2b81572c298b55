package org.entropyworkbench.core.threshold;

/** Class priors for the Bayes-optimal rule (method.md section 5.3 and section 12, item 10). */
public enum BayesPriors {
    /** π_c = n_c / (n_c + n_i): minimises classification error on the calibration data (default). */
    EMPIRICAL("empirical"),
    /** π_c = π_i = 1/2. */
    EQUAL("equal");

    private final String id;

    BayesPriors(String id) {
        this.id = id;
    }

    /** Stable id used in calibration files and on the command line. */
    public String id() { return id; }

    public static BayesPriors fromId(String id) {
        for (BayesPriors p : values()) {
            if (p.id.equalsIgnoreCase(id) || p.name().equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown priors '" + id + "' (expected empirical or equal)");
    }
}
