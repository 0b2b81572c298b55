package org.entropyworkbench.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Test twin that holds submitted work until {@link #runAll()} (on the calling thread), so a test can see
 * what a screen shows while its background work is still running.
 */
public final class QueuedTaskExecutor implements TaskExecutor {

    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        boolean[] cancelled = {false};
        boolean[] done = {false};
        queued.add(() -> {
            if (cancelled[0]) {
                return;
            }
            T result;
            try {
                result = work.call(ProgressReporter.NONE);
            } catch (Exception | Error e) {
                done[0] = true;
                onFailure.accept(e);
                return;
            }
            done[0] = true;
            onSuccess.accept(result);
        });
        return new TaskHandle() {
            @Override
            public void cancel() { cancelled[0] = true; }

            @Override
            public boolean isDone() { return done[0] || cancelled[0]; }
        };
    }

    /** Work waiting to run. */
    public int pending() { return queued.size(); }

    /** Runs every queued task, including ones queued meanwhile. */
    public void runAll() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }
}
