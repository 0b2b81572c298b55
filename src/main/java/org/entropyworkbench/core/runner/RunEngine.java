package org.entropyworkbench.core.runner;

/**
 * Starts runs of the step protocol (FULL, GATED or BUDGETED) against one or more endpoints,
 * recording every completed question-step to the run file as it happens and resuming a file that
 * already exists. See {@link RunCoordinator} for how work is spread over threads.
 */
public final class RunEngine {

    private RunEngine() { }

    /**
     * Starts a run on a background thread and returns at once. The listener is called on the run's
     * worker threads; it must be cheap and thread-safe. Problems that stop the run (a file of
     * another run, a fatal server error, no logprobs) arrive through
     * {@link RunListener#onFinished} and {@link RunSession#awaitCompletion()}.
     */
    public static RunSession start(RunConfig config, RunListener listener) {
        return start(config, listener, RunClock.SYSTEM);
    }

    /** As {@link #start(RunConfig, RunListener)} with another clock (tests use a virtual one). */
    static RunSession start(RunConfig config, RunListener listener, RunClock clock) {
        RunCoordinator coordinator = new RunCoordinator(config, listener, clock);
        Thread t = new Thread(coordinator, "run-coordinator");
        t.setDaemon(true);
        t.start();
        return new RunSession(coordinator, config.output());
    }
}
