package org.entropyworkbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.protocol.PromptHash;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.ChatRequest;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.BudgetReallocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEngineTest {

    @TempDir
    Path dir;

    private static RunSummary run(RunConfig config, RunListener listener, RunClock clock) throws InterruptedException {
        RunSummary s = RunEngine.start(config, listener, clock).awaitCompletion(60, TimeUnit.SECONDS);
        assertThat(s).as("run finished within a minute").isNotNull();
        return s;
    }

    @Test
    void fullRunRecordsEveryStepInOrderWithEarlierAnswersAsTurns() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake http://a").alternatives(q -> 8);
        Path out = dir.resolve("run.jsonl");
        RecordingListener listener = new RecordingListener();

        RunSummary summary = run(TestRuns.config(out, 5, TestRuns.endpoint(fake, 3)).build(), listener, new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        RunFile file = TestRuns.read(out);
        assertThat(file.problems()).isEmpty();
        assertThat(file.steps()).hasSize(20);
        assertThat(file.header().mode()).isEqualTo("full");
        assertThat(file.header().prompts()).containsEntry("refine", TestRuns.PROMPTS.refine());
        Map<String, Integer> lastStep = new HashMap<>();
        for (StepRecord r : file.steps()) {
            assertThat(r.step()).as("steps of question %s in file order", r.questionId())
                    .isEqualTo(lastStep.getOrDefault(r.questionId(), 0) + 1);
            lastStep.put(r.questionId(), r.step());
            assertThat(r.entropies(20)).hasSize(6).containsOnly(new double[] {3.0}, within(1e-9));
            assertThat(r.flags()).isEmpty();
            assertThat(r.completionTokens()).isEqualTo(6);
            assertThat(r.server()).isEqualTo("fake http://a");
            assertThat(r.channels()).isEqualTo("RAAAAA");
        }
        Map<String, String> texts = TestRuns.textsByQuestionStep(file);
        for (ChatRequest req : fake.requests()) {
            List<ChatMessage> m = req.messages();
            List<String> assistantTurns = m.stream().filter(x -> x.role().equals("assistant")).map(ChatMessage::content).toList();
            assertThat(assistantTurns).hasSize(req.step() - 1);
            for (int s = 1; s < req.step(); s++) {
                assertThat(assistantTurns.get(s - 1)).isEqualTo(texts.get(req.questionId() + "#" + s));
            }
            assertThat(m.get(m.size() - 1).content())
                    .isEqualTo(req.step() == 1 ? "Solve: What is " + req.questionId() + "?" : TestRuns.PROMPTS.refine());
            StepRecord rec = file.steps().stream()
                    .filter(r -> r.questionId().equals(req.questionId()) && r.step() == req.step()).findFirst().orElseThrow();
            assertThat(rec.promptHash()).isEqualTo(PromptHash.of(m));
        }
        assertThat(listener.tokenEntropies).hasSize(120).allSatisfy(h -> assertThat(h).isCloseTo(3.0, within(1e-9)));
        assertThat(summary.progress().stepsDone()).isEqualTo(20);
        assertThat(summary.progress().stepsPlanned()).isEqualTo(20);
        assertThat(summary.progress().questionsDone()).isEqualTo(5);
        assertThat(summary.progress().tokens()).isEqualTo(120);
        assertThat(summary.step1Accuracy()).isCloseTo(4.0 / 5, within(1e-12));
        assertThat(listener.finishedCalls.get()).isEqualTo(1);
        assertThat(listener.finishedError).isNull();
    }

    @Test
    void eachEndpointStaysWithinItsConcurrencyWhileBothAreUsed() throws Exception {
        CountDownLatch threeInFlight = new CountDownLatch(3);
        FakeChatProvider.CallHook meet = req -> {
            threeInFlight.countDown();
            threeInFlight.await(5, TimeUnit.SECONDS);
        };
        FakeChatProvider a = new FakeChatProvider("fake a").hook(meet);
        FakeChatProvider b = new FakeChatProvider("fake b").hook(meet);
        Path out = dir.resolve("run.jsonl");

        RunSummary summary = run(TestRuns.config(out, 12, TestRuns.endpoint(a, 2), TestRuns.endpoint(b, 1))
                .steps(2).build(), new RecordingListener(), RunClock.SYSTEM);

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(threeInFlight.getCount()).as("three calls were in flight together").isZero();
        assertThat(a.maxInFlight()).isEqualTo(2);
        assertThat(b.maxInFlight()).isEqualTo(1);
        assertThat(a.requests().size() + b.requests().size()).isEqualTo(24);
        RunFile file = TestRuns.read(out);
        assertThat(file.steps()).extracting(StepRecord::server).contains("fake a", "fake b");
    }

    @Test
    void rateLimitSpacesCallStartsByOneMinuteOverRpm() throws Exception {
        VirtualClock clock = new VirtualClock();
        FakeChatProvider fake = new FakeChatProvider("fake");
        Path out = dir.resolve("run.jsonl");
        Endpoint limited = new Endpoint(fake, 1, 6, "fake");

        RunSummary summary = run(TestRuns.config(out, 3, limited).steps(1).build(), new RecordingListener(), clock);

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        List<Long> starts = TestRuns.read(out).steps().stream().map(StepRecord::startedAt).sorted().toList();
        assertThat(starts).hasSize(3);
        assertThat(starts.get(1) - starts.get(0)).isGreaterThanOrEqualTo(10_000);
        assertThat(starts.get(2) - starts.get(1)).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void retryableErrorWaitsTheRetryAfterAndRecordsTheStepOnce() throws Exception {
        VirtualClock clock = new VirtualClock();
        FakeChatProvider fake = new FakeChatProvider("fake")
                .failNext("1", 1, 0, () -> {
                    throw new ProviderException(ProviderException.Kind.RETRYABLE, "fake: HTTP 429", 429, 7_000, null);
                })
                .failNext("2", 1, 0, () -> {
                    throw new ProviderException(ProviderException.Kind.RETRYABLE, "fake: HTTP 503", 503, -1, null);
                })
                .failNext("2", 1, 0, () -> {
                    throw new ProviderException(ProviderException.Kind.RETRYABLE, "fake: HTTP 503", 503, -1, null);
                });
        RecordingListener listener = new RecordingListener();
        Path out = dir.resolve("run.jsonl");

        RunSummary summary = run(TestRuns.config(out, 2, TestRuns.endpoint(fake, 1)).steps(1).build(), listener, clock);

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(summary.progress().retries()).isEqualTo(3);
        List<Long> sleeps = clock.sleeps();
        assertThat(sleeps).contains(7_000L);
        List<Long> backoffs = new ArrayList<>(sleeps);
        backoffs.remove(7_000L);
        assertThat(backoffs).hasSize(2);
        assertThat(backoffs.get(0)).isBetween(500L, 1_000L);
        assertThat(backoffs.get(1)).isBetween(1_000L, 2_000L);
        assertThat(listener.restarts).hasSize(3);
        RunFile file = TestRuns.read(out);
        assertThat(file.steps()).hasSize(2);
        assertThat(file.steps()).allSatisfy(r -> assertThat(r.flags()).doesNotContain("restarted"));
    }

    @Test
    void brokenStreamRestartsTheStepFromScratch() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake").failNext("1", 2, 3, () -> {
            throw new ProviderException(ProviderException.Kind.STREAM_BROKEN, "fake: connection reset after text");
        });
        RecordingListener listener = new RecordingListener();
        Path out = dir.resolve("run.jsonl");

        RunSummary summary = run(TestRuns.config(out, 1, TestRuns.endpoint(fake, 1)).steps(2).build(), listener,
                new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(listener.restarts).singleElement().asString().startsWith("1#2");
        StepRecord step2 = TestRuns.read(out).steps().get(1);
        assertThat(step2.step()).isEqualTo(2);
        assertThat(step2.flags()).containsExactly("restarted");
        assertThat(step2.tokens()).hasSize(6);
        assertThat(String.join("", step2.tokens())).isEqualTo(step2.text());
        assertThat(listener.tokenEntropies).hasSize(6 + 3 + 6);
    }

    @Test
    void tooManyFailuresGiveUpWithAMessageNamingServerAndStep() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake http://down");
        for (int i = 0; i < 4; i++) {
            fake.failNext("1", 1, 0, () -> {
                throw new ProviderException(ProviderException.Kind.RETRYABLE, "fake: HTTP 502", 502, -1, null);
            });
        }
        Path out = dir.resolve("run.jsonl");

        RunSummary summary = run(TestRuns.config(out, 1, TestRuns.endpoint(fake, 1)).build(), new RecordingListener(),
                new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
        assertThat(summary.errorMessage()).contains("fake http://down", "question 1 step 1", "4 attempts", "HTTP 502");
    }

    @Test
    void fatalErrorStopsTheRunAndKeepsCompletedSteps() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake http://x").failNext("3", 1, 0, () -> {
            throw new ProviderException(ProviderException.Kind.FATAL, "fake: HTTP 401 unauthorised (check the key)");
        });
        RecordingListener listener = new RecordingListener();
        Path out = dir.resolve("run.jsonl");

        RunSummary summary = run(TestRuns.config(out, 5, TestRuns.endpoint(fake, 1)).steps(2).build(), listener,
                new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
        assertThat(summary.errorMessage()).contains("fake http://x", "question 3 step 1", "HTTP 401");
        assertThat(listener.finishedError).isInstanceOf(RunFailedException.class);
        RunFile file = TestRuns.read(out);
        assertThat(file.partialTail()).isFalse();
        assertThat(TestRuns.textsByQuestionStep(file)).containsOnlyKeys("1#1", "1#2", "2#1", "2#2");
        assertThat(fake.requests()).hasSize(5);
    }

    @Test
    void aServerWithoutLogprobsStopsTheRunNamingServerAndModel() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("vllm http://gpu1:8000/v1").withoutLogprobs();
        Path out = dir.resolve("run.jsonl");

        RunSummary summary = run(TestRuns.config(out, 3, TestRuns.endpoint(fake, 1)).build(), new RecordingListener(),
                new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
        assertThat(summary.errorMessage()).startsWith("server returned no logprobs")
                .contains("vllm http://gpu1:8000/v1", TestRuns.MODEL);
        assertThat(java.nio.file.Files.exists(out)).as("a run that never got a step leaves no file").isFalse();
    }

    @Test
    void noLogprobsErrorFromTheClientAlsoStopsTheRun() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("openai https://api").failNext("1", 1, 0, () -> {
            throw new ProviderException(ProviderException.Kind.NO_LOGPROBS, "reasoning models refuse logprobs");
        });
        RunSummary summary = run(TestRuns.config(dir.resolve("r.jsonl"), 1, TestRuns.endpoint(fake, 1)).build(),
                new RecordingListener(), new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
        assertThat(summary.errorMessage()).startsWith("server returned no logprobs")
                .contains("openai https://api", TestRuns.MODEL, "reasoning models refuse logprobs");
    }

    @Test
    void gatedRunStopsConfidentQuestionsAfterStepOne() throws Exception {
        // questions 1 and 2: 2 alternatives = 1 bit; 3 and 4: 8 alternatives = 3 bits; tau 1.5
        FakeChatProvider fake = new FakeChatProvider("fake").alternatives(q -> Integer.parseInt(q) <= 2 ? 2 : 8);
        Path out = dir.resolve("run.jsonl");
        RunConfig config = TestRuns.config(out, 4, TestRuns.endpoint(fake, 2)).mode(RunMode.GATED)
                .gate(new GateSettings(1.5, ThresholdMethod.ENTROPY_MEAN, 20, "cal.json")).build();

        RunSummary summary = run(config, new RecordingListener(), new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        RunFile file = TestRuns.read(out);
        assertThat(file.header().calibration()).containsEntry("method", "entropy-mean").containsEntry("file", "cal.json");
        Map<String, Long> stepsPerQuestion = new HashMap<>();
        file.steps().forEach(r -> stepsPerQuestion.merge(r.questionId(), 1L, Long::sum));
        assertThat(stepsPerQuestion).containsEntry("1", 1L).containsEntry("2", 1L).containsEntry("3", 4L).containsEntry("4", 4L);
        assertThat(summary.stoppedAfterStep1()).isEqualTo(2);
        assertThat(summary.progress().stepsPlanned()).isEqualTo(10);
        assertThat(summary.progress().stepsDone()).isEqualTo(10);
        assertThat(summary.progress().tokens()).as("6 tokens per step, 6 steps saved").isEqualTo(10 * 6);
    }

    @Test
    void budgetedRunSpendsExactlyAlphaCallsAsTheReallocationSays() throws Exception {
        // question 1 confident (1 bit); 2..5 uncertain with rising entropy
        FakeChatProvider fake = new FakeChatProvider("fake").alternatives(q -> q.equals("1") ? 2 : 2 + 2 * Integer.parseInt(q));
        Path out = dir.resolve("run.jsonl");
        RunConfig config = TestRuns.config(out, 5, TestRuns.endpoint(fake, 3)).mode(RunMode.BUDGETED)
                .gate(new GateSettings(1.5, ThresholdMethod.INFORMATION_THEORETIC, 20, null)).build();

        RunSummary summary = run(config, new RecordingListener(), new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        RunFile file = TestRuns.read(out);
        assertThat(file.steps()).hasSize(5 * 4);
        Map<String, Integer> calls = new HashMap<>();
        file.steps().forEach(r -> calls.merge(r.questionId(), 1, Integer::sum));
        double[] h1 = new double[5];
        for (int i = 0; i < 5; i++) {
            String id = String.valueOf(i + 1);
            h1[i] = file.steps().stream().filter(r -> r.questionId().equals(id) && r.step() == 1).findFirst().orElseThrow()
                    .entropies(20)[0];
        }
        BudgetReallocation.Allocation expected = BudgetReallocation.allocate(List.of("1", "2", "3", "4", "5"), h1, 1.5, 4);
        assertThat(calls).isEqualTo(expected.callsById());
        assertThat(calls.get("1")).isEqualTo(1);
        assertThat(calls.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
        // steps of a question are consecutive 1..n
        Map<String, Integer> last = new HashMap<>();
        for (StepRecord r : file.steps()) {
            assertThat(r.step()).isEqualTo(last.getOrDefault(r.questionId(), 0) + 1);
            last.put(r.questionId(), r.step());
        }
        assertThat(summary.progress().stepsPlanned()).isEqualTo(20);
        assertThat(summary.progress().questionsDone()).isEqualTo(5);
    }

    @Test
    void integrityFlagsForMissingUsageAndCountMismatch() throws Exception {
        FakeChatProvider noUsage = new FakeChatProvider("fake").usage(FakeChatProvider.UsageMode.NONE);
        Path out1 = dir.resolve("a.jsonl");
        run(TestRuns.config(out1, 1, TestRuns.endpoint(noUsage, 1)).steps(1).build(), new RecordingListener(), new VirtualClock());
        StepRecord a = TestRuns.read(out1).steps().get(0);
        assertThat(a.flags()).containsExactly("no-usage");
        assertThat(a.completionTokens()).isEqualTo(6);
        assertThat(a.promptTokens()).isEqualTo(-1);

        FakeChatProvider more = new FakeChatProvider("fake").usage(FakeChatProvider.UsageMode.PLUS_FIVE);
        Path out2 = dir.resolve("b.jsonl");
        run(TestRuns.config(out2, 1, TestRuns.endpoint(more, 1)).steps(1).build(), new RecordingListener(), new VirtualClock());
        StepRecord b = TestRuns.read(out2).steps().get(0);
        assertThat(b.flags()).containsExactly("token-count-mismatch");
        assertThat(b.completionTokens()).isEqualTo(11);
    }

    @Test
    void pauseHoldsNewCallsUntilResumed() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake");
        RecordingListener listener = new RecordingListener();
        Path out = dir.resolve("run.jsonl");
        RunSession[] session = new RunSession[1];
        CountDownLatch firstStep = new CountDownLatch(1);
        CountDownLatch sessionKnown = new CountDownLatch(1);
        listener.onCompleted = r -> {
            if (firstStep.getCount() > 0) {
                try {
                    sessionKnown.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                session[0].pause();
                firstStep.countDown();
            }
        };
        session[0] = RunEngine.start(TestRuns.config(out, 2, TestRuns.endpoint(fake, 1)).steps(2).build(), listener,
                new VirtualClock());
        sessionKnown.countDown();
        assertThat(firstStep.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(session[0].awaitCompletion(300, TimeUnit.MILLISECONDS)).as("paused run does not finish").isNull();
        assertThat(session[0].isPaused()).isTrue();
        assertThat(fake.requests()).hasSize(1);

        session[0].resume();
        RunSummary summary = session[0].awaitCompletion(30, TimeUnit.SECONDS);
        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(fake.requests()).hasSize(4);
    }

    @Test
    void cancelStopsPromptlyAndLeavesAValidResumableFile() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake").perTokenDelay(5);
        RecordingListener listener = new RecordingListener();
        Path out = dir.resolve("run.jsonl");
        RunSession[] session = new RunSession[1];
        CountDownLatch started = new CountDownLatch(1);
        listener.onCompleted = r -> {
            if (listener.completed.size() == 3) {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                session[0].cancel();
            }
        };
        session[0] = RunEngine.start(TestRuns.config(out, 6, TestRuns.endpoint(fake, 2)).build(), listener, RunClock.SYSTEM);
        started.countDown();
        RunSummary summary = session[0].awaitCompletion(30, TimeUnit.SECONDS);

        assertThat(summary.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(summary.progress().cancelled()).isTrue();
        RunFile file = TestRuns.read(out);
        assertThat(file.partialTail()).isFalse();
        assertThat(file.problems()).isEmpty();
        assertThat(file.steps()).hasSizeBetween(3, 4);
        assertThat(file.steps()).hasSize(listener.completed.size());
        assertThat(summary.progress().stepsDone()).isLessThan(24);
    }

    @Test
    void resumedRunEqualsAnUninterruptedOne() throws Exception {
        Path whole = dir.resolve("whole.jsonl");
        run(TestRuns.config(whole, 6, TestRuns.endpoint(new FakeChatProvider("fake"), 2)).build(),
                new RecordingListener(), new VirtualClock());

        Path parts = dir.resolve("parts.jsonl");
        RecordingListener first = new RecordingListener();
        RunSession[] session = new RunSession[1];
        CountDownLatch known = new CountDownLatch(1);
        first.onCompleted = r -> {
            if (first.completed.size() == 7) {
                try {
                    known.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                session[0].cancel();
            }
        };
        session[0] = RunEngine.start(TestRuns.config(parts, 6, TestRuns.endpoint(new FakeChatProvider("fake"), 2)).build(),
                first, new VirtualClock());
        known.countDown();
        assertThat(session[0].awaitCompletion(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.CANCELLED);
        int before = TestRuns.read(parts).steps().size();
        assertThat(before).isBetween(7, 23);
        java.nio.file.Files.writeString(parts, "{\"type\":\"step\",\"q\":\"9", java.nio.file.StandardOpenOption.APPEND);

        FakeChatProvider second = new FakeChatProvider("fake");
        RecordingListener resumed = new RecordingListener();
        RunSummary summary = run(TestRuns.config(parts, 6, TestRuns.endpoint(second, 2)).build(), resumed, new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(second.requests()).hasSize(24 - before);
        assertThat(summary.stepsThisSession()).isEqualTo(24 - before);
        assertThat(summary.progress().stepsDone()).isEqualTo(24);
        assertThat(resumed.warnings).anySatisfy(w -> assertThat(w).contains("half-written"));
        RunFile a = TestRuns.read(whole);
        RunFile b = TestRuns.read(parts);
        assertThat(b.partialTail()).isFalse();
        assertThat(b.problems()).isEmpty();
        assertThat(b.header().runId()).isEqualTo(TestRuns.read(parts).header().runId());
        assertThat(TestRuns.textsByQuestionStep(b)).isEqualTo(TestRuns.textsByQuestionStep(a));
    }

    @Test
    void resumeRefusesAFileOfAnotherRun() throws Exception {
        Path out = dir.resolve("run.jsonl");
        run(TestRuns.config(out, 2, TestRuns.endpoint(new FakeChatProvider("fake"), 1)).steps(1).build(),
                new RecordingListener(), new VirtualClock());
        long size = java.nio.file.Files.size(out);

        RunSummary summary = run(TestRuns.config(out, 2, TestRuns.endpoint(new FakeChatProvider("fake"), 1)).steps(1)
                .model("another-model").build(), new RecordingListener(), new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
        assertThat(summary.errorMessage()).contains("cannot resume", out.toString(), "model is 'fake-model' in the file but 'another-model' now");
        assertThat(java.nio.file.Files.size(out)).isEqualTo(size);
    }

    @Test
    void resumeRefusesWhenThePromptsChanged() throws Exception {
        Path out = dir.resolve("run.jsonl");
        run(TestRuns.config(out, 2, TestRuns.endpoint(new FakeChatProvider("fake"), 1)).steps(2).build(),
                new RecordingListener(), new VirtualClock());
        java.util.List<String> lines = java.nio.file.Files.readAllLines(out);
        java.nio.file.Files.write(out, lines.subList(0, 3));

        RunSummary summary = run(TestRuns.config(out, 2, TestRuns.endpoint(new FakeChatProvider("fake"), 1)).steps(2)
                .prompts(new org.entropyworkbench.core.protocol.PromptSet("", "Other: {question}", "again")).build(),
                new RecordingListener(), new VirtualClock());

        assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
        assertThat(summary.errorMessage()).contains("prompt hash differs");
    }

    @Test
    void stepsOfOneQuestionNeverOverlap() throws Exception {
        Map<String, Integer> open = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> overlaps = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeChatProvider fake = new FakeChatProvider("fake").perTokenDelay(1).hook(req -> {
            if (open.putIfAbsent(req.questionId(), req.step()) != null) {
                overlaps.add(req.questionId() + "#" + req.step());
            }
        });
        RecordingListener listener = new RecordingListener();
        listener.onCompleted = r -> open.remove(r.questionId());
        run(TestRuns.config(dir.resolve("r.jsonl"), 4, TestRuns.endpoint(fake, 4)).build(), listener, RunClock.SYSTEM);
        assertThat(overlaps).isEmpty();
        assertThat(fake.requests()).hasSize(16);
        assertThat(listener.completed.stream().sorted(Comparator.comparing(StepRecord::startedAt)).count()).isEqualTo(16);
    }
}
