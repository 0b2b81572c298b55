package org.entropyworkbench.core.runner;

/** How a run session ended. */
public enum RunStatus {
    /** Every planned question-step is recorded. */
    COMPLETED,
    /** The user cancelled; completed steps are recorded and the file can be resumed. */
    CANCELLED,
    /** A fatal error stopped the run; completed steps are recorded and the file can be resumed. */
    FAILED
}
