package org.entropyworkbench.core.calibration;

/**
 * Whether the server computed the logprobs it returned before or after its sampler filtered the
 * distribution (docs/calibration.md, provenance); entropies from the two are not comparable.
 */
public enum LogprobsTiming {
    BEFORE_SAMPLING("before-sampling"),
    AFTER_SAMPLING("after-sampling"),
    UNKNOWN("unknown");

    private final String id;

    LogprobsTiming(String id) {
        this.id = id;
    }

    /** The value written in JSON. */
    public String id() { return id; }

    /** @throws IllegalArgumentException naming the allowed values */
    public static LogprobsTiming fromId(String id) {
        for (LogprobsTiming t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("expected \"before-sampling\", \"after-sampling\" or \"unknown\", got \"" + id + "\"");
    }
}
