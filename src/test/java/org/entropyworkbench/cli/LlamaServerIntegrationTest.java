package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.testsupport.LlamaServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ew run} end to end against a real llama.cpp server ({@code ../shared/llama-server/start.sh}:
 * a tiny random-weight model that answers mostly with digits) through the real engine and client:
 * full, gated and budgeted runs on a dataset of single-digit questions, the file checked step by step
 * (entropies recomputed from the recorded top-k), a run killed mid-way and resumed, the server killed
 * mid-stream and restarted, a question too long for the context, and a wrong model name. Skipped,
 * with the reason, where the script is absent. Every server started is stopped by its PID.
 */
@Tag("llama-server")
@Timeout(value = 170, unit = TimeUnit.SECONDS)
class LlamaServerIntegrationTest {

    private static final String QUESTIONS = String.join("\n",
            "{\"id\":\"add-2-2\",\"question\":\"What is 2 + 2? Answer with one digit.\",\"answer\":\"4\"}",
            "{\"id\":\"add-3-4\",\"question\":\"What is 3 + 4? Answer with one digit.\",\"answer\":\"7\"}",
            "{\"id\":\"sub-9-8\",\"question\":\"What is 9 - 8? Answer with one digit.\",\"answer\":\"1\"}",
            "{\"id\":\"add-1-2\",\"question\":\"What is 1 + 2? Answer with one digit.\",\"answer\":\"3\"}",
            "{\"id\":\"add-5-0\",\"question\":\"What is 5 + 0? Answer with one digit.\",\"answer\":\"5\"}",
            "{\"id\":\"mul-3-3\",\"question\":\"What is 3 * 3? Answer with one digit.\",\"answer\":\"9\"}") + "\n";
    private static final int QUESTION_COUNT = 6;

