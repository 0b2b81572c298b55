package org.entropyworkbench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.protocol.ProtocolPrompts;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.testsupport.LlamaServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ew serve} in front of the real llama.cpp server ({@code ../shared/llama-server/start.sh},
 * tiny random-weight model), with the OpenAI SDK as the client: a stop and a refine decision, each
 * with the number of completion requests the server itself logged ("launch_slot_ ... processing task")
 * and the completion tokens its {@code /metrics} counted, plus observe mode's non-streaming path.
 * Skipped with a reason where the script is absent. The server is always killed (finally and a
 * shutdown hook).
 */
@Tag("llama-server")
class LlamaServeIntegrationTest {
    private static final String MODEL = "tiny-llama";
    private static LlamaServerProcess server;
    private static Path log;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        Path script = LlamaServerProcess.startScript().orElse(null);
        assumeTrue(script != null, "skipped: ../shared/llama-server/start.sh is absent (no real llama.cpp server here)");
        server = LlamaServerProcess.start(script, "--metrics");
        port = server.port();
        log = server.log();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    private static EndpointSettings upstream() {
        return new EndpointSettings(ServerPreset.LLAMA_CPP, "http://127.0.0.1:" + port + "/v1", MODEL, null,
                20, 0.7, 16, null, 4, 0, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    private static ServeServer proxy(ServeMode mode, double tau, List<String> lines) throws IOException {
        return proxy(mode, new EntropyGate(tau, "custom", 20), lines);
    }

    private static ServeServer proxy(ServeMode mode, EntropyGate gate, List<String> lines) throws IOException {
        EndpointSettings up = upstream();
        ServeConfig config = new ServeConfig("127.0.0.1", 0, up, mode, gate, 0.7, 4,
                ProtocolPrompts.defaults(AnswerKind.INTEGER), 4, 64 * 1024, Duration.ofSeconds(60), UpstreamAuth.NONE,
                null, null, false, Map.of(), lines::add);
        return ServeServer.start(config, 5_000);
    }

    /** Completion requests the server has processed, from its own log. */
    private static long serverTasks() throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("launch_slot_") && l.contains("processing task")).count();
    }

    private static double tokensPredicted() throws Exception {
        for (String line : ServeHttp.get("http://127.0.0.1:" + port + "/metrics", null).body().split("\n")) {
            if (line.startsWith("llamacpp:tokens_predicted_total ")) {
                return Double.parseDouble(line.substring(line.indexOf(' ') + 1).strip());
            }
        }
        throw new AssertionError("llama.cpp /metrics has no tokens_predicted_total");
    }

