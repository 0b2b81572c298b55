package org.entropyworkbench.ui.task;

/** Lets background work report progress and notice a cancel. Called from the worker thread. */
public interface ProgressReporter {
    /** @param fraction 0..1, or negative when unknown */
    void progress(double fraction, String message);

    boolean isCancelled();

    ProgressReporter NONE = new ProgressReporter() {
        @Override
        public void progress(double fraction, String message) { }

        @Override
        public boolean isCancelled() { return false; }
    };
}
