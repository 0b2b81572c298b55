package org.entropyworkbench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.entropyworkbench.bench.FaultPlan;
import org.entropyworkbench.core.provider.ApiKey;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy's production rules with a real loopback upstream: bad input and wrong tokens as clear
 * 4xx in OpenAI's error shape while it keeps serving, the concurrency bound, cancel on client
 * disconnect, drain on stop, records that the workbench reads, and no secret in logs or records.
 */
class ServeProductionTest {
    private static final String GOOD = "{\"model\":\"bench-model\",\"messages\":[{\"role\":\"user\",\"content\":\"6*7?\"}]}";
    private static final String GOOD_STREAM = "{\"model\":\"bench-model\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"6*7?\"}]}";

    private static JsonNode errorOf(HttpResponse<String> r) throws Exception {
        JsonNode error = OpenAiJson.MAPPER.readTree(r.body()).get("error");
        assertThat(error).as("OpenAI error object in " + r.body()).isNotNull();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isNotBlank();
        return error;
    }

    @Test
    void badInputGetsClear4xxAndTheProxyKeepsServing() throws Exception {
        try (ServeFixture f = ServeFixture.upstream(FaultPlan.NONE, 0).start(ServeFixture.Options.gate(100))) {
            String url = f.proxy.baseUrl() + "/chat/completions";

            HttpResponse<String> invalid = ServeHttp.post(url, "{\"model\": \"bench-model\", \"messages\": [", null);
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(errorOf(invalid).get("message").asText()).contains("not valid JSON").contains("line 1");

            HttpResponse<String> missing = ServeHttp.post(url, "{\"model\":\"bench-model\"}", null);
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(errorOf(missing).get("param").asText()).isEqualTo("messages");

            HttpResponse<String> many = ServeHttp.post(url, GOOD.replace("{\"model\"", "{\"n\":2,\"model\""), null);
            assertThat(many.statusCode()).isEqualTo(400);
            assertThat(errorOf(many).get("param").asText()).isEqualTo("n");

            String huge = GOOD.replace("6*7?", "x".repeat(100_000));
            HttpResponse<String> tooLarge = ServeHttp.post(url, huge, null);
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(errorOf(tooLarge).get("message").asText()).contains("limit of 65536 bytes");
            assertThat(tooLarge.headers().firstValue("Connection")).as("the unread body's connection is not reused")
                    .contains("close");

            HttpResponse<String> otherModel = ServeHttp.post(url, GOOD.replace("bench-model", "gpt-4o"), null);
            assertThat(otherModel.statusCode()).isEqualTo(404);
            assertThat(errorOf(otherModel).get("message").asText()).contains("bench-model").contains("gpt-4o");

            HttpResponse<String> wrongPath = ServeHttp.get(f.proxy.baseUrl() + "/completions", null);
            assertThat(wrongPath.statusCode()).isEqualTo(404);
            errorOf(wrongPath);

            assertThat(f.upstream.stats().requests()).as("no bad request reached the upstream").isZero();
            HttpResponse<String> ok = ServeHttp.post(url, GOOD, null);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-Entropy-Workbench-Decision")).contains("stop");
            assertThat(ServeHttp.get(f.proxy.baseUrl() + "/models", null).body()).contains("bench-model");
        }
    }

