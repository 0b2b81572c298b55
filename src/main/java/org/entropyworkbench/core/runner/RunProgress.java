package org.entropyworkbench.core.runner;

/**
 * Progress of a run.
 *
 * @param questionsDone  questions with no step left to run
 * @param questionsTotal questions in the run
 * @param stepsDone      question-steps recorded (including ones found on resume)
 * @param stepsPlanned   question-steps the run expects to make in total (changes in gated mode)
 * @param tokens         completion tokens recorded so far
 * @param elapsedMillis  wall time since this session started
 * @param retries        retried or restarted calls so far
 * @param cancelled      true once the run was cancelled
 */
public record RunProgress(
        int questionsDone,
        int questionsTotal,
        int stepsDone,
        int stepsPlanned,
        long tokens,
        long elapsedMillis,
        int retries,
        boolean cancelled) {

    /** Fraction done 0..1 by steps. */
    public double fraction() {
        return stepsPlanned == 0 ? 0 : Math.min(1.0, (double) stepsDone / stepsPlanned);
    }
}
