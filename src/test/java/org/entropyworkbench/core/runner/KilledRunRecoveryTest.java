package org.entropyworkbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a JVM in the middle of a run (SIGKILL, no shutdown hook) and resumes its file. */
class KilledRunRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidwayResumesToExactlyTheUninterruptedResult() throws Exception {
        Path out = dir.resolve("killed.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SlowRunChild.class.getName(), out.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stepLines(out) < 5 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        int total = SlowRunChild.QUESTIONS * 4;
        RunFile killed = TestRuns.read(out);
        int before = killed.steps().size();
        assertThat(before).as("the child was killed after writing some steps, before the end").isBetween(5, total - 1);
        assertThat(killed.problems()).isEmpty();

        FakeChatProvider fast = new FakeChatProvider("fake");
        RunSummary resumed = RunEngine.start(TestRuns.config(out, SlowRunChild.QUESTIONS, TestRuns.endpoint(fast, 2)).build(),
                null).awaitCompletion(60, TimeUnit.SECONDS);
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(fast.requests()).hasSize(total - before);

        Path reference = dir.resolve("reference.jsonl");
        RunEngine.start(TestRuns.config(reference, SlowRunChild.QUESTIONS, TestRuns.endpoint(new FakeChatProvider("fake"), 2))
                .build(), null).awaitCompletion(60, TimeUnit.SECONDS);

        RunFile after = TestRuns.read(out);
        assertThat(after.partialTail()).isFalse();
        assertThat(after.problems()).isEmpty();
        Set<String> seen = new HashSet<>();
        for (StepRecord r : after.steps()) {
            assertThat(seen.add(r.questionId() + "#" + r.step())).as("%s step %d once", r.questionId(), r.step()).isTrue();
        }
        assertThat(seen).hasSize(total);
        assertThat(TestRuns.textsByQuestionStep(after)).isEqualTo(TestRuns.textsByQuestionStep(TestRuns.read(reference)));
        assertThat(after.header().runId()).isEqualTo(killed.header().runId());
    }

    private static long stepLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith("{\"type\":\"step\"")).count();
        } catch (java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
