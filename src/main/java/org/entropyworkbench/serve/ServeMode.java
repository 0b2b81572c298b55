package org.entropyworkbench.serve;

/** How the proxy treats chat completions. */
public enum ServeMode {
    /** Apply the calibrated gate: step 1, then stop or refine. */
    GATE,
    /** Shadow mode: pass the request through unchanged, compute H, report the decision it would have taken. */
    OBSERVE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
