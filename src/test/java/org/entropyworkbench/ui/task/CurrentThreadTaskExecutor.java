package org.entropyworkbench.ui.task;

import java.util.function.Consumer;

/** Synchronous twin of {@link FxTaskExecutor} for tests: everything runs on the calling thread. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call(ProgressReporter.NONE);
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return DONE;
        }
        onSuccess.accept(result);
        return DONE;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    private static final TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() { }

        @Override
        public boolean isDone() { return true; }
    };
}
