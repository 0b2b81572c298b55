package org.entropyworkbench.core.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A clock whose waits return at once: each wait is recorded and advances virtual time by its length. */
final class VirtualClock implements RunClock {

    private long nanos;
    private final List<Long> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() { return nanos; }

    @Override
    public synchronized long epochMillis() { return 1_700_000_000_000L + nanos / 1_000_000; }

    @Override
    public synchronized boolean sleep(long millis, CountDownLatch wakeUp) {
        sleeps.add(millis);
        nanos += millis * 1_000_000;
        return wakeUp.getCount() > 0;
    }

    synchronized List<Long> sleeps() { return List.copyOf(sleeps); }
}
