package org.entropyworkbench.core.runner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Time as the run engine sees it: reading the clock and waiting (backoff, rate limits). Tests
 * substitute a virtual clock whose waits return at once and only advance its time, so retry and
 * rate-limit behaviour is checked without timing anything.
 */
public interface RunClock {

    /** Monotonic time for intervals. */
    long nanoTime();

    /** Wall-clock time for records. */
    long epochMillis();

    /**
     * Waits {@code millis}, returning early when {@code wakeUp} opens (the run was cancelled).
     *
     * @return true when the whole time passed, false when woken early
     */
    boolean sleep(long millis, CountDownLatch wakeUp) throws InterruptedException;

    /** The real clock; waiting never interrupts a thread (file channels would close on interrupt). */
    RunClock SYSTEM = new RunClock() {
        @Override
        public long nanoTime() { return System.nanoTime(); }

        @Override
        public long epochMillis() { return System.currentTimeMillis(); }

        @Override
        public boolean sleep(long millis, CountDownLatch wakeUp) throws InterruptedException {
            if (millis <= 0) {
                return wakeUp.getCount() > 0;
            }
            return !wakeUp.await(millis, TimeUnit.MILLISECONDS);
        }
    };
}
