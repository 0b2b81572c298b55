package org.entropyworkbench.core.runner;

import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Observes a run. Every method is called on a worker thread of the run; implementations must be
 * cheap and thread-safe (the UI buffers tokens and pushes them to the FX thread in batches).
 */
public interface RunListener {

    /** A question-step's call is about to start. */
    default void onStepStarted(String questionId, int step) { }

    /** One streamed token with its entropy (bits, k = 20; NaN without logprobs). */
    default void onToken(String questionId, int step, String text, double entropyBits, Channel channel) { }

    /** A step was written and flushed to the run file. */
    default void onStepCompleted(StepRecord record) { }

    /** A step's stream broke or was retried; the step starts again from its first token. */
    default void onStepRestarted(String questionId, int step, String reason) { }

    /** Overall progress, after every completed step. */
    default void onProgress(RunProgress progress) { }

    /** Something the user should know that does not stop the run (retries, integrity flags). */
    default void onWarning(String message) { }

    /** The run ended: finished, cancelled or failed ({@code error} non-null). */
    default void onFinished(RunProgress finalProgress, Throwable error) { }
}
