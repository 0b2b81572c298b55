package org.entropyworkbench.ui.task;

import java.util.function.Consumer;

/**
 * Runs slow work off the UI thread and hands results back on it (after JabRef's TaskExecutor).
 * The application uses {@link FxTaskExecutor}; tests use CurrentThreadTaskExecutor (test sources), which
 * runs everything synchronously so a view-model can be tested without an FX toolkit.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background. {@code onSuccess} or {@code onFailure} is called on the
     * UI thread. {@code title} is shown in the status bar while the work runs.
     */
    <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (now when already on it, else later). */
    void runOnUiThread(Runnable action);

    /** Progress of all running work for the status bar: 0..1, negative when unknown, NaN when idle. */
    default void addProgressListener(Consumer<TaskProgress> listener) { }

    /** A snapshot of running work for the status bar. */
    record TaskProgress(int running, String title, double fraction, String message) {
    }

    /** Stops accepting work; running tasks are cancelled. */
    default void shutdown() { }
}
