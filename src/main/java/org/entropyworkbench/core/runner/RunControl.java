package org.entropyworkbench.core.runner;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.entropyworkbench.core.provider.CancellationToken;

/**
 * Pause, cancel and failure state of one run session, shared by its worker threads and whoever
 * holds the {@link RunSession} (any thread). Workers ask it before every call whether they may
 * go on; waits (pause, backoff, rate limit) end at once when the run is cancelled or fails.
 */
final class RunControl {

    private final RunClock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Set<CancellationToken> callsInFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;
    private boolean paused;

    RunControl(RunClock clock) {
        this.clock = clock;
    }

    RunClock clock() { return clock; }

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    synchronized boolean isPaused() { return paused; }

    /** The user cancelled: no new call starts; calls in flight are cancelled by their owners. */
    void cancel() {
        cancelled = true;
        stop();
    }

    /** A step failed for good: the run stops; the first failure is the one reported. */
    void fail(Throwable error) {
        failure.compareAndSet(null, error);
        stop();
    }

    boolean isCancelled() { return cancelled; }

    Throwable failure() { return failure.get(); }

    /** True once cancelled or failed. */
    boolean isStopped() { return stopped.getCount() == 0; }

    /** Blocks while paused; returns false when the run stopped (then the worker must not start a call). */
    boolean awaitRunnable() throws InterruptedException {
        synchronized (this) {
            while (paused && !isStopped()) {
                wait(250);
            }
        }
        return !isStopped();
    }

    /** Waits {@code millis} unless the run stops first; returns false when it stopped. */
    boolean sleep(long millis) throws InterruptedException {
        if (isStopped()) {
            return false;
        }
        clock.sleep(millis, stopped);
        return !isStopped();
    }

    /** Tracks a call so stopping the run cancels it; a call registered after the stop is cancelled at once. */
    void register(CancellationToken call) {
        callsInFlight.add(call);
        if (isStopped()) {
            call.cancel();
        }
    }

    void unregister(CancellationToken call) {
        callsInFlight.remove(call);
    }

    private void stop() {
        stopped.countDown();
        for (CancellationToken call : callsInFlight) {
            call.cancel();
        }
        synchronized (this) {
            notifyAll();
        }
    }
}
