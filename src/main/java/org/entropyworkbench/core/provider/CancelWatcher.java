package org.entropyworkbench.core.provider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Cancels in-flight HTTP calls whose {@link CancellationToken} was cancelled. A token only tells
 * when asked, and a streaming thread blocked in a socket read cannot ask, so one shared daemon
 * thread polls the registered tokens every {@value #POLL_MILLIS} ms and closes the calls of
 * cancelled ones, which makes the blocked read fail at once.
 *
 * <p>Thread-safe.
 */
final class CancelWatcher {
    static final long POLL_MILLIS = 20;
    private static final CancelWatcher SHARED = new CancelWatcher();

    private final Map<Call, CancellationToken> active = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timer;

    static CancelWatcher shared() {
        return SHARED;
    }

    /** Watches {@code call} until the returned registration is closed. */
    Registration watch(Call call, CancellationToken token) {
        if (token.isCancelled()) {
            call.cancel();
        }
        ensureStarted();
        active.put(call, token);
        return () -> active.remove(call);
    }

    private void ensureStarted() {
        if (timer == null) {
            synchronized (this) {
                if (timer == null) {
                    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread th = new Thread(r, "ewb-cancel-watcher");
                        th.setDaemon(true);
                        return th;
                    });
                    t.scheduleWithFixedDelay(this::sweep, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
                    timer = t;
                }
            }
        }
    }

    private void sweep() {
        for (Map.Entry<Call, CancellationToken> e : active.entrySet()) {
            if (e.getValue().isCancelled()) {
                e.getKey().cancel();
                active.remove(e.getKey());
            }
        }
    }

    /** Ends the watch of one call. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
