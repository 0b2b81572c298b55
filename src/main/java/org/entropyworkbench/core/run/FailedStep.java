package org.entropyworkbench.core.run;

/**
 * A question-step the server refused for a reason that belongs to the question, not to the server
 * (the request does not fit the model's context): one {@code "type":"failed-step"} line of a run file
 * (docs/run-format.md, "Failed steps"). The question stops there; it counts in summaries and analyses,
 * never as correct, and a resumed run skips it unless asked to retry failed steps.
 *
 * @param questionId  dataset id of the question
 * @param step        1-based step that failed
 * @param promptHash  SHA-256 (hex) of the messages that were refused
 * @param model       model name as sent
 * @param server      preset and base URL, never a key
 * @param reason      the server's refusal in the user's words (names the sizes when the server did)
 * @param httpStatus  the HTTP status of the refusal, -1 when there was none
 * @param failedAt    epoch millis of the refusal
 */
public record FailedStep(
        String questionId,
        int step,
        String promptHash,
        String model,
        String server,
        String reason,
        int httpStatus,
        long failedAt) {

    /** The line type of a failed step. */
    public static final String LINE_TYPE = "failed-step";
}
