package org.entropyworkbench.core.provider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Cooperative cancel shared between a caller (any thread) and a streaming call. Work that can ask
 * polls {@link #isCancelled()}; work blocked where it cannot ask (a socket read) registers an
 * {@link #onCancel(Runnable) onCancel} callback that unblocks it, e.g. by cancelling the HTTP call.
 *
 * <p>Thread-safe. Callbacks run on the thread that calls {@link #cancel()} (the UI's, a timeout
 * timer's, a shutdown hook's), so they must be quick and must not block.
 */
public final class CancellationToken {
    private final Object lock = new Object();
    private final Set<Callback> callbacks = new LinkedHashSet<>();
    private volatile boolean cancelled;

    /**
     * Marks the token cancelled and runs every registered callback once, in registration order, on
     * this thread. A callback that throws is reported to this thread's uncaught-exception handler and
     * does not stop the others. Later calls do nothing.
     */
    public void cancel() {
        List<Callback> due;
        synchronized (lock) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            due = new ArrayList<>(callbacks);
            callbacks.clear();
        }
        for (Callback c : due) {
            runReportingFailure(c.action);
        }
    }

    public boolean isCancelled() { return cancelled; }

    /**
     * Runs {@code action} once when the token is cancelled; at once, on this thread, when it already
     * is. Close the returned registration when the guarded work is over, so a token that outlives
     * many calls does not keep their callbacks (closing after the callback ran does nothing).
     */
    public Registration onCancel(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (lock) {
            if (!cancelled) {
                Callback c = new Callback(action);
                callbacks.add(c);
                return c;
            }
        }
        runReportingFailure(action);
        return () -> { };
    }

    public static CancellationToken none() { return new CancellationToken(); }

    private static void runReportingFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    /** Ends one {@link #onCancel} registration. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** One registration; identity-based, so the same action registered twice runs twice. */
    private final class Callback implements Registration {
        private final Runnable action;

        Callback(Runnable action) {
            this.action = action;
        }

        @Override
        public void close() {
            synchronized (lock) {
                callbacks.remove(this);
            }
        }
    }
}
