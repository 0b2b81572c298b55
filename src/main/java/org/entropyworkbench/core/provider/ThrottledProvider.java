package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenListener;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Applies an endpoint's {@code concurrency} (at most that many calls in flight) and
 * {@code requestsPerMinute} (call starts spaced by 60 s / rpm) in front of another provider.
 * Waiting honours the call's {@link CancellationToken}.
 *
 * <p>Thread-safe.
 */
final class ThrottledProvider implements ChatProvider {
    private static final long WAIT_SLICE_MILLIS = 50;

    private final ChatProvider delegate;
    private final Semaphore slots;
    private final long spacingNanos;
    private long nextStartNanos;

    ThrottledProvider(ChatProvider delegate, int concurrency, int requestsPerMinute) {
        this.delegate = delegate;
        this.slots = new Semaphore(Math.max(1, concurrency), true);
        this.spacingNanos = requestsPerMinute <= 0 ? 0 : TimeUnit.MINUTES.toNanos(1) / requestsPerMinute;
        this.nextStartNanos = System.nanoTime();
    }

    @Override
    public ChatResult stream(ChatRequest request, TokenListener listener, CancellationToken cancel) throws ProviderException {
        acquire(cancel);
        try {
            waitForStartSlot(cancel);
            return delegate.stream(request, listener, cancel);
        } finally {
            slots.release();
        }
    }

    private void acquire(CancellationToken cancel) throws ProviderException {
        try {
            while (!slots.tryAcquire(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                checkCancel(cancel);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
    }

    private void waitForStartSlot(CancellationToken cancel) throws ProviderException {
        if (spacingNanos == 0) {
            return;
        }
        long startAt;
        synchronized (this) {
            long now = System.nanoTime();
            startAt = Math.max(now, nextStartNanos);
            nextStartNanos = startAt + spacingNanos;
        }
        try {
            long left;
            while ((left = startAt - System.nanoTime()) > 0) {
                checkCancel(cancel);
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(WAIT_SLICE_MILLIS)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
    }

    private void checkCancel(CancellationToken cancel) throws ProviderException {
        if (cancel.isCancelled()) {
            throw cancelled();
        }
    }

    private ProviderException cancelled() {
        return new ProviderException(ProviderException.Kind.CANCELLED, describe() + ": cancelled while waiting for a request slot");
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
