package org.entropyworkbench.core.runner;

import java.nio.file.Path;

/**
 * Started in a child JVM by {@link KilledRunRecoveryTest}: runs the test fixture's 8 questions with a
 * slow fake server so the parent can kill it mid-run. Argument: the run file.
 */
public final class SlowRunChild {

    static final int QUESTIONS = 8;

    private SlowRunChild() { }

    public static void main(String[] args) throws Exception {
        FakeChatProvider slow = new FakeChatProvider("fake").perTokenDelay(30);
        RunSummary s = RunEngine.start(TestRuns.config(Path.of(args[0]), QUESTIONS, TestRuns.endpoint(slow, 2)).build(), null)
                .awaitCompletion();
        System.out.println("child finished: " + s.status());
    }
}