    private static OpenAIClient client(ServeServer proxy) {
        return OpenAIOkHttpClient.builder().baseUrl(proxy.baseUrl()).apiKey("unused").maxRetries(0)
                .timeout(Duration.ofSeconds(60)).build();
    }

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model(MODEL).maxCompletionTokens(16)
                .addUserMessage("What is 3 + 4? Answer with one digit.").build();
    }

    /**
     * llama.cpp sends the sampled token's logprob and the top-k, so the probe check accepts the logprob
     * signals; a DeepConf calibration (high = confident) with τ = 0 nats stops (confidence is never
     * negative) after one server request and reports the signal's value.
     */
    @Test
    void deepConfCalibrationGatesTheRealServer() throws Exception {
        for (org.entropyworkbench.core.signal.Signal s : List.of(org.entropyworkbench.core.signal.Signal.DEEPCONF_MEAN,
                org.entropyworkbench.core.signal.Signal.MEAN_NLL)) {
            org.entropyworkbench.core.entropy.StepEntropyAccumulator probeTokens =
                    new org.entropyworkbench.core.entropy.StepEntropyAccumulator();
            new org.entropyworkbench.core.provider.CapabilityProbe(upstream())
                    .run(new org.entropyworkbench.core.provider.CancellationToken(), probeTokens);
            assertThat(UpstreamSignalCheck.of(new EntropyGate(0, "custom", 20, s), probeTokens).refusal())
                    .as(s.id()).isNull();
        }
        List<String> lines = new ArrayList<>();
        EntropyGate gate = new EntropyGate(0, "custom", 20, org.entropyworkbench.core.signal.Signal.DEEPCONF_MEAN);
        try (ServeServer proxy = proxy(ServeMode.GATE, gate, lines)) {
            long tasks0 = serverTasks();
            ChatCompletion c = client(proxy).chat().completions().create(params());

            JsonNode ext = c._additionalProperties().get("entropy_workbench").convert(JsonNode.class);
            assertThat(ext.get("signal").asText()).isEqualTo("deepconf-mean");
            assertThat(ext.get("direction").asText()).isEqualTo("high");
            assertThat(ext.get("value").asDouble()).isGreaterThan(0);
            assertThat(ext.get("decision").asText()).isEqualTo("stop");
            assertThat(serverTasks() - tasks0).isEqualTo(1);
        }
    }

    @Test
    void stopDecisionCostsTheServerOneRequest() throws Exception {
        List<String> lines = new ArrayList<>();
        try (ServeServer proxy = proxy(ServeMode.GATE, 100, lines)) {
            long tasks0 = serverTasks();
            double tokens0 = tokensPredicted();
            ChatCompletion c = client(proxy).chat().completions().create(params());

            JsonNode ext = c._additionalProperties().get("entropy_workbench").convert(JsonNode.class);
            assertThat(ext.get("decision").asText()).isEqualTo("stop");
            assertThat(ext.get("h").asDouble()).isGreaterThan(0);
            assertThat(serverTasks() - tasks0).as("requests the llama.cpp server processed").isEqualTo(1);
            // llama.cpp counts the end-of-sequence token it never streams (docs/run-format.md, the llamacpp
            // preset): usage holds the streamed tokens, so the server's count is the same or one higher per step.
            double reported = c.usage().orElseThrow().completionTokens();
            assertThat(tokensPredicted() - tokens0).isBetween(reported, reported + 1);
            assertThat(c.choices().get(0).message().content()).isPresent();
        }
    }

    @Test
    void refineDecisionCostsTheServerFourRequestsStreamed() throws Exception {
        List<String> lines = new ArrayList<>();
        try (ServeServer proxy = proxy(ServeMode.GATE, 0, lines)) {
            long tasks0 = serverTasks();
            double tokens0 = tokensPredicted();
            StringBuilder content = new StringBuilder();
            JsonNode ext = null;
            long usage = -1;
            ChatCompletionCreateParams streaming = params().toBuilder()
                    .streamOptions(com.openai.models.chat.completions.ChatCompletionStreamOptions.builder()
                            .includeUsage(true).build()).build();
            try (StreamResponse<ChatCompletionChunk> r = client(proxy).chat().completions().createStreaming(streaming)) {
                for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) r.stream()::iterator) {
                    chunk.choices().forEach(ch -> ch.delta().content().ifPresent(content::append));
                    if (chunk._additionalProperties().containsKey("entropy_workbench")) {
                        ext = chunk._additionalProperties().get("entropy_workbench").convert(JsonNode.class);
                    }
                    if (chunk.usage().isPresent()) {
                        usage = chunk.usage().get().completionTokens();
                    }
                }
            }
            assertThat(ext).isNotNull();
            assertThat(ext.get("decision").asText()).isEqualTo("refine");
            assertThat(ext.get("steps").asInt()).isEqualTo(4);
            assertThat(serverTasks() - tasks0).as("requests the llama.cpp server processed").isEqualTo(4);
            // one unstreamed end-of-sequence token at most per step (see the stop test)
            assertThat(tokensPredicted() - tokens0).isBetween((double) usage, (double) usage + 4);
        }
    }

    @Test
    void observeModePassesANonStreamingReplyThroughWithTheDecisionInHeaders() throws Exception {
        List<String> lines = new ArrayList<>();
        try (ServeServer proxy = proxy(ServeMode.OBSERVE, 100, lines)) {
            long tasks0 = serverTasks();
            HttpResponse<String> r = ServeHttp.post(proxy.baseUrl() + "/chat/completions",
                    "{\"model\":\"tiny-llama\",\"max_tokens\":12,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Entropy-Workbench-Decision")).contains("stop");
            assertThat(r.headers().firstValue("X-Entropy-Workbench-Mode")).contains("observe");
            JsonNode body = OpenAiJson.MAPPER.readTree(r.body());
            assertThat(body.has("entropy_workbench")).as("the upstream's body is passed on unchanged").isFalse();
            assertThat(body.path("choices").get(0).path("logprobs").path("content").size()).isPositive();
            assertThat(serverTasks() - tasks0).isEqualTo(1);
            assertThat(ServeHttp.get(proxy.baseUrl() + "/models", null).body()).contains(MODEL);
        }
    }
}
