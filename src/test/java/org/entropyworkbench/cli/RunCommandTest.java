package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.entropyworkbench.core.provider.ApiKeySource;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    private static final String SECRET = "sk-test-DO-NOT-LEAK-4f9c2e";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int runCommand(ApiKeySource keys, String... args) {
        CommandLine cl = new CommandLine(new RunCommand(keys));
        cl.setExecutionExceptionHandler(new CliErrors.ExecutionHandler());
        cl.setParameterExceptionHandler(new CliErrors.UsageHandler());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private int ew(String... args) {
        return EntropyWorkbenchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private ApiKeySource keys() {
        return new ApiKeySource(Map.of("MY_TEST_KEY", SECRET), dir.resolve("no-keys.properties"));
    }

    @Test
    void replayOfASimulatedRunWritesTheSameStepsAndAnalyzes() throws Exception {
        Path source = dir.resolve("sim.jsonl");
        assertThat(ew("simulate", "--profile", "reasoning", "--questions", "8", "--seed", "11",
                "--max-token-records", "40", "-o", source.toString())).as(err.toString()).isZero();
        Path replay = dir.resolve("replay.jsonl");

        int code = ew("run", "--preset", "replay", "--replay", source.toString(), "--speed", "0",
                "--concurrency", "3", "--progress", "lines", "-o", replay.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("run completed", "questions      8 (8 finished)", "steps          32");
        RunFile original = RunFileReader.read(source);
        RunFile copy = RunFileReader.read(replay);
        assertThat(copy.problems()).isEmpty();
        assertThat(copy.header().simulated()).isTrue();
        assertThat(copy.steps()).hasSize(original.steps().size());
        for (StepRecord r : copy.steps()) {
            StepRecord o = original.steps().stream()
                    .filter(x -> x.questionId().equals(r.questionId()) && x.step() == r.step()).findFirst().orElseThrow();
            assertThat(r.text()).isEqualTo(o.text());
            assertThat(r.correct()).isEqualTo(o.correct());
            assertThat(r.completionTokens()).isEqualTo(o.completionTokens());
            assertThat(r.flags()).doesNotContain("token-count-mismatch");
            assertThat(r.flags()).containsAll(o.flags().stream().filter(f -> f.equals("sampled-tokens")).toList());
        }
        assertThat(err.toString()).contains("steps");

        out.getBuffer().setLength(0);
        assertThat(ew("analyze", replay.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).containsIgnoringCase("entropy");
    }

    @Test
    void liveRunAgainstAnOpenAiCompatibleServerNeverWritesTheKey() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setHeader("Content-Type", "text/event-stream")
                            .setBody(sseAnswer("The answer is \\\\boxed{7}.", true));
                }
            });
            server.start();
            Path output = dir.resolve("live.jsonl");

            int code = runCommand(keys(), "--dataset", "builtin:builtin-mini", "--preset", "custom",
                    "--base-url", server.url("/v1").toString(), "--model", "test-model", "--key-env", "MY_TEST_KEY",
                    "--steps", "2", "--concurrency", "2", "--progress", "lines", "-o", output.toString());

            assertThat(code).as(err.toString()).isZero();
            RecordedRequest first = server.takeRequest();
            assertThat(first.getHeader("Authorization")).isEqualTo("Bearer " + SECRET);
            RunFile run = RunFileReader.read(output);
            assertThat(run.steps()).isNotEmpty();
            assertThat(run.steps().size() % 2).isZero();
            assertThat(run.header().server()).startsWith("custom http://").doesNotContain(SECRET);
            assertThat(run.steps()).allSatisfy(r -> assertThat(r.extractedAnswer()).isEqualTo("7"));
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(SECRET);
                }
            }
            assertThat(out.toString()).doesNotContain(SECRET);
            assertThat(err.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void aServerThatSendsNoLogprobsStopsTheRunWithAClearMessage() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setHeader("Content-Type", "text/event-stream")
                            .setBody(sseAnswer("Answer: 3", false));
                }
            });
            server.start();
            Path output = dir.resolve("nolp.jsonl");

            int code = runCommand(keys(), "--dataset", "builtin:builtin-mini", "--preset", "vllm",
                    "--base-url", server.url("/v1").toString(), "--model", "tiny-model", "--progress", "none",
                    "-o", output.toString());

            assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
            assertThat(err.toString()).contains("cannot use vllm http://", "tiny-model", "no logprobs came back", "Nothing was run")
                    .doesNotContain("Exception:").doesNotContain("\tat ");
            assertThat(err.toString().strip().lines().count()).isEqualTo(1);
            assertThat(Files.exists(output)).isFalse();

            err.getBuffer().setLength(0);
            code = runCommand(keys(), "--dataset", "builtin:builtin-mini", "--preset", "vllm", "--no-probe",
                    "--base-url", server.url("/v1").toString(), "--model", "tiny-model", "--progress", "none",
                    "-o", output.toString());

            assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
            assertThat(err.toString()).contains("server returned no logprobs", "vllm http://", "tiny-model")
                    .doesNotContain("Exception:").doesNotContain("\tat ");
            assertThat(Files.exists(output)).as("a run that never got a step leaves no file").isFalse();
        }
    }

    @Test
    void badCommandLinesGetOneClearLine() throws IOException {
        Path output = dir.resolve("x.jsonl");
        assertThat(runCommand(keys(), "--dataset", "builtin:builtin-mini", "--model", "m", "--mode", "gated",
                "-o", output.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("needs a threshold");

        err.getBuffer().setLength(0);
        assertThat(runCommand(keys(), "--dataset", "builtin:builtin-mini", "-o", output.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--model is required");

        err.getBuffer().setLength(0);
        assertThat(runCommand(keys(), "--dataset", "builtin:builtin-mini", "--model", "m", "--preset", "nope",
                "-o", output.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("unknown preset 'nope'");

        err.getBuffer().setLength(0);
        assertThat(runCommand(keys(), "--dataset", dir.resolve("missing.jsonl").toString(), "--model", "m",
                "-o", output.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("missing.jsonl");

        err.getBuffer().setLength(0);
        assertThat(runCommand(keys(), "--dataset", "builtin:builtin-mini", "--model", "m", "--preset", "openai",
                "--key-env", "ABSENT_VAR", "-o", output.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("ABSENT_VAR");
        assertThat(Files.exists(output)).isFalse();
    }

    @Test
    void gatedReplayStopsExactlyTheQuestionsAtOrBelowTau() throws Exception {
        Path source = dir.resolve("sim.jsonl");
        assertThat(ew("simulate", "--profile", "reasoning", "--questions", "12", "--seed", "5",
                "--max-token-records", "30", "-o", source.toString())).as(err.toString()).isZero();
        RunFile original = RunFileReader.read(source);
        double[] stepOneH = original.steps().stream().filter(r -> r.step() == 1)
                .mapToDouble(r -> java.util.Arrays.stream(r.entropies(20)).average().orElseThrow()).sorted().toArray();
        double tau = (stepOneH[5] + stepOneH[6]) / 2;
        Path gated = dir.resolve("gated.jsonl");

        int code = ew("run", "--preset", "replay", "--replay", source.toString(), "--mode", "gated",
                "--tau", Double.toString(tau), "--progress", "none", "-o", gated.toString());

        assertThat(code).as(err.toString()).isZero();
        RunFile run = RunFileReader.read(gated);
        assertThat(run.header().mode()).isEqualTo("gated");
        Map<String, Long> stepsPerQuestion = run.steps().stream()
                .collect(java.util.stream.Collectors.groupingBy(StepRecord::questionId,
                        java.util.stream.Collectors.counting()));
        assertThat(stepsPerQuestion).hasSize(12);
        for (StepRecord first : run.steps().stream().filter(r -> r.step() == 1).toList()) {
            double h = java.util.Arrays.stream(first.entropies(20)).average().orElseThrow();
            assertThat(stepsPerQuestion.get(first.questionId())).as(first.questionId() + " H=" + h)
                    .isEqualTo(h <= tau ? 1L : 4L);
        }
        assertThat(stepsPerQuestion.values().stream().filter(n -> n == 1L).count()).isEqualTo(6);
        assertThat(out.toString()).contains("stopped after step 1  6");
    }

    @Test
    void thresholdsOutsideGatedModeAndImpossibleReplaysAreRefused() throws Exception {
        Path source = dir.resolve("sim.jsonl");
        assertThat(ew("simulate", "--profile", "reasoning", "--questions", "4", "--seed", "3",
                "--max-token-records", "10", "-o", source.toString())).isZero();
        Path output = dir.resolve("out.jsonl");

        err.getBuffer().setLength(0);
        assertThat(ew("run", "--preset", "replay", "--replay", source.toString(), "--tau", "0.9",
                "-o", output.toString())).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("--tau applies to --mode gated");

        err.getBuffer().setLength(0);
        assertThat(runCommand(keys(), "--dataset", "builtin:mini", "--model", "m", "--calibration",
                dir.resolve("cal.json").toString(), "-o", output.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--calibration applies to --mode gated");

        err.getBuffer().setLength(0);
        assertThat(ew("run", "--preset", "replay", "--replay", source.toString(), "--mode", "budgeted", "--tau", "1",
                "-o", output.toString())).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("--mode budgeted cannot be replayed");

        Path gated = dir.resolve("gated.jsonl");
        assertThat(ew("run", "--preset", "replay", "--replay", source.toString(), "--mode", "gated", "--tau", "5",
                "--progress", "none", "-o", gated.toString())).isZero();
        err.getBuffer().setLength(0);
        assertThat(ew("run", "--preset", "replay", "--replay", gated.toString(), "--mode", "gated", "--tau", "1",
                "-o", output.toString())).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("needs a full-mode recording", "recorded in gated mode");
        assertThat(Files.exists(output)).isFalse();
    }

    @Test
    void fieldOptionsMapADatasetThatAutoDetectionCannotRead() throws Exception {
        Path data = dir.resolve("odd.jsonl");
        Files.writeString(data, "{\"alpha\":\"a1\",\"beta\":\"Invented: what is 3 + 4?\",\"gamma\":\"7\"}\n"
                + "{\"alpha\":\"a2\",\"beta\":\"Invented: what is 2 + 5?\",\"gamma\":\"7\"}\n");
        Path output = dir.resolve("odd-run.jsonl");
        assertThat(runCommand(keys(), "--dataset", data.toString(), "--model", "m", "--max-attempts", "1",
                "-o", output.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("odd.jsonl: cannot tell which fields", "fields found: alpha, beta, gamma",
                "--question-field");

        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setHeader("Content-Type", "text/event-stream")
                            .setBody(sseAnswer("The answer is \\\\boxed{7}.", true));
                }
            });
            server.start();
            err.getBuffer().setLength(0);
            int code = runCommand(keys(), "--dataset", data.toString(), "--id-field", "alpha", "--question-field", "beta",
                    "--answer-field", "gamma", "--base-url", server.url("/v1").toString(), "--model", "m",
                    "--steps", "1", "--max-attempts", "1", "--progress", "none", "-o", output.toString());

            assertThat(code).as(err.toString()).isZero();
            RunFile run = RunFileReader.read(output);
            assertThat(run.steps()).extracting(StepRecord::questionId).containsExactlyInAnyOrder("a1", "a2");
            assertThat(run.steps()).allSatisfy(r -> assertThat(r.correct()).isTrue());
        }

        err.getBuffer().setLength(0);
        assertThat(runCommand(keys(), "--dataset", data.toString(), "--answer-field", "gamma", "--model", "m",
                "-o", dir.resolve("other.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--question-field is required");
    }

    @Test
    void progressLineShowsCountsAndBar() {
        String line = TerminalProgress.line(new org.entropyworkbench.core.runner.RunProgress(2, 8, 12, 32, 4567, 83_000, 1, false));
        assertThat(line).startsWith("[#########...............]").contains("38%", "12/32 steps", "2/8 questions",
                "4,567 tokens", "1 retries", "1m23s");
    }

    /** An OpenAI-format SSE stream of a short answer, with or without top-3 logprobs, then usage and [DONE]. */
    static String sseAnswer(String text, boolean logprobs) {
        int third = text.length() / 3;
        List<String> pieces = List.of(text.substring(0, third), text.substring(third, 2 * third), text.substring(2 * third));
        StringBuilder b = new StringBuilder();
        for (String p : pieces) {
            String token = "\"" + p + "\"";
            String lp = !logprobs ? "null"
                    : "{\"content\":[{\"token\":" + token + ",\"logprob\":-0.2,\"bytes\":null,\"top_logprobs\":["
                    + "{\"token\":" + token + ",\"logprob\":-0.2,\"bytes\":null},"
                    + "{\"token\":\"x\",\"logprob\":-2.0,\"bytes\":null},"
                    + "{\"token\":\"y\",\"logprob\":-3.0,\"bytes\":null}]}]}";
            b.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                    .append(token).append("},\"logprobs\":").append(lp).append(",\"finish_reason\":null}]}\n\n");
        }
        b.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n");
        b.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,"
                + "\"completion_tokens\":3,\"total_tokens\":23}}\n\n");
        b.append("data: [DONE]\n\n");
        return b.toString();
    }
}
