package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.entropyworkbench.core.provider.Fixtures.chunk;
import static org.entropyworkbench.core.provider.Fixtures.entry;
import static org.entropyworkbench.core.provider.Fixtures.request;
import static org.entropyworkbench.core.provider.Fixtures.settings;
import static org.entropyworkbench.core.provider.Fixtures.sse;
import static org.entropyworkbench.core.provider.Fixtures.sseResponse;
import static org.entropyworkbench.core.provider.Fixtures.usage;

import java.io.IOException;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a real llama.cpp server does that a client must handle (issue 9, items 1, 2, 3, 7 and 8), in
 * the shapes llama.cpp sends them: the unstreamed end-of-sequence token in usage, the model name of
 * the chunks, the context-overflow refusal, the slot count in /props or /slots; and the native Ollama
 * preset's 404 hint.
 */
class LlamaCppQuirksTest {

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

    /** Two streamed tokens, then the finish reason, then usage with {@code completion} tokens. */
    private static String twoTokens(String finish, int completion) {
        return sse(chunk("{\"content\":\"4\"}", null, entry("4", -0.1, "4", -0.1, "5", -2.4)),
                chunk("{\"content\":\" \"}", null, entry(" ", -0.3, " ", -0.3, "7", -1.4)),
                chunk("{}", finish, (String[]) null), usage(20, completion, -1), "[DONE]");
    }

    private ChatResult stream(ServerPreset preset, String body) throws ProviderException {
        server.enqueue(sseResponse(body));
        return ChatProviders.create(settings(preset, server, null)).stream(request(2), new RecordingListener(),
                CancellationToken.none());
    }

    @Test
    void llamaCppsUnstreamedEndOfSequenceTokenIsNotCountedOnStopSteps() throws Exception {
        assertThat(stream(ServerPreset.LLAMA_CPP, twoTokens("stop", 3)).completionTokens())
                .as("usage 3 = 2 streamed + the end-of-sequence token never streamed").isEqualTo(2);
        assertThat(stream(ServerPreset.LLAMA_CPP, twoTokens("length", 2)).completionTokens()).isEqualTo(2);
        assertThat(stream(ServerPreset.LLAMA_CPP, twoTokens("stop", 5)).completionTokens())
                .as("a real mismatch stays visible").isEqualTo(5);
        assertThat(stream(ServerPreset.VLLM, twoTokens("stop", 3)).completionTokens())
                .as("other servers' usage is taken as it is").isEqualTo(3);
    }

    @Test
    void theModelNameTheChunksCarryIsTheServedModel() throws Exception {
        assertThat(stream(ServerPreset.LLAMA_CPP, twoTokens("stop", 3)).servedModel()).isEqualTo("m");
    }

    @Test
    void aDatedSnapshotOfTheRequestedNameIsTheSameModelAnotherNameIsNot() {
        assertThat(org.entropyworkbench.core.run.StepRecord.servedModelDiffers("gpt-4o", "gpt-4o-2024-08-06")).isFalse();
        assertThat(org.entropyworkbench.core.run.StepRecord.servedModelDiffers("no-such-model", "tiny-llama")).isTrue();
        assertThat(org.entropyworkbench.core.run.StepRecord.servedModelDiffers("tiny-llama", null)).isFalse();
    }

    @Test
    void llamaCppsContextOverflowRefusalIsTooLongForTheQuestionNotFatalForTheRun() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"code\":400,\"message\":\"request"
                + " (2091 tokens) exceeds the available context size (2048 tokens), try increasing it\",\"type\":"
                + "\"exceed_context_size_error\",\"n_prompt_tokens\":2091,\"n_ctx\":2048}}"));
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> ChatProviders.create(
                settings(ServerPreset.LLAMA_CPP, server, null)).stream(request(2), new RecordingListener(),
                CancellationToken.none()));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.TOO_LONG);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains("too long for the model's context", "2091 tokens", "2048 tokens");
    }

    @Test
    void theNativeOllamaPresetsNotFoundHintSpeaksOfTheServerRootNotOfV1() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":\"model 'test-model' not found\"}"));
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> ChatProviders.create(
                settings(ServerPreset.OLLAMA_NATIVE, server, null)).stream(request(2), new RecordingListener(),
                CancellationToken.none()));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FATAL);
        assertThat(e.getMessage()).contains("server root", "without /v1", "ollama pull test-model")
                .doesNotContain("usually ends in /v1");
    }

    @Test
    void theProbeReadsTheSlotCountFromPropsOrElseFromSlots() {
        server.setDispatcher(llamaCpp("{\"build_info\":\"b0-unknown\",\"total_slots\":4}", null));
        ProbeReport report = new CapabilityProbe(settings(ServerPreset.LLAMA_CPP, server, null)).run(CancellationToken.none());
        assertThat(report.serverSlots()).isEqualTo(4);
        assertThat(report.proposedConcurrency(2)).isEqualTo(4);
        assertThat(report.verdict()).contains("The server has 4 parallel slots", "concurrency of 4");

        server.setDispatcher(llamaCpp("{\"build_info\":\"b0-unknown\"}", "[{\"id\":0},{\"id\":1},{\"id\":2}]"));
        assertThat(new CapabilityProbe(settings(ServerPreset.CUSTOM, server, null)).run(CancellationToken.none())
                .serverSlots()).isEqualTo(3);

        server.setDispatcher(llamaCpp(null, null));
        ProbeReport none = new CapabilityProbe(settings(ServerPreset.LLAMA_CPP, server, null)).run(CancellationToken.none());
        assertThat(none.serverSlots()).isEqualTo(-1);
        assertThat(none.proposedConcurrency(2)).isEqualTo(2);
        assertThat(none.verdict()).doesNotContain("slot");
    }

    /** A llama.cpp-like server: {@code /props} and {@code /slots} bodies (null = 404) and a streaming chat. */
    private static Dispatcher llamaCpp(String props, String slots) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getPath();
                if (path.equals("/props")) {
                    return props == null ? new MockResponse().setResponseCode(404) : new MockResponse().setBody(props);
                }
                if (path.equals("/slots")) {
                    return slots == null ? new MockResponse().setResponseCode(404) : new MockResponse().setBody(slots);
                }
                return sseResponse(twoTokens("stop", 3));
            }
        };
    }
}
