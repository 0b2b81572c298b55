package org.entropyworkbench.core.runner;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.entropyworkbench.core.run.StepRecord;

/** Live counts of a session, updated by worker threads, read by anyone. */
final class RunCounters {

    private final RunClock clock;
    private final long startNanos;
    private final int questionsTotal;
    private final AtomicInteger questionsDone = new AtomicInteger();
    private final AtomicInteger stepsDone = new AtomicInteger();
    private final AtomicInteger stepsPlanned = new AtomicInteger();
    private final AtomicInteger stepsThisSession = new AtomicInteger();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger failedSteps = new AtomicInteger();
    private final Map<String, Integer> flags = new TreeMap<>();

    RunCounters(RunClock clock, int questionsTotal) {
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.questionsTotal = questionsTotal;
    }

    /** A step found in the file on resume. */
    void recordedEarlier(StepRecord r) {
        stepsDone.incrementAndGet();
        tokens.addAndGet(r.completionTokens());
        countFlags(r);
    }

    /** A step made by this session. */
    void completed(StepRecord r) {
        recordedEarlier(r);
        stepsThisSession.incrementAndGet();
    }

    void questionDone() { questionsDone.incrementAndGet(); }

    void plannedChange(int delta) { stepsPlanned.addAndGet(delta); }

    /** Budgeted mode, once the extra steps are allotted: the whole plan is known again. */
    void setPlanned(int total) { stepsPlanned.set(total); }

    void retried() { retries.incrementAndGet(); }

    /** A question-step the server refused (this session or found on resume); the question is failed. */
    void failedStep() { failedSteps.incrementAndGet(); }

    int failedSteps() { return failedSteps.get(); }

    int stepsThisSession() { return stepsThisSession.get(); }

    synchronized Map<String, Integer> flagCounts() { return Map.copyOf(flags); }

    long elapsedMillis() { return (clock.nanoTime() - startNanos) / 1_000_000; }

    RunProgress snapshot(boolean cancelled) {
        return new RunProgress(questionsDone.get(), questionsTotal, stepsDone.get(), stepsPlanned.get(),
                tokens.get(), elapsedMillis(), retries.get(), cancelled);
    }

    private synchronized void countFlags(StepRecord r) {
        for (String f : r.flags()) {
            flags.merge(f, 1, Integer::sum);
        }
    }
}