    private static Path script;
    private static LlamaServerProcess server;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startServer() throws Exception {
        script = LlamaServerProcess.startScript().orElse(null);
        Assumptions.assumeTrue(script != null,
                "skipped: no ../shared/llama-server/start.sh beside the project, so no llama.cpp server to test against");
        server = LlamaServerProcess.start(script);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void fullRunRecordsEveryStepWithEntropiesOfItsTopKAndNoFalseFlags() throws Exception {
        Path run = dir.resolve("full.jsonl");
        int code = ew("run", "--dataset", dataset().toString(), "--preset", "llamacpp", "--base-url", server.baseUrl(),
                "--model", "tiny-llama", "--max-tokens", "40", "--record-top", "--progress", "none", "-o", run.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).as("the probe reads the slot count").contains("the server has 4 parallel slots");

        RunFile file = RunFileReader.read(run);
        assertThat(file.problems()).isEmpty();
        assertThat(file.header().servedModel()).isEqualTo("tiny-llama");
        assertEveryStepPresent(file, 4);
        for (StepRecord r : file.steps()) {
            String where = r.questionId() + " step " + r.step();
            int n = r.tokenRecordCount();
            assertThat(n).as(where).isPositive();
            assertThat(r.tokens()).as(where).hasSize(n);
            assertThat(r.topLogprobs()).as(where).hasSize(n);
            assertThat(r.finishReason()).as(where).isIn("stop", "length");
            assertThat(r.completionTokens()).as(where + ": the unstreamed end-of-sequence token is not counted")
                    .isEqualTo(n);
            assertThat(r.flags()).as(where + ": only real flags")
                    .isEqualTo("length".equals(r.finishReason()) ? List.of("length") : List.of());
            assertThat(r.servedModel()).as(where).isEqualTo("tiny-llama");
            double[] recorded = r.entropies(20);
            for (int i = 0; i < n; i++) {
                StepRecord.TopLogprobs top = r.topLogprobs().get(i);
                assertThat(top.tokens()).as(where + " token " + i).hasSize(20);
                assertThat(recorded[i]).as(where + " token " + i + ": entropy in bits of its top-20")
                        .isCloseTo(entropyBits(top), org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }

    @Test
    void gatedRunStopsExactlyTheQuestionsAtOrBelowTau() throws Exception {
        Path probe = dir.resolve("step1.jsonl");
        assertThat(ew("run", "--dataset", dataset().toString(), "--preset", "llamacpp", "--base-url", server.baseUrl(),
                "--model", "tiny-llama", "--max-tokens", "24", "--steps", "1", "--progress", "none",
                "-o", probe.toString())).as(err.toString()).isZero();
        double tau = midpointBetweenMiddleValues(step1Entropies(RunFileReader.read(probe)));

        Path gated = dir.resolve("gated.jsonl");
        int code = ew("run", "--dataset", dataset().toString(), "--preset", "llamacpp", "--base-url", server.baseUrl(),
                "--model", "tiny-llama", "--max-tokens", "24", "--mode", "gated", "--tau", Double.toString(tau),
                "--progress", "none", "-o", gated.toString());
        assertThat(code).as(err.toString()).isZero();
        RunFile file = RunFileReader.read(gated);
        assertThat(file.problems()).isEmpty();
        Map<String, Double> h1 = step1Entropies(file);
        assertThat(h1).hasSize(QUESTION_COUNT);
        Map<String, Integer> steps = stepCounts(file);
        for (Map.Entry<String, Double> e : h1.entrySet()) {
            int expected = e.getValue() <= tau ? 1 : 4;
            assertThat(steps.get(e.getKey())).as("%s with H1 %.4f against tau %.4f", e.getKey(), e.getValue(), tau)
                    .isEqualTo(expected);
        }
        assertThat(out.toString()).contains("questions      6 (6 finished)");
    }

    @Test
    void budgetedRunSpendsItsBudgetAndItsProgressAgreesWithTheSummary() throws Exception {
        Path run = dir.resolve("budgeted.jsonl");
        int code = ew("run", "--dataset", dataset().toString(), "--preset", "llamacpp", "--base-url", server.baseUrl(),
                "--model", "tiny-llama", "--max-tokens", "24", "--mode", "budgeted", "--tau", "0.5",
                "--progress", "lines", "-o", run.toString());
        assertThat(code).as(err.toString()).isZero();
        RunFile file = RunFileReader.read(run);
        assertThat(file.problems()).isEmpty();
        Map<String, Integer> steps = stepCounts(file);
        assertThat(steps).hasSize(QUESTION_COUNT);
        assertThat(steps.values()).allSatisfy(s -> assertThat(s).isBetween(1, 4));
        assertThat(steps.values().stream().mapToInt(Integer::intValue).sum())
                .as("every question is uncertain at tau 0.5 bits: the whole budget of N x S calls is spent")
                .isEqualTo(QUESTION_COUNT * 4);
        String[] lines = err.toString().split("\n");
        String last = Arrays.stream(lines).filter(l -> l.contains(" questions ")).reduce((a, b) -> b).orElseThrow();
        assertThat(last).contains("24/24 steps").contains("6/6 questions");
        assertThat(out.toString()).contains("questions      6 (6 finished)");
    }

    @Test
    void runKilledMidwayResumesToEveryStepExactlyOnce() throws Exception {
        Path run = dir.resolve("killed.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EntropyWorkbenchCli.class.getName(), "run", "--dataset", dataset().toString(), "--preset", "llamacpp",
                "--base-url", server.baseUrl(), "--model", "tiny-llama", "--max-tokens", "24", "--concurrency", "1",
                "--rpm", "240", "--no-probe", "--progress", "none", "-o", run.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stepLines(run) < 3 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        RunFile killed = RunFileReader.read(run);
        int before = killed.steps().size();
        assertThat(before).as("killed after some steps, before the end").isBetween(3, QUESTION_COUNT * 4 - 1);

        int code = ew("run", "--dataset", dataset().toString(), "--preset", "llamacpp", "--base-url", server.baseUrl(),
                "--model", "tiny-llama", "--max-tokens", "24", "--progress", "none", "-o", run.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("resuming " + run + ": " + before + " question-step(s) already recorded");
        RunFile resumed = RunFileReader.read(run);
        assertThat(resumed.problems()).isEmpty();
        assertThat(resumed.partialTail()).isFalse();
        assertThat(resumed.header().runId()).isEqualTo(killed.header().runId());
        assertEveryStepPresent(resumed, 4);
    }

    @Test
    void serverKilledMidStreamAndRestartedOnTheSamePortRestartsTheStep() throws Exception {
        try (LlamaServerProcess longWinded = LlamaServerProcess.start(script, "--ignore-eos")) {
            Path run = dir.resolve("restarted.jsonl");
            String[] args = {"run", "--dataset", dataset().toString(), "--preset", "llamacpp",
                    "--base-url", longWinded.baseUrl(), "--model", "tiny-llama", "--max-tokens", "700", "--steps", "1",
                    "--concurrency", "1", "--progress", "none", "-o", run.toString()};
            int[] code = {-1};
            Thread runner = new Thread(() -> code[0] = ew(args), "ew-run-under-test");
            runner.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stepLines(run) < 1 && runner.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(400);
            longWinded.kill();
            Thread.sleep(500);
            longWinded.restart();
            runner.join(TimeUnit.SECONDS.toMillis(90));
            assertThat(runner.isAlive()).as("the run ended").isFalse();
            assertThat(code[0]).as(err.toString()).isZero();
            RunFile file = RunFileReader.read(run);
            assertThat(file.problems()).isEmpty();
            assertEveryStepPresent(file, 1);
            assertThat(file.steps()).as("the step cut mid-stream was started again from scratch")
                    .anySatisfy(r -> assertThat(r.flags()).contains("restarted"));
            assertThat(file.steps()).allSatisfy(r -> assertThat(r.completionTokens()).isEqualTo(700));
        }
    }

    @Test
    void aQuestionTooLongForTheContextFailsAloneAndResumeSkipsItUnlessAskedToRetry() throws Exception {
        Path data = dir.resolve("with-long.jsonl");
        Files.writeString(data, QUESTIONS.lines().limit(2).map(l -> l + "\n").reduce("", String::concat)
                + "{\"id\":\"too-long\",\"question\":\"" + "1 ".repeat(2100) + "What is the last digit?\",\"answer\":\"1\"}\n");
        Path run = dir.resolve("overflow.jsonl");
        String[] args = {"run", "--dataset", data.toString(), "--preset", "llamacpp", "--base-url", server.baseUrl(),
                "--model", "tiny-llama", "--max-tokens", "24", "--steps", "2", "--progress", "none", "-o", run.toString()};
        assertThat(ew(args)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3 (2 finished, 1 failed");
        RunFile file = RunFileReader.read(run);
        assertThat(file.problems()).isEmpty();
        assertThat(stepCounts(file)).isEqualTo(Map.of("add-2-2", 2, "add-3-4", 2));
        assertThat(file.failedSteps()).singleElement().satisfies(f -> {
            assertThat(f.questionId()).isEqualTo("too-long");
            assertThat(f.step()).isEqualTo(1);
            assertThat(f.httpStatus()).isEqualTo(400);
            assertThat(f.reason()).contains("exceeds the available context size");
        });

        long size = Files.size(run);
        assertThat(ew(args)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("1 question(s) stopped at a step the server refused earlier");
        assertThat(Files.size(run)).as("resume skips the failed question").isEqualTo(size);

        assertThat(ew(append(args, "--retry-failed"))).as(err.toString()).isZero();
        assertThat(Files.readAllLines(run).stream().filter(l -> l.contains("\"type\":\"failed-step\"")).count())
                .as("the retried step failed again and was recorded again").isEqualTo(2);
        assertThat(RunFileReader.read(run).failedSteps()).hasSize(1);

        assertThat(ew("analyze", run.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 question(s) failed").contains("too-long");
    }

    @Test
    void aWrongModelNameIsRecordedBesideTheModelTheServerReportsAndWarned() throws Exception {
        Path run = dir.resolve("wrong-model.jsonl");
        int code = ew("run", "--dataset", dataset().toString(), "--preset", "llamacpp", "--base-url", server.baseUrl(),
                "--model", "no-such-model", "--max-tokens", "8", "--steps", "1", "--progress", "none",
                "-o", run.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("answers as model 'tiny-llama', not 'no-such-model' as asked");
        assertThat(out.toString()).contains("served model   tiny-llama (asked for no-such-model)");
        RunFile file = RunFileReader.read(run);
        assertThat(file.header().model()).isEqualTo("no-such-model");
        assertThat(file.header().servedModel()).isEqualTo("tiny-llama");
        assertThat(file.steps()).hasSize(QUESTION_COUNT)
                .allSatisfy(r -> assertThat(r.servedModel()).isEqualTo("tiny-llama"));
    }

    private int ew(String... args) {
        return EntropyWorkbenchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path dataset() throws IOException {
        Path data = dir.resolve("digits.jsonl");
        if (!Files.exists(data)) {
            Files.writeString(data, QUESTIONS);
        }
        return data;
    }

    private static String[] append(String[] args, String more) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

    private static void assertEveryStepPresent(RunFile file, int steps) {
        Set<String> seen = new HashSet<>();
        for (StepRecord r : file.steps()) {
            assertThat(seen.add(r.questionId() + "#" + r.step())).as("%s step %d once", r.questionId(), r.step()).isTrue();
        }
        assertThat(seen).hasSize(QUESTION_COUNT * steps);
    }

    private static Map<String, Integer> stepCounts(RunFile file) {
        Map<String, Integer> counts = new HashMap<>();
        file.steps().forEach(r -> counts.merge(r.questionId(), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Double> step1Entropies(RunFile file) {
        Map<String, Double> h1 = new HashMap<>();
        for (StepRecord r : file.steps()) {
            if (r.step() == 1) {
                h1.put(r.questionId(), StepEntropyAccumulator.mean(r.entropies(20), r.channels(), null));
            }
        }
        return h1;
    }

    /** Half-way between the two middle values, so no recorded H1 lies on tau itself. */
    private static double midpointBetweenMiddleValues(Map<String, Double> values) {
        List<Double> sorted = new ArrayList<>(values.values());
        sorted.sort(Double::compare);
        int m = sorted.size() / 2;
        return (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    /** Shannon entropy in bits of one position, written out independently of the workbench's code. */
    private static double entropyBits(StepRecord.TopLogprobs top) {
        Map<String, Double> mass = new HashMap<>();
        for (int i = 0; i < top.logprobs().length; i++) {
            double lp = top.logprobs()[i];
            if (Double.isFinite(lp) && lp > -9999) {
                mass.merge(top.tokens().get(i), Math.exp(Math.min(lp, 0)), Double::sum);
            }
        }
        double total = mass.values().stream().mapToDouble(Double::doubleValue).sum();
        double h = 0;
        for (double p : mass.values()) {
            double q = p / total;
            h -= q * Math.log(q) / Math.log(2);
        }
        return h;
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
