package org.entropyworkbench.core.runner;

/**
 * Spaces the calls of one endpoint so at most {@code requestsPerMinute} start per minute: each
 * call reserves the next free slot, {@code 60 s / rpm} after the previous one (a token bucket of
 * capacity one, which never bursts above the limit). Thread-safe; the wait happens outside the lock.
 */
final class RequestRateLimiter {

    private final long intervalNanos;
    private long nextFreeNanos = Long.MIN_VALUE;

    /** @param requestsPerMinute 0 = unlimited */
    RequestRateLimiter(int requestsPerMinute) {
        this.intervalNanos = requestsPerMinute <= 0 ? 0 : 60_000_000_000L / requestsPerMinute;
    }

    /** Waits for this call's slot; returns false when the run stopped while waiting. */
    boolean acquire(RunControl control) throws InterruptedException {
        if (intervalNanos == 0) {
            return !control.isStopped();
        }
        long now = control.clock().nanoTime();
        long slot;
        synchronized (this) {
            slot = nextFreeNanos == Long.MIN_VALUE ? now : Math.max(now, nextFreeNanos);
            nextFreeNanos = slot + intervalNanos;
        }
        long waitNanos = slot - now;
        if (waitNanos <= 0) {
            return !control.isStopped();
        }
        return control.sleep((waitNanos + 999_999) / 1_000_000);
    }
}
