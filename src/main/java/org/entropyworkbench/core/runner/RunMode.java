package org.entropyworkbench.core.runner;

/** How many steps each question of a run gets. */
public enum RunMode {
    /** Every question runs all S steps (the 4-step baseline the analysis needs). */
    FULL("full"),
    /** Step 1 for every question; only questions with step-1 entropy H above tau go on to step S. */
    GATED("gated"),
    /**
     * Step 1 for every question, then the alpha - N remaining calls of the fixed budget go to the
     * uncertain questions as extra refinement steps (method.md section 7, our reading of App. A.2).
     */
    BUDGETED("budgeted");

    private final String wireName;

    RunMode(String wireName) { this.wireName = wireName; }

    /** Name used in run files and on the command line. */
    public String wireName() { return wireName; }

    public static RunMode fromWireName(String s) {
        for (RunMode m : values()) {
            if (m.wireName.equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown run mode '" + s + "' (expected full, gated or budgeted)");
    }
}
