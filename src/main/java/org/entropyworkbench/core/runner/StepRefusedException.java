package org.entropyworkbench.core.runner;

/**
 * The server refused one question-step for a reason that belongs to the question (its request is
 * longer than the model's context): the coordinator records the step as failed and goes on with the
 * other questions instead of stopping the run.
 */
final class StepRefusedException extends Exception {

    private final int httpStatus;

    StepRefusedException(String reason, int httpStatus, Throwable cause) {
        super(reason, cause);
        this.httpStatus = httpStatus;
    }

    /** HTTP status of the refusal, -1 when there was none. */
    int httpStatus() {
        return httpStatus;
    }
}
