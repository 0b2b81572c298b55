package org.entropyworkbench.ui.task;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;

/**
 * The one piece of background work a view-model keeps for what it shows: submitting new work cancels
 * the work before it, whose result or failure, should it still arrive, is dropped; {@code busy} is true
 * while the latest work runs. Used where a screen recomputes on every change of its inputs and only the
 * newest answer may reach it. FX thread only (the executor calls back on it).
 */
public final class LatestTask {

    private final TaskExecutor executor;
    private final BooleanProperty busy;
    private long generation;
    private TaskHandle running;

    public LatestTask(TaskExecutor executor, BooleanProperty busy) {
        this.executor = Objects.requireNonNull(executor);
        this.busy = Objects.requireNonNull(busy);
    }

    /**
     * Cancels the work before and runs {@code work} in the background; {@code onSuccess} or {@code onFailure}
     * is called on the FX thread only when no newer work or {@link #cancel()} came in the meantime.
     */
    public <T> void submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        cancel();
        long mine = generation;
        busy.set(true);
        running = executor.submit(title, work,
                result -> {
                    if (mine == generation) {
                        busy.set(false);
                        onSuccess.accept(result);
                    }
                },
                error -> {
                    if (mine == generation) {
                        busy.set(false);
                        onFailure.accept(error);
                    }
                });
    }

    /** Cancels the running work, if any; its result will not be delivered. Not busy afterwards. */
    public void cancel() {
        generation++;
        if (running != null) {
            running.cancel();
            running = null;
        }
        busy.set(false);
    }
}
