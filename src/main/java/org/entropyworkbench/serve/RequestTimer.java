package org.entropyworkbench.serve;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.entropyworkbench.core.provider.CancellationToken;

/**
 * Cancels one request's upstream work when the proxy's request timeout passes, and remembers that
 * it did, so the client gets 504 rather than a silent cancel. Thread-safe: fired by a timer thread.
 */
final class RequestTimer implements AutoCloseable {
    private final AtomicBoolean fired = new AtomicBoolean();
    private final ScheduledFuture<?> future;

    RequestTimer(ScheduledExecutorService timers, long millis, CancellationToken cancel) {
        this.future = timers.schedule(() -> {
            fired.set(true);
            cancel.cancel();
        }, millis, TimeUnit.MILLISECONDS);
    }

    boolean timedOut() {
        return fired.get();
    }

    @Override
    public void close() {
        future.cancel(false);
    }
}
