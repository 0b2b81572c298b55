package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.entropyworkbench.core.provider.Fixtures.request;
import static org.entropyworkbench.core.provider.Fixtures.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ollama's native /api/chat NDJSON stream (apis.md section 4.2). */
class OllamaNativeClientTest {
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static String line(String message, String logprobs, boolean done) {
        return "{\"model\":\"qwen3:8b\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":" + message + ",\"done\":" + done
                + (logprobs == null ? "" : ",\"logprobs\":" + logprobs) + "}\n";
    }

    private static String lp(String token, double lp, String alt, double altLp) {
        return "[{\"token\":" + Fixtures.json(token) + ",\"logprob\":" + lp + ",\"bytes\":[1],\"top_logprobs\":[{\"token\":"
                + Fixtures.json(token) + ",\"logprob\":" + lp + "},{\"token\":" + Fixtures.json(alt) + ",\"logprob\":" + altLp + "}]}]";
    }

    @Test
    void thinkingLogprobOnlyLinesAndDoneLine() throws Exception {
        String body = line("{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Okay\"}", lp("Okay", -0.021, "Alright", -4.1), false)
                + line("{\"role\":\"assistant\",\"content\":\"\"}", lp(" then", -0.3, " so", -1.4), false)
                + line("{\"role\":\"assistant\",\"content\":\"\"}", lp("</think>", -0.01, "\n", -5.0), false)
                + line("{\"role\":\"assistant\",\"content\":\"42\"}", lp("42", -0.2, "41", -2.0), false)
                + "{\"model\":\"qwen3:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                + "\"prompt_eval_count\":12,\"eval_count\":4}\n";
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/x-ndjson").setBody(body));
        RecordingListener rec = new RecordingListener();
        ChatResult r = ChatProviders.create(settings(ServerPreset.OLLAMA_NATIVE, server, null)
                .withReasoningEffort("high")).stream(request(20), rec, CancellationToken.none());

        assertThat(rec.texts()).isEqualTo("Okay then</think>42");
        assertThat(rec.channels()).as("logprob-only line keeps the previous channel").isEqualTo("RRCA");
        assertThat(rec.tokens.get(0).topTokens()).containsExactly("Okay", "Alright");
        assertThat(r.text()).isEqualTo("42");
        assertThat(r.reasoningText()).isEqualTo("Okay");
        assertThat(r.promptTokens()).isEqualTo(12);
        assertThat(r.completionTokens()).isEqualTo(4);
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.tokensWithLogprobs()).isEqualTo(4);

        RecordedRequest req = server.takeRequest();
        assertThat(req.getPath()).isEqualTo("/api/chat");
        JsonNode b = new ObjectMapper().readTree(req.getBody().readUtf8());
        assertThat(b.get("logprobs").asBoolean()).isTrue();
        assertThat(b.get("top_logprobs").asInt()).isEqualTo(20);
        assertThat(b.get("stream").asBoolean()).isTrue();
        assertThat(b.get("think").asText()).isEqualTo("high");
        assertThat(b.get("options").get("num_predict").asInt()).isEqualTo(256);
        assertThat(b.get("options").get("temperature").asDouble()).isEqualTo(0.7);
    }

    @Test
    void errorLineMidStreamIsStreamBroken() {
        String body = line("{\"role\":\"assistant\",\"content\":\"Hi\"}", lp("Hi", -0.1, "Yo", -2.0), false)
                + "{\"error\":\"an error was encountered while running the model\"}\n";
        server.enqueue(new MockResponse().setBody(body));
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> ChatProviders.create(
                settings(ServerPreset.OLLAMA_NATIVE, server, null)).stream(request(20), new RecordingListener(), CancellationToken.none()));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.STREAM_BROKEN);
        assertThat(e.getMessage()).contains("an error was encountered");
    }

    @Test
    void outOfRangeTopLogprobsIsALimitError() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":\"top_logprobs must be between 0 and 20\"}"));
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> ChatProviders.create(
                settings(ServerPreset.OLLAMA_NATIVE, server, null)).stream(request(25), new RecordingListener(), CancellationToken.none()));
        assertThat(e).isInstanceOf(TopLogprobsLimitException.class);
        assertThat(((TopLogprobsLimitException) e).maxTopLogprobs()).isEqualTo(20);
    }

    @Test
    void streamWithoutDoneLineIsTruncated() {
        server.enqueue(new MockResponse().setBody(line("{\"role\":\"assistant\",\"content\":\"Hi\"}", lp("Hi", -0.1, "Yo", -2.0), false)));
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> ChatProviders.create(
                settings(ServerPreset.OLLAMA_NATIVE, server, null)).stream(request(20), new RecordingListener(), CancellationToken.none()));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.STREAM_BROKEN);
    }

    @Test
    void baseUrlEndingInV1StillTargetsApiChat() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"message\":{\"role\":\"assistant\",\"content\":\"x\"},\"done\":true}\n"));
        EndpointSettings s = settings(ServerPreset.OLLAMA_NATIVE, server, null);
        s = s.withBaseUrl(s.baseUrl() + "/v1");
        ChatResult r = ChatProviders.create(s).stream(request(20), new RecordingListener(), CancellationToken.none());
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/chat");
        assertThat(r.tokensWithLogprobs()).isZero();
        assertThat(r.text()).isEqualTo("x");
    }
}
