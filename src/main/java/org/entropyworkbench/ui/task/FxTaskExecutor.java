package org.entropyworkbench.ui.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The application's {@link TaskExecutor}: a small pool of daemon threads for the work, results
 * and progress delivered with {@link Platform#runLater}. Progress is coalesced so a chatty task
 * causes at most one pending UI update at a time.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;
    private final List<Consumer<TaskProgress>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean progressPending = new AtomicBoolean();
    private volatile TaskProgress latest = new TaskProgress(0, "", Double.NaN, "");

    public FxTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "workbench-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressReporter reporter = new ProgressReporter() {
            @Override
            public void progress(double fraction, String message) {
                publish(new TaskProgress(running.get(), title, fraction, message));
            }

            @Override
            public boolean isCancelled() { return cancelled.get(); }
        };
        running.incrementAndGet();
        publish(new TaskProgress(running.get(), title, -1, ""));
        Future<?> future;
        try {
            future = pool.submit(() -> {
                try {
                    T result = work.call(reporter);
                    if (!cancelled.get()) {
                        Platform.runLater(() -> onSuccess.accept(result));
                    }
                } catch (Throwable e) {
                    LOG.info("{} failed", title, e);
                    if (!cancelled.get()) {
                        Platform.runLater(() -> onFailure.accept(e));
                    }
                } finally {
                    int left = running.decrementAndGet();
                    publish(new TaskProgress(left, left == 0 ? "" : title, left == 0 ? Double.NaN : -1, ""));
                }
            });
        } catch (RejectedExecutionException e) {
            // a callback queued on the FX thread before shutdown may still submit follow-up work: drop it
            int left = running.decrementAndGet();
            publish(new TaskProgress(left, "", left == 0 ? Double.NaN : -1, ""));
            LOG.debug("{} dropped: the executor is shut down", title);
            return new TaskHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isDone() { return true; }
            };
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(true);
            }

            @Override
            public boolean isDone() { return future.isDone(); }
        };
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void addProgressListener(Consumer<TaskProgress> listener) {
        listeners.add(listener);
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }

    private void publish(TaskProgress p) {
        latest = p;
        if (progressPending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                progressPending.set(false);
                TaskProgress now = latest;
                listeners.forEach(l -> l.accept(now));
            });
        }
    }
}