    @Test
    void requiredTokenGates401AndNoSecretReachesLogsOrRecords(@TempDir Path dir) throws Exception {
        String upstreamKey = "sk-upstream-SECRET-9d1f";
        String proxyToken = "proxy-SECRET-77aa";
        Path record = dir.resolve("serve.jsonl");
        try (ServeFixture f = ServeFixture.upstream(FaultPlan.NONE, 0).start(ServeFixture.Options.gate(-1)
                .secrets(new UpstreamAuth(ApiKey.of(upstreamKey), false), ProxyToken.of(proxyToken))
                .record(record, true))) {
            String url = f.proxy.baseUrl() + "/chat/completions";
            HttpResponse<String> none = ServeHttp.post(url, GOOD, null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(errorOf(none).get("type").asText()).isEqualTo("authentication_error");
            assertThat(ServeHttp.post(url, GOOD, "wrong-" + proxyToken).statusCode()).isEqualTo(401);
            assertThat(ServeHttp.get(f.proxy.baseUrl() + "/models", "nope").statusCode()).isEqualTo(401);
            assertThat(f.upstream.stats().requests()).isZero();

            assertThat(ServeHttp.post(url, GOOD, proxyToken).statusCode()).isEqualTo(200);
            assertThat(ServeHttp.post(url, GOOD_STREAM, proxyToken).statusCode()).isEqualTo(200);
            assertThat(f.upstream.stats().requests()).isEqualTo(8);
            String metrics = ServeHttp.get(f.proxyRoot() + "/metrics", null).body();
            String health = ServeHttp.get(f.proxyRoot() + "/health", null).body();
            f.proxy.stop();

            String everything = String.join("\n", f.log) + Files.readString(record) + metrics + health;
            assertThat(f.log).isNotEmpty();
            assertThat(everything).doesNotContain(upstreamKey).doesNotContain(proxyToken)
                    .doesNotContainIgnoringCase("authorization").doesNotContain("Bearer");
        }
    }

    @Test
    void recordIsAnUngradedRunFileTheWorkbenchReads(@TempDir Path dir) throws Exception {
        Path record = dir.resolve("serve.jsonl");
        try (ServeFixture f = ServeFixture.upstream(FaultPlan.NONE, 0)
                .start(ServeFixture.Options.gate(-1).record(record, false))) {
            String url = f.proxy.baseUrl() + "/chat/completions";
            assertThat(ServeHttp.post(url, GOOD, null).statusCode()).isEqualTo(200);
            RunFile growing = RunFileReader.read(record);
            assertThat(growing.steps()).hasSize(4);
            assertThat(ServeHttp.post(url, GOOD_STREAM, null).statusCode()).isEqualTo(200);
            RunFile run = RunFileReader.read(record);

            assertThat(run.problems()).isEmpty();
            assertThat(run.header().mode()).isEqualTo("gated");
            assertThat(run.header().calibration()).containsEntry("file", "test-calibration.json");
            assertThat(run.steps()).hasSize(8);
            for (StepRecord s : run.steps()) {
                assertThat(s.correct()).isNull();
                assertThat(s.text()).as("no text without --record-text").isNull();
                assertThat(s.tokens()).isNull();
                assertThat(s.entropies(20)).hasSize(ServeFixture.TOKENS);
                assertThat(s.completionTokens()).isEqualTo(ServeFixture.TOKENS);
            }
            assertThat(run.steps().stream().map(StepRecord::questionId).distinct()).hasSize(2);
        }
    }

    @Test
    void beyondMaxConcurrencyIs429WithRetryAfter() throws Exception {
        try (ServeFixture f = ServeFixture.upstream(FaultPlan.NONE, 12).start(ServeFixture.Options.gate(100).concurrency(1))) {
            String url = f.proxy.baseUrl() + "/chat/completions";
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> post(url, GOOD));
            awaitInFlight(f, 1);
            HttpResponse<String> second = ServeHttp.post(url, GOOD, null);
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).contains("1");
            assertThat(errorOf(second).get("code").asText()).isEqualTo("proxy_busy");
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(ServeHttp.post(url, GOOD, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void clientDisconnectCancelsTheUpstreamCall() throws Exception {
        for (ServeMode mode : ServeMode.values()) {
            try (ServeFixture f = ServeFixture.upstream(FaultPlan.NONE, 8)
                    .start(ServeFixture.Options.gate(-1).mode(mode))) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), f.proxy.port())) {
                    byte[] body = GOOD_STREAM.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[512];
                    assertThat(in.read(buf)).as("first bytes of the stream").isPositive();
                }
                long deadline = System.currentTimeMillis() + 10_000;
                while (!ServeHttp.get(f.proxyRoot() + "/metrics", null).body()
                        .contains("outcome=\"cancelled\"} 1.0") && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(ServeHttp.get(f.proxyRoot() + "/metrics", null).body())
                        .as(mode + ": the request ends as cancelled").contains("outcome=\"cancelled\"} 1.0");
                Thread.sleep(ServeFixture.TOKENS * 1000L / 8);
                assertThat(f.upstream.stats().completedStreams()).as(mode + ": the upstream stream was cut").isZero();
                assertThat(f.upstream.stats().requests()).as(mode + ": no refinement after the client left").isEqualTo(1);
            }
        }
    }

    @Test
    void stopDrainsTheRequestInFlight() throws Exception {
        try (ServeFixture f = ServeFixture.upstream(FaultPlan.NONE, 16).start(ServeFixture.Options.gate(100))) {
            String url = f.proxy.baseUrl() + "/chat/completions";
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> post(url, GOOD));
            awaitInFlight(f, 1);
            f.proxy.stop();
            HttpResponse<String> r = inFlight.get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains(f.upstream.answerText().replace("\\", "\\\\"));
            assertThat(f.log.get(f.log.size() - 1)).isEqualTo("serve: stopped");
        }
    }

    private static void awaitInFlight(ServeFixture f, int n) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode h = OpenAiJson.MAPPER.readTree(ServeHttp.get(f.proxyRoot() + "/health", null).body());
            if (h.get("in_flight").asInt() >= n) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never " + n + " requests in flight");
    }

    private static HttpResponse<String> post(String url, String body) {
        try {
            return ServeHttp.post(url, body, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
