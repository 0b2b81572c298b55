package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entropyworkbench.core.provider.Fixtures.chunk;
import static org.entropyworkbench.core.provider.Fixtures.entry;
import static org.entropyworkbench.core.provider.Fixtures.settings;
import static org.entropyworkbench.core.provider.Fixtures.sse;
import static org.entropyworkbench.core.provider.Fixtures.sseResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CapabilityProbeTest {
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

    private static String reasoningStream() {
        return sse(chunk("{\"reasoning\":\"Add\"}", null, entry("Add", -0.2, "Add", -0.2, "Sum", -1.9)),
                chunk("{\"reasoning\":\" them\"}", "length", entry(" them", -0.4, " them", -0.4, " up", -1.1)), "[DONE]");
    }

    @Test
    void vllmAboveItsMaxLogprobsIsRetriedWithTheNamedLimit() throws Exception {
        server.setDispatcher(new Dispatcher() {
            private int posts;

            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (r.getPath().equals("/version")) {
                    return new MockResponse().setBody("{\"version\":\"0.11.2\"}");
                }
                if (posts++ == 0) {
                    return new MockResponse().setResponseCode(400).setBody("{\"object\":\"error\",\"message\":\"Requested sample"
                            + " logprobs of 20, which is greater than max allowed: 10 (parameter=logprobs, value=20)\",\"code\":400}");
                }
                return sseResponse(reasoningStream());
            }
        });
        ProbeReport report = new CapabilityProbe(settings(ServerPreset.VLLM, server, null)).run(CancellationToken.none());

        assertThat(report.reachable()).isTrue();
        assertThat(report.logprobsReturned()).isTrue();
        assertThat(report.maxTopK()).isEqualTo(10);
        assertThat(report.reasoningCovered()).isTrue();
        assertThat(report.serverVersion()).isEqualTo("0.11.2");
        assertThat(report.verdict()).contains("caps top_logprobs at 10").contains("reasoning");
        ObjectMapper m = new ObjectMapper();
        RecordedRequest[] posts = new RecordedRequest[2];
        int found = 0;
        for (int i = 0; i < 3 && found < 2; i++) {
            RecordedRequest r = server.takeRequest();
            if ("POST".equals(r.getMethod())) {
                posts[found++] = r;
            }
        }
        assertThat(m.readTree(posts[0].getBody().readUtf8()).get("top_logprobs").asInt()).isEqualTo(20);
        assertThat(m.readTree(posts[1].getBody().readUtf8()).get("top_logprobs").asInt()).isEqualTo(10);
    }

    @Test
    void serverWithoutLogprobsIsReportedAsSuch() {
        server.enqueue(sseResponse(sse(chunk("{\"content\":\"42\"}", "stop", (String[]) null), "[DONE]")));
        ProbeReport report = new CapabilityProbe(settings(ServerPreset.CUSTOM, server, null)).run(CancellationToken.none());
        assertThat(report.reachable()).isTrue();
        assertThat(report.logprobsReturned()).isFalse();
        assertThat(report.maxTopK()).isZero();
        assertThat(report.verdict()).contains("no logprobs");
    }

    @Test
    void answerOnlyLogprobsAreNotReasoningCoverage() {
        server.enqueue(sseResponse(sse(chunk("{\"reasoning\":\"hidden\"}", null, (String[]) null),
                chunk("{\"content\":\"42\"}", "stop", entry("42", -0.1, "42", -0.1)), "[DONE]")));
        ProbeReport report = new CapabilityProbe(settings(ServerPreset.OPENROUTER, server, ApiKey.of("k-123")))
                .run(CancellationToken.none());
        assertThat(report.logprobsReturned()).isTrue();
        assertThat(report.reasoningCovered()).isFalse();
        assertThat(report.verdict()).contains("not for the reasoning");
    }

    @Test
    void unreachableServer() throws IOException {
        EndpointSettings s = settings(ServerPreset.LLAMA_CPP, server, null);
        server.shutdown();
        ProbeReport report = new CapabilityProbe(s).run(CancellationToken.none());
        assertThat(report.reachable()).isFalse();
        assertThat(report.verdict()).startsWith("Cannot reach");
    }

    @Test
    void openAiReasoningRefusal() {
        server.enqueue(new MockResponse().setResponseCode(403).setBody(
                "{\"error\":{\"message\":\"You are not allowed to request logprobs from this model\"}}"));
        ProbeReport report = new CapabilityProbe(settings(ServerPreset.OPENAI, server, ApiKey.of("sk-x1"))).run(CancellationToken.none());
        assertThat(report.reachable()).isTrue();
        assertThat(report.logprobsReturned()).isFalse();
        assertThat(report.verdict()).contains("reasoning models");
    }

    @Test
    void versionFieldsOfEachServer() {
        assertThat(CapabilityProbe.versionField("{\"version\":\"0.12.11\"}")).isEqualTo("0.12.11");
        assertThat(CapabilityProbe.versionField("{\"default_generation_settings\":{\"n_ctx\":4096},\"build_info\":\"b6123-abc\"}"))
                .isEqualTo("b6123-abc");
        assertThat(CapabilityProbe.versionField("not json")).isNull();
    }
}
