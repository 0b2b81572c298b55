package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.entropyworkbench.core.provider.ApiKeySource;
import org.entropyworkbench.core.provider.CapabilityProbe;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The capability probe that {@code ew run} sends to every live endpoint before the first question. */
class RunProbeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private MockWebServer server;
    /** Bodies of every POST the server received, in order. */
    private final List<JsonNode> posts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    /** A vLLM server that refuses more than {@code maxTopLogprobs} alternatives with its usual 400. */
    private void vllmWithLimit(int maxTopLogprobs) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if ("/version".equals(request.getPath())) {
                    return new MockResponse().setBody("{\"version\":\"0.11.2\"}");
                }
                JsonNode body;
                try {
                    body = JSON.readTree(request.getBody().readUtf8());
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(500);
                }
                posts.add(body);
                int asked = body.get("top_logprobs").asInt();
                if (asked > maxTopLogprobs) {
                    return new MockResponse().setResponseCode(400).setBody("{\"object\":\"error\",\"message\":"
                            + "\"Requested sample logprobs of " + asked + ", which is greater than max allowed: "
                            + maxTopLogprobs + " (parameter=logprobs, value=" + asked + ")\",\"code\":400}");
                }
                return new MockResponse().setHeader("Content-Type", "text/event-stream")
                        .setBody(RunCommandTest.sseAnswer("The answer is \\\\boxed{7}.", true));
            }
        });
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new RunCommand(new ApiKeySource(Map.of(), dir.resolve("none.properties"))));
        cl.setExecutionExceptionHandler(new CliErrors.ExecutionHandler());
        cl.setParameterExceptionHandler(new CliErrors.UsageHandler());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static boolean isProbe(JsonNode post) {
        return post.get("messages").toString().contains(CapabilityProbe.PROBE_QUESTION.substring(0, 15));
    }

    @Test
    void aTopKLimitBelowKStopsTheRunBeforeAnyQuestion() {
        vllmWithLimit(10);
        Path output = dir.resolve("run.jsonl");

        int code = run("--dataset", "builtin:mini", "--preset", "vllm", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--steps", "1", "--progress", "none", "-o", output.toString());

        assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("accepts at most 10 top logprobs but --k is 20", "--k 10", "--k-auto",
                "nothing was run", "(model m)");
        assertThat(posts).isNotEmpty().allMatch(RunProbeTest::isProbe);
        assertThat(Files.exists(output)).isFalse();
    }

    @Test
    void kAutoLowersKToTheLimitAndTheRunRecordsIt() throws Exception {
        vllmWithLimit(10);
        Path output = dir.resolve("run.jsonl");

        int code = run("--dataset", "builtin:mini", "--preset", "vllm", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--steps", "1", "--k-auto", "--progress", "none", "-o", output.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("probe vllm http://", "caps top_logprobs at 10", "server version 0.11.2",
                "lowered k from 20 to 10");
        RunFile run = RunFileReader.read(output);
        assertThat(run.header().topK()).isEqualTo(10);
        assertThat(run.header().generator()).as("the probe's server version reaches the header")
                .containsEntry("serverVersion", "0.11.2");
        assertThat(org.entropyworkbench.core.calibration.ServingProvenance.fromRun(run.header(), 10).serverVersion())
                .as("and a calibration's provenance").isEqualTo("0.11.2");
        assertThat(run.steps()).hasSize(12);
        List<JsonNode> questions = posts.stream().filter(p -> !isProbe(p)).toList();
        assertThat(questions).hasSize(12).allSatisfy(p -> assertThat(p.get("top_logprobs").asInt()).isEqualTo(10));
        assertThat(posts.stream().filter(RunProbeTest::isProbe).count()).isEqualTo(2);
    }

    @Test
    void aGoodEndpointIsProbedOnceAndItsVerdictPrinted() throws Exception {
        vllmWithLimit(20);
        Path output = dir.resolve("run.jsonl");

        int code = run("--dataset", "builtin:mini", "--preset", "vllm", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--steps", "1", "--progress", "none", "-o", output.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("probe vllm http://", "(model m): Logprobs work");
        assertThat(posts.stream().filter(RunProbeTest::isProbe).count()).isEqualTo(1);
        assertThat(isProbe(posts.get(0))).isTrue();
        assertThat(RunFileReader.read(output).header().topK()).isEqualTo(20);
    }

    @Test
    void noProbeSkipsIt() throws Exception {
        vllmWithLimit(20);
        Path output = dir.resolve("run.jsonl");

        int code = run("--dataset", "builtin:mini", "--preset", "vllm", "--no-probe", "--base-url",
                server.url("/v1").toString(), "--model", "m", "--steps", "1", "--progress", "none", "-o", output.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("probe");
        assertThat(posts).hasSize(12).noneMatch(RunProbeTest::isProbe);
    }

    @Test
    void anUnreachableServerStopsTheRunWithOneLine() throws IOException {
        String url = server.url("/v1").toString();
        server.shutdown();
        Path output = dir.resolve("run.jsonl");

        int code = run("--dataset", "builtin:mini", "--preset", "custom", "--base-url", url, "--model", "m",
                "--progress", "none", "-o", output.toString());

        assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).startsWith("ew run: cannot use custom http://").contains("Cannot reach the server",
                "Nothing was run");
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        assertThat(Files.exists(output)).isFalse();
    }
}
