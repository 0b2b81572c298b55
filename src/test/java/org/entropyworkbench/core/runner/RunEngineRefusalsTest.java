package org.entropyworkbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine does with a refused step (too long for the context), a server that answers as
 * another model, a dead server, and the budgeted plan before its budget is allotted (issue 9).
 */
class RunEngineRefusalsTest {

    @TempDir
    Path dir;

    private static RunSummary run(RunConfig config, RunListener listener) throws InterruptedException {
        RunSummary s = RunEngine.start(config, listener, new VirtualClock()).awaitCompletion(60, TimeUnit.SECONDS);
        assertThat(s).as("run finished within a minute").isNotNull();
        return s;
    }

    private static ProviderException tooLong() {
        return new ProviderException(ProviderException.Kind.TOO_LONG, "the request is too long for the model's context:"
                + " request (2091 tokens) exceeds the available context size (2048 tokens)", 400, -1, null);
    }

    @Test
    void aStepRefusedAsTooLongFailsItsQuestionOnlyAndResumeSkipsItUnlessAskedToRetry() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake").failNext("2", 3, 0, () -> {
            throw tooLong();
        });
        Path out = dir.resolve("run.jsonl");
        RecordingListener listener = new RecordingListener();
        RunSummary summary = run(TestRuns.config(out, 3, TestRuns.endpoint(fake, 2)).build(), listener);

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(summary.questionsFailed()).isEqualTo(1);
        assertThat(summary.questionsFinished()).isEqualTo(2);
        assertThat(summary.progress().questionsDone()).isEqualTo(3);
        assertThat(summary.progress().stepsDone()).isEqualTo(4 + 4 + 2);
        assertThat(summary.progress().stepsPlanned()).isEqualTo(summary.progress().stepsDone());
        RunFile file = TestRuns.read(out);
        assertThat(file.steps()).hasSize(10);
        assertThat(file.failedSteps()).singleElement().satisfies(f -> {
            assertThat(f.questionId()).isEqualTo("2");
            assertThat(f.step()).isEqualTo(3);
            assertThat(f.httpStatus()).isEqualTo(400);
            assertThat(f.reason()).contains("exceeds the available context size");
        });
        assertThat(listener.warnings).anyMatch(w -> w.contains("question 2 step 3 failed"));

        int callsBefore = fake.requests().size();
        RunSummary resumed = run(TestRuns.config(out, 3, TestRuns.endpoint(fake, 2)).build(), new RecordingListener());
        assertThat(fake.requests()).as("resume skips the failed question").hasSize(callsBefore);
        assertThat(resumed.questionsFailed()).isEqualTo(1);
        assertThat(resumed.finalAccuracy()).as("the failed question counts, never as correct").isLessThan(1.0);

        RunSummary retried = run(TestRuns.config(out, 3, TestRuns.endpoint(fake, 2)).retryFailed(true).build(),
                new RecordingListener());
        assertThat(fake.requests()).as("steps 3 and 4 of question 2 run again").hasSize(callsBefore + 2);
        assertThat(retried.questionsFailed()).isZero();
        RunFile after = TestRuns.read(out);
        assertThat(after.steps()).hasSize(12);
        assertThat(after.failedSteps()).as("a step line replaces the earlier refusal").isEmpty();
    }

    @Test
    void aServerAnsweringAsAnotherModelIsRecordedPerStepAndInTheHeaderAndReportedOnce() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake").servedAs("tiny-llama");
        Path out = dir.resolve("run.jsonl");
        RecordingListener listener = new RecordingListener();
        RunSummary summary = run(TestRuns.config(out, 3, TestRuns.endpoint(fake, 2)).steps(2).build(), listener);

        assertThat(listener.servedModelWarnings).containsExactly("fake: " + TestRuns.MODEL + " -> tiny-llama");
        assertThat(summary.servedModels()).containsExactly("tiny-llama");
        RunFile file = TestRuns.read(out);
        assertThat(file.header().model()).isEqualTo(TestRuns.MODEL);
        assertThat(file.header().servedModel()).isEqualTo("tiny-llama");
        assertThat(file.steps()).allSatisfy(r -> assertThat(r.servedModel()).isEqualTo("tiny-llama"));
    }

    @Test
    void aRunThatNeverGetsAStepLeavesNoFileAndARefusedConnectionFailsAtOnce() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake");
        for (int i = 0; i < 10; i++) {
            fake.failNext("1", 1, 0, () -> {
                throw new ProviderException(ProviderException.Kind.RETRYABLE, "fake: no answer (ConnectException)",
                        -1, -1, new ConnectException("Connection refused"));
            });
        }
        Path out = dir.resolve("never.jsonl");
        RunSummary summary = run(TestRuns.config(out, 1, TestRuns.endpoint(fake, 1)).build(), new RecordingListener());

        assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
        assertThat(summary.errorMessage()).contains("connection was refused").contains("is the server running");
        assertThat(fake.requests()).as("no retries against a server that never answered").hasSize(1);
        assertThat(Files.exists(out)).as("no header-only file is left behind").isFalse();
    }

    @Test
    void aRefusedConnectionAfterTheServerHasAnsweredIsRetried() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake").failNext("1", 2, 0, () -> {
            throw new ProviderException(ProviderException.Kind.RETRYABLE, "fake: no answer (ConnectException)",
                    -1, -1, new ConnectException("Connection refused"));
        });
        Path out = dir.resolve("blip.jsonl");
        RunSummary summary = run(TestRuns.config(out, 1, TestRuns.endpoint(fake, 1)).steps(2).build(),
                new RecordingListener());
        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(summary.progress().retries()).isEqualTo(1);
    }

    @Test
    void budgetedProgressCountsNoQuestionDoneBeforeTheBudgetIsAllotted() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake").alternatives(q -> q.equals("1") ? 2 : 16);
        Path out = dir.resolve("budgeted.jsonl");
        RecordingListener listener = new RecordingListener();
        RunSummary summary = run(TestRuns.config(out, 4, TestRuns.endpoint(fake, 2)).mode(RunMode.BUDGETED)
                .gate(new GateSettings(1.5, ThresholdMethod.ENTROPY_MEAN, 20, null)).build(), listener);

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        for (RunProgress p : listener.progressHistory) {
            if (p.stepsDone() < 4) {
                assertThat(p.questionsDone()).as("progress %s: step 1 of some question still runs", p).isZero();
            }
            if (p.questionsDone() == p.questionsTotal()) {
                assertThat(p.stepsDone()).as("all questions done means all planned steps done: %s", p)
                        .isEqualTo(p.stepsPlanned());
            }
        }
        Map<String, Integer> steps = new HashMap<>();
        TestRuns.read(out).steps().forEach(r -> steps.merge(r.questionId(), 1, Integer::sum));
        assertThat(summary.questionsFinished()).isEqualTo(4);
        assertThat(summary.progress().questionsDone()).isEqualTo(4);
        assertThat(steps.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(summary.progress().stepsDone());
    }
}
