package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.entropyworkbench.core.provider.Fixtures.chunk;
import static org.entropyworkbench.core.provider.Fixtures.entry;
import static org.entropyworkbench.core.provider.Fixtures.request;
import static org.entropyworkbench.core.provider.Fixtures.settings;
import static org.entropyworkbench.core.provider.Fixtures.sse;
import static org.entropyworkbench.core.provider.Fixtures.sseResponse;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection: HTTP errors, broken and malformed streams, odd values, slow servers, cancel, key hygiene. */
class OpenAiCompatibleClientFaultTest {
    private static final String KEY = "sk-proj-VERYSECRET-0123456789";
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

    private ProviderException fail(ServerPreset preset, MockResponse response) {
        server.enqueue(response);
        ChatProvider client = ChatProviders.create(settings(preset, server, ApiKey.of(KEY)));
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client.stream(request(20), new RecordingListener(), CancellationToken.none()));
        assertThat(e).as("a ProviderException").isNotNull();
        assertThat(e.getMessage()).doesNotContain(KEY);
        return e;
    }

    private static String twoTokensThen() {
        return "data: " + chunk("{\"content\":\"Hello\"}", null, entry("Hello", -0.1, "Hello", -0.1)) + "\n\n"
                + "data: " + chunk("{\"content\":\" wor\"}", null, entry(" wor", -0.2, " wor", -0.2)) + "\n\n";
    }

    @Test
    void rateLimitIsRetryableWithRetryAfterSeconds() {
        ProviderException e = fail(ServerPreset.OPENAI, new MockResponse().setResponseCode(429)
                .setHeader("Retry-After", "7").setBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfterMillis()).isEqualTo(7000);
        assertThat(e.getMessage()).contains("Rate limit reached");
    }

    @Test
    void retryAfterAsHttpDateIsConverted() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        ProviderException e = fail(ServerPreset.OPENROUTER, new MockResponse().setResponseCode(503)
                .setHeader("Retry-After", date).setBody("{\"error\":{\"message\":\"No endpoints found\",\"code\":503}}"));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE);
        assertThat(e.retryAfterMillis()).isBetween(20_000L, 31_000L);
    }

    @Test
    void serverErrorIsRetryableWithoutDelay() {
        ProviderException e = fail(ServerPreset.VLLM, new MockResponse().setResponseCode(500).setBody("Internal Server Error"));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE);
        assertThat(e.retryAfterMillis()).isEqualTo(-1);
        assertThat(e.getMessage()).contains("500").contains("Internal Server Error");
    }

    @Test
    void unauthorisedIsFatalAndNamesTheEnvVarButNotTheKey() {
        ProviderException e = fail(ServerPreset.OPENAI, new MockResponse().setResponseCode(401)
                .setBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FATAL);
        assertThat(e.getMessage()).contains("OPENAI_API_KEY").contains("Incorrect API key provided: ***");
    }

    @Test
    void notFoundIsFatalAndMentionsBaseUrlAndModel() {
        ProviderException e = fail(ServerPreset.OLLAMA, new MockResponse().setResponseCode(404)
                .setBody("{\"error\":\"model 'test-model' not found\"}"));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FATAL);
        assertThat(e.getMessage()).contains("base URL").contains("test-model");
    }

    @Test
    void topLogprobsLimitIsFatalWithTheLimitParsed() {
        ProviderException e = fail(ServerPreset.VLLM, new MockResponse().setResponseCode(400).setBody(
                "{\"object\":\"error\",\"message\":\"Requested sample logprobs of 20, which is greater than max allowed: 5"
                        + " (parameter=logprobs, value=20)\",\"type\":\"BadRequestError\",\"code\":400}"));
        assertThat(e).isInstanceOf(TopLogprobsLimitException.class);
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FATAL);
        assertThat(((TopLogprobsLimitException) e).maxTopLogprobs()).isEqualTo(5);
        assertThat(e.getMessage()).contains("max top_logprobs = 5");
    }

    @Test
    void openAiReasoningModelRefusalIsNoLogprobs() {
        ProviderException e = fail(ServerPreset.OPENAI, new MockResponse().setResponseCode(403).setBody(
                "{\"error\":{\"message\":\"You are not allowed to request logprobs from this model\",\"type\":\"invalid_request_error\"}}"));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.NO_LOGPROBS);
        assertThat(e.getMessage()).contains("reasoning models").contains("reasoning_effort 'none'");
        ProviderException e2 = fail(ServerPreset.OPENAI, new MockResponse().setResponseCode(400).setBody(
                "{\"error\":{\"message\":\"Unsupported parameter: 'logprobs' is not supported with this model.\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"logprobs\",\"code\":\"unsupported_parameter\"}}"));
        assertThat(e2.kind()).isEqualTo(ProviderException.Kind.NO_LOGPROBS);
    }

    @Test
    void connectionResetMidStreamAfterTextIsStreamBroken() {
        String body = twoTokensThen() + "data: " + chunk("{\"content\":\"ld and more text to cut\"}", null,
                entry("ld", -0.3, "ld", -0.3)) + "\n\n";
        ProviderException e = fail(ServerPreset.VLLM, sseResponse(body).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.STREAM_BROKEN);
    }

    @Test
    void connectionRefusedIsRetryable() throws IOException {
        EndpointSettings s = settings(ServerPreset.VLLM, server, null);
        server.shutdown();
        ChatProvider client = ChatProviders.create(s);
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client.stream(request(20), new RecordingListener(), CancellationToken.none()));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE);
        assertThat(e.httpStatus()).isEqualTo(-1);
    }

    @Test
    void streamEndingWithoutDoneOrFinishIsTruncatedNotFinished() {
        ProviderException e = fail(ServerPreset.VLLM, sseResponse(twoTokensThen()));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.STREAM_BROKEN);
        assertThat(e.getMessage()).contains("without a finish reason");
    }

    @Test
    void malformedChunkAfterTextIsStreamBrokenAndNamesTheEvent() {
        ProviderException e = fail(ServerPreset.VLLM, sseResponse(twoTokensThen() + "data: {\"choices\":[{\"delta\":{\"content\n\n"));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.STREAM_BROKEN);
        assertThat(e.getMessage()).contains("malformed JSON in stream event 3");
        ProviderException first = fail(ServerPreset.VLLM, sseResponse("data: not json\n\n"));
        assertThat(first.kind()).isEqualTo(ProviderException.Kind.RETRYABLE);
    }

    @Test
    void errorObjectMidStreamAfterTextIsStreamBroken() {
        ProviderException e = fail(ServerPreset.OPENROUTER, sseResponse(twoTokensThen()
                + "data: {\"error\":{\"message\":\"Provider disconnected\",\"code\":502}}\n\ndata: [DONE]\n\n"));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.STREAM_BROKEN);
        assertThat(e.getMessage()).contains("Provider disconnected");
    }

    @Test
    void errorObjectBeforeTextIsClassifiedByCode() {
        ProviderException busy = fail(ServerPreset.VLLM, sseResponse(
                "data: {\"object\":\"error\",\"message\":\"engine overloaded\",\"type\":\"ServiceUnavailable\",\"code\":503}\n\n"));
        assertThat(busy.kind()).isEqualTo(ProviderException.Kind.RETRYABLE);
        assertThat(busy.getMessage()).contains("engine overloaded");
        ProviderException ctx = fail(ServerPreset.LLAMA_CPP, sseResponse(
                "error: {\"code\":400,\"message\":\"the request exceeds the available context size\",\"type\":\"exceed_context_size_error\"}\n\n"));
        assertThat(ctx.kind()).as("too long for the context: the question's failure, not the server's")
                .isEqualTo(ProviderException.Kind.TOO_LONG);
        assertThat(ctx.getMessage()).contains("exceeds the available context size");
    }

    @Test
    void serverIgnoringLogprobsGivesZeroTokensWithLogprobsButKeepsText() throws Exception {
        server.enqueue(sseResponse(sse(chunk("{\"content\":\"Hi\"}", null, (String[]) null),
                chunk("{\"content\":\" you\"}", "stop", (String[]) null), "[DONE]")));
        RecordingListener rec = new RecordingListener();
        ChatResult r = ChatProviders.create(settings(ServerPreset.OPENROUTER, server, ApiKey.of(KEY)))
                .stream(request(20), rec, CancellationToken.none());
        assertThat(r.tokensWithLogprobs()).isZero();
        assertThat(r.text()).isEqualTo("Hi you");
        assertThat(rec.tokens).allMatch(t -> Double.isNaN(t.logprob()) && t.topCount() == 0);
    }

    @Test
    void fewerThanKAlternativesSentinelsAndNaNPassThroughToEntropy() throws Exception {
        String body = sse(
                chunk("{\"content\":\"a\"}", null, entry("a", -0.693147, "a", -0.693147, "b", -0.693147)),
                chunk("{\"content\":\"b\"}", null, entry("b", -9999.0, "b", -9999.0, "c", Double.NaN, "d", -100.0)),
                chunk("{\"content\":\"c\"}", "stop", entry("c", Double.NEGATIVE_INFINITY, "c", Double.NEGATIVE_INFINITY)),
                "[DONE]");
        server.enqueue(sseResponse(body));
        StepEntropyAccumulator acc = new StepEntropyAccumulator();
        RecordingListener rec = new RecordingListener();
        ChatProviders.create(settings(ServerPreset.VLLM, server, null)).stream(request(20), t -> {
            rec.onToken(t);
            acc.onToken(t);
        }, CancellationToken.none());
        assertThat(rec.tokens.get(0).topCount()).isEqualTo(2);
        assertThat(rec.tokens.get(1).topLogprobs()[1]).isNaN();
        assertThat(rec.tokens.get(2).logprob()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(acc.lastEntropy()).isNaN();
        assertThat(acc.entropyByK().get(20)[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(acc.missingLogprobs()).isEqualTo(1);
    }

    @Test
    void slowServerHitsTheReadTimeoutAsRetryable() {
        server.enqueue(sseResponse(sse("[DONE]")).setHeadersDelay(3, TimeUnit.SECONDS));
        EndpointSettings s = settings(ServerPreset.VLLM, server, null).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> ChatProviders.create(s)
                .stream(request(20), new RecordingListener(), CancellationToken.none()));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE);
        assertThat(e.getMessage()).containsIgnoringCase("timeout");
    }

    @Test
    void cancelClosesAStreamBlockedOnASilentServer() throws Exception {
        String first = "data: " + chunk("{\"content\":\"Hello\"}", null, entry("Hello", -0.1, "Hello", -0.1)) + "\n\n";
        try (StallingServer stalling = new StallingServer(first)) {
            EndpointSettings s = EndpointSettings.defaults(ServerPreset.VLLM, "m").withBaseUrl(stalling.baseUrl())
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));
            CancellationToken cancel = new CancellationToken();
            CountDownLatch firstToken = new CountDownLatch(1);
            AtomicReference<ProviderException> thrown = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    ChatProviders.create(s).stream(request(20), tok -> firstToken.countDown(), cancel);
                } catch (ProviderException e) {
                    thrown.set(e);
                }
            });
            t.start();
            assertThat(firstToken.await(10, TimeUnit.SECONDS)).isTrue();
            cancel.cancel();
            t.join(10_000);
            assertThat(t.isAlive()).as("stream returned after cancel, long before the 60 s read timeout").isFalse();
            assertThat(thrown.get()).isNotNull();
            assertThat(thrown.get().kind()).isEqualTo(ProviderException.Kind.CANCELLED);
        }
    }

    @Test
    void keyIsSentInAuthorizationHeaderButNeverShownInToStringOrDescribe() throws Exception {
        server.enqueue(sseResponse(sse(chunk("{\"content\":\"x\"}", "stop", entry("x", -0.1)), "[DONE]")));
        EndpointSettings s = settings(ServerPreset.TOGETHER, server, ApiKey.of(KEY));
        ChatProvider client = ChatProviders.create(s);
        client.stream(request(20), new RecordingListener(), CancellationToken.none());
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(s.toString()).doesNotContain(KEY).contains("ApiKey[***]");
        assertThat(s.apiKey().toString()).isEqualTo("ApiKey[***]");
        assertThat(client.describe()).doesNotContain(KEY);
        assertThat(client.toString()).doesNotContain(KEY);
        assertThat(new OpenAiCompatibleClient(s).toString()).doesNotContain(KEY);
    }

    @Test
    void hostedPresetWithoutKeyIsRejectedNamingTheVariable() {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> ChatProviders.create(EndpointSettings.defaults(ServerPreset.OPENROUTER, "m")));
        assertThat(e.getMessage()).contains("OPENROUTER_API_KEY");
    }
}
