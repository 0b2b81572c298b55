package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entropyworkbench.core.provider.Fixtures.chunk;
import static org.entropyworkbench.core.provider.Fixtures.entry;
import static org.entropyworkbench.core.provider.Fixtures.request;
import static org.entropyworkbench.core.provider.Fixtures.settings;
import static org.entropyworkbench.core.provider.Fixtures.sse;
import static org.entropyworkbench.core.provider.Fixtures.sseResponse;
import static org.entropyworkbench.core.provider.Fixtures.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every server's success shape, from hand-written fixtures following apis.md. */
class OpenAiCompatibleClientShapesTest {
    private final ObjectMapper mapper = new ObjectMapper();
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

    private ChatResult run(ServerPreset preset, String body, RecordingListener listener) throws Exception {
        server.enqueue(sseResponse(body));
        try (ChatProvider client = ChatProviders.create(settings(preset, server, preset.keyRequired() ? ApiKey.of("sk-test-123456") : null))) {
            return client.stream(request(20), listener, CancellationToken.none());
        }
    }

    @Test
    void vllmReasoningStreamWithEmptyDeltaControlTokensAndUsage() throws Exception {
        String body = sse(
                chunk("{\"role\":\"assistant\",\"content\":\"\"}", null, (String[]) null),
                chunk("{}", null, entry("<think>", -0.001, "<think>", -0.001)),
                chunk("{\"reasoning\":\"Okay\"}", null, entry("Okay", -0.0213, "Okay", -0.0213, "Alright", -4.11)),
                chunk("{\"reasoning\":\" so\"}", null, entry(" so", -0.5, " so", -0.5, ",", -1.2)),
                chunk("{}", null, entry("</think>", -0.0004, "</think>", -0.0004)),
                chunk("{\"content\":\"4\"}", null, entry("4", -0.01, "4", -0.01, "Four", -5.0)),
                chunk("{}", "stop", (String[]) null),
                usage(20, 5, 3),
                "[DONE]");
        RecordingListener rec = new RecordingListener();
        ChatResult r = run(ServerPreset.VLLM, body, rec);

        assertThat(rec.texts()).isEqualTo("<think>Okay so</think>4");
        assertThat(rec.channels()).isEqualTo("CRRCA");
        assertThat(rec.tokens.get(1).topTokens()).containsExactly("Okay", "Alright");
        assertThat(rec.tokens.get(1).topLogprobs()).containsExactly(-0.0213, -4.11);
        assertThat(rec.tokens.get(1).logprob()).isEqualTo(-0.0213);
        assertThat(r.text()).isEqualTo("4");
        assertThat(r.reasoningText()).isEqualTo("Okay so");
        assertThat(r.promptTokens()).isEqualTo(20);
        assertThat(r.completionTokens()).isEqualTo(5);
        assertThat(r.reasoningTokens()).isEqualTo(3);
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.tokensWithLogprobs()).isEqualTo(5);
        assertThat(rec.viewsSeen).as("one reused view").allMatch(v -> v == rec.viewsSeen.get(0));
    }

    @Test
    void requestBodyCarriesStreamingLogprobsAndDecodingSettings() throws Exception {
        run(ServerPreset.VLLM, sse(chunk("{\"content\":\"x\"}", "stop", entry("x", -0.1, "x", -0.1)), "[DONE]"), new RecordingListener());
        RecordedRequest req = server.takeRequest();
        assertThat(req.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(req.getHeader("Accept")).isEqualTo("text/event-stream");
        JsonNode b = mapper.readTree(req.getBody().readUtf8());
        assertThat(b.get("stream").asBoolean()).isTrue();
        assertThat(b.get("stream_options").get("include_usage").asBoolean()).isTrue();
        assertThat(b.get("logprobs").asBoolean()).isTrue();
        assertThat(b.get("top_logprobs").asInt()).isEqualTo(20);
        assertThat(b.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(b.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(b.get("model").asText()).isEqualTo("test-model");
        assertThat(b.get("messages").get(1).get("content").asText()).isEqualTo("What is 2+2?");
        assertThat(b.has("provider")).isFalse();
        assertThat(req.getHeader("Authorization")).isNull();
    }

    @Test
    void llamaCppReasoningContentWithIdsAndFingerprintAsVersion() throws Exception {
        String c1 = "{\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"reasoning_content\":\"Okay\"},\"logprobs\":{\"content\":"
                + "[{\"id\":33413,\"token\":\"Okay\",\"bytes\":[79,107,97,121],\"logprob\":-0.02,\"top_logprobs\":[{\"id\":33413,\"token\":\"Okay\","
                + "\"bytes\":[79,107,97,121],\"logprob\":-0.02},{\"id\":71486,\"token\":\"Alright\",\"bytes\":[65],\"logprob\":-4.1}]}]}}],"
                + "\"created\":1760000000,\"id\":\"chatcmpl-abc\",\"model\":\"qwen3\",\"system_fingerprint\":\"b6123-abcdef\",\"object\":\"chat.completion.chunk\"}";
        String c2 = "{\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\"42\"},\"logprobs\":{\"content\":"
                + "[{\"id\":1,\"token\":\"42\",\"bytes\":[52,50],\"logprob\":-3.4028235e38,\"top_logprobs\":[{\"id\":1,\"token\":\"42\",\"bytes\":[52,50],\"logprob\":-0.5}]}]}}],"
                + "\"system_fingerprint\":\"b6123-abcdef\",\"object\":\"chat.completion.chunk\"}";
        String c3 = "{\"choices\":[{\"finish_reason\":\"length\",\"index\":0,\"delta\":{}}],\"object\":\"chat.completion.chunk\"}";
        RecordingListener rec = new RecordingListener();
        ChatResult r = run(ServerPreset.LLAMA_CPP, sse(c1, c2, c3, usage(10, 2, -1), "[DONE]"), rec);
        assertThat(rec.channels()).isEqualTo("RA");
        assertThat(rec.tokens.get(1).logprob()).isEqualTo(-3.4028235e38);
        assertThat(r.serverVersion()).isEqualTo("b6123-abcdef");
        assertThat(r.finishReason()).isEqualTo("length");
        assertThat(r.reasoningTokens()).isEqualTo(-1);
        assertThat(r.reasoningText()).isEqualTo("Okay");
    }

    @Test
    void llamaCppPostSamplingProbsAreConvertedToLogprobs() throws Exception {
        String c = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[{\"token\":\"a\",\"prob\":0.5,"
                + "\"top_probs\":[{\"token\":\"a\",\"prob\":0.5},{\"token\":\"b\",\"prob\":0.25}]}]},\"finish_reason\":\"stop\"}]}";
        RecordingListener rec = new RecordingListener();
        run(ServerPreset.LLAMA_CPP, sse(c, "[DONE]"), rec);
        assertThat(rec.tokens.get(0).logprob()).isCloseTo(Math.log(0.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rec.tokens.get(0).topLogprobs()[1]).isCloseTo(Math.log(0.25), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void ollamaV1SplitChunkCarriesLogprobsOnReasoningHalfOnly() throws Exception {
        String body = sse(
                chunk("{\"role\":\"assistant\",\"reasoning\":\"Hm\"}", null, entry("Hm", -0.3, "Hm", -0.3, "Ok", -1.5)),
                chunk("{\"content\":\"Yes\"}", null, (String[]) null),
                chunk("{\"content\":\".\"}", "stop", entry(".", -0.2, ".", -0.2, "!", -2.0)),
                "[DONE]");
        RecordingListener rec = new RecordingListener();
        ChatResult r = run(ServerPreset.OLLAMA, body, rec);
        assertThat(rec.texts()).as("no pseudo-token for the split half").isEqualTo("Hm.");
        assertThat(rec.channels()).isEqualTo("RA");
        assertThat(r.text()).isEqualTo("Yes.");
        assertThat(r.completionTokens()).as("no usage sent").isEqualTo(-1);
    }

    @Test
    void openAiUsesMaxCompletionTokensAndBearerKeyAndIgnoresObfuscation() throws Exception {
        String c1 = "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\","
                + "\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":{\"content\":"
                + "[{\"token\":\"Hello\",\"logprob\":-0.31725305,\"bytes\":[72,101,108,108,111],\"top_logprobs\":[{\"token\":\"Hello\","
                + "\"logprob\":-0.31725305,\"bytes\":[72,101,108,108,111]},{\"token\":\"Hi\",\"logprob\":-1.3190403,\"bytes\":[72,105]}]}],"
                + "\"refusal\":null},\"finish_reason\":null}],\"obfuscation\":\"p9K3xT6w\"}";
        String c2 = "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,"
                + "\"finish_reason\":\"stop\"}],\"obfuscation\":\"\"}";
        RecordingListener rec = new RecordingListener();
        ChatResult r = run(ServerPreset.OPENAI, sse(c1, c2, usage(9, 12, -1), "[DONE]"), rec);
        assertThat(rec.texts()).isEqualTo("Hello");
        assertThat(rec.tokens.get(0).topTokens()).containsExactly("Hello", "Hi");
        assertThat(r.text()).isEqualTo("Hello");
        RecordedRequest req = server.takeRequest();
        JsonNode b = mapper.readTree(req.getBody().readUtf8());
        assertThat(b.has("max_completion_tokens")).isTrue();
        assertThat(b.has("max_tokens")).isFalse();
        assertThat(req.getHeader("Authorization")).isEqualTo("Bearer sk-test-123456");
    }

    @Test
    void openRouterRequiresParametersAndSkipsKeepAliveComments() throws Exception {
        String body = ": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\n"
                + sse(chunk("{\"reasoning\":\"Let me\"}", null, entry("Let me", -0.4, "Let me", -0.4)),
                chunk("{\"content\":\"4\"}", "stop", entry("4", -0.1, "4", -0.1)), "[DONE]");
        RecordingListener rec = new RecordingListener();
        server.enqueue(sseResponse(body));
        EndpointSettings s = settings(ServerPreset.OPENROUTER, server, ApiKey.of("sk-or-v1-secret"))
                .withReasoningEffort("high");
        ChatResult r;
        try (ChatProvider client = ChatProviders.create(s)) {
            r = client.stream(request(20), rec, CancellationToken.none());
        }
        assertThat(rec.channels()).isEqualTo("RA");
        assertThat(r.text()).isEqualTo("4");
        JsonNode b = mapper.readTree(server.takeRequest().getBody().readUtf8());
        assertThat(b.get("provider").get("require_parameters").asBoolean()).isTrue();
        assertThat(b.get("reasoning").get("effort").asText()).isEqualTo("high");
        assertThat(b.has("reasoning_effort")).isFalse();
    }

    @Test
    void togetherLegacyParallelArraysAndIntegerLogprobsRequest() throws Exception {
        String c1 = "{\"id\":\"t1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi there\"},"
                + "\"logprobs\":{\"tokens\":[\"Hi\",\" there\"],\"token_logprobs\":[-0.1,-0.7],\"token_ids\":[5,6],"
                + "\"top_logprobs\":[{\"Hi\":-0.1,\"Hello\":-2.4},{\" there\":-0.7,\"!\":-1.1,\",\":-3.0}]},\"finish_reason\":null}]}";
        String c2 = "{\"id\":\"t1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"!\"},"
                + "\"logprobs\":-0.05,\"top_logprobs\":{\"!\":-0.05,\".\":-3.2},\"finish_reason\":\"stop\"}]}";
        RecordingListener rec = new RecordingListener();
        ChatResult r = run(ServerPreset.TOGETHER, sse(c1, c2, "[DONE]"), rec);
        assertThat(rec.texts()).isEqualTo("Hi there!");
        assertThat(rec.tokens.get(1).topTokens()).containsExactly(" there", "!", ",");
        assertThat(rec.tokens.get(1).logprob()).isEqualTo(-0.7);
        assertThat(rec.tokens.get(2).logprob()).isEqualTo(-0.05);
        assertThat(rec.tokens.get(2).topTokens()).containsExactly("!", ".");
        assertThat(r.tokensWithLogprobs()).isEqualTo(3);
        JsonNode b = mapper.readTree(server.takeRequest().getBody().readUtf8());
        assertThat(b.get("logprobs").isInt()).isTrue();
        assertThat(b.get("logprobs").asInt()).isEqualTo(20);
        assertThat(b.has("top_logprobs")).isFalse();
    }

    @Test
    void harmonyChannelsPassedThroughAsContentAreClassifiedByGrammar() throws Exception {
        String[] toks = {"<|channel|>", "analysis", "<|message|>", "Think", "ing", "<|end|>",
                "<|start|>", "assistant", "<|channel|>", "final", "<|message|>", "42", "<|return|>"};
        String[] chunks = new String[toks.length + 1];
        for (int i = 0; i < toks.length; i++) {
            chunks[i] = chunk("{\"content\":" + Fixtures.json(toks[i]) + "}", i == toks.length - 1 ? "stop" : null,
                    entry(toks[i], -0.1, toks[i], -0.1, "x", -3.0));
        }
        chunks[toks.length] = "[DONE]";
        RecordingListener rec = new RecordingListener();
        ChatResult r = run(ServerPreset.LLAMA_CPP, sse(chunks), rec);
        assertThat(rec.channels()).isEqualTo("CCCRRCCCCCCAC");
        assertThat(r.text()).isEqualTo("42");
        assertThat(r.reasoningText()).isEqualTo("Thinking");
    }

    @Test
    void thinkTagsInContentAreControlAndInsideIsReasoning() throws Exception {
        String body = sse(
                chunk("{\"content\":\"<think>\"}", null, entry("<think>", -0.01, "<think>", -0.01)),
                chunk("{\"content\":\"Hmm\"}", null, entry("Hmm", -0.9, "Hmm", -0.9, "Well", -1.0)),
                chunk("{\"content\":\"</think>\"}", null, entry("</think>", -0.02, "</think>", -0.02)),
                chunk("{\"content\":\"\\n\\nYes\"}", "stop", entry("\n\nYes", -0.3, "\n\nYes", -0.3)),
                "[DONE]");
        RecordingListener rec = new RecordingListener();
        ChatResult r = run(ServerPreset.CUSTOM, body, rec);
        assertThat(rec.channels()).isEqualTo("CRCA");
        assertThat(r.text()).isEqualTo("Yes");
        assertThat(r.reasoningText()).isEqualTo("Hmm");
    }

    @Test
    void nonStreamingAnswerIsParsedWhenServerIgnoresStream() throws Exception {
        String json = "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\",\"reasoning\":\"greet\"},\"logprobs\":{\"content\":["
                + entry("greet", -0.2, "greet", -0.2) + "," + entry("Hello", -0.31, "Hello", -0.31, "Hi", -1.3) + ","
                + entry("!", -0.01, "!", -0.01) + "]},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3}}";
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(json));
        RecordingListener rec = new RecordingListener();
        ChatResult r;
        try (ChatProvider client = ChatProviders.create(settings(ServerPreset.VLLM, server, null))) {
            r = client.stream(request(20), rec, CancellationToken.none());
        }
        assertThat(rec.texts()).isEqualTo("greetHello!");
        assertThat(r.text()).isEqualTo("Hello!");
        assertThat(r.reasoningText()).isEqualTo("greet");
        assertThat(r.completionTokens()).isEqualTo(3);
        assertThat(r.tokensWithLogprobs()).isEqualTo(3);
    }

    @Test
    void eventsSplitOverSeveralDataLinesAndCrLfLineEnds() throws Exception {
        String payload = chunk("{\"content\":\"ok\"}", "stop", entry("ok", -0.1, "ok", -0.1));
        int cut = payload.indexOf("\"choices\"");
        String body = "data: " + payload.substring(0, cut) + "\r\ndata: " + payload.substring(cut) + "\r\n\r\n"
                + "event: message\r\ndata: [DONE]\r\n\r\n";
        RecordingListener rec = new RecordingListener();
        ChatResult r = run(ServerPreset.VLLM, body, rec);
        assertThat(rec.texts()).isEqualTo("ok");
        assertThat(r.finishReason()).isEqualTo("stop");
    }
}
