package org.entropyworkbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.ChatRequest;
import org.entropyworkbench.core.provider.ChatResult;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.OpenAiCompatibleClient;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.provider.ServerPreset;
import org.junit.jupiter.api.Test;

/** The benchmark's loopback server speaks the OpenAI streaming format the real client understands, and its faults are real faults. */
class LoopbackSseServerTest {

    private static ChatRequest request() {
        return new ChatRequest("q", 1, List.of(ChatMessage.user("hi")), "bench-model", 0.7, 8192, 20, null, null);
    }

    private static OpenAiCompatibleClient client(String baseUrl) {
        return new OpenAiCompatibleClient(new EndpointSettings(ServerPreset.VLLM, baseUrl, "bench-model", null, 20, 0.7, 8192,
                null, 4, 0, Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @Test
    void cleanStreamDeliversEveryTokenWithTwentyAlternatives() throws Exception {
        try (LoopbackSseServer server = LoopbackSseServer.start(new LoopbackSseServer.Settings(50, 0, FaultPlan.NONE, 1L, "7"));
             OpenAiCompatibleClient client = client(server.baseUrl())) {
            assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
            List<Double> entropies = new ArrayList<>();
            List<Integer> topCounts = new ArrayList<>();
            double[] out = new double[1];
            ChatResult result = client.stream(request(), t -> {
                topCounts.add(t.topCount());
                double[] lp = new double[t.topCount()];
                String[] tok = new String[t.topCount()];
                for (int i = 0; i < lp.length; i++) {
                    lp[i] = t.topLogprob(i);
                    tok[i] = t.topToken(i);
                }
                TopKEntropy.forThisThread().compute(lp, tok, lp.length, new int[] {20}, out);
                entropies.add(out[0]);
            }, CancellationToken.none());

            assertThat(result.completionTokens()).isEqualTo(50);
            assertThat(result.tokensWithLogprobs()).isEqualTo(50);
            assertThat(result.text()).endsWith(server.answerText());
            assertThat(topCounts).hasSize(50).containsOnly(20);
            SseChunks chunks = new SseChunks(64, "7", 1L);
            int offset = (int) (1 % chunks.variants());
            assertThat(entropies.get(0)).isCloseTo(chunks.tokenEntropy(offset), within(1e-4));
            assertThat(server.stats().completedStreams()).isEqualTo(1);
            assertThat(server.stats().tokensSent()).isEqualTo(50);
        }
    }

    @Test
    void injectedFaultsReachTheClientAsTheRightErrors() throws Exception {
        try (LoopbackSseServer tooMany = LoopbackSseServer.start(new LoopbackSseServer.Settings(50, 0, new FaultPlan(1, 0, 0, 0), 1L, "7"));
             OpenAiCompatibleClient c1 = client(tooMany.baseUrl())) {
            assertThatThrownBy(() -> c1.stream(request(), t -> { }, CancellationToken.none()))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE);
                        assertThat(e.httpStatus()).isEqualTo(429);
                    });
        }
        try (LoopbackSseServer reset = LoopbackSseServer.start(new LoopbackSseServer.Settings(60, 0, new FaultPlan(0, 0, 1, 0), 1L, "7"));
             OpenAiCompatibleClient c2 = client(reset.baseUrl())) {
            assertThatThrownBy(() -> c2.stream(request(), t -> { }, CancellationToken.none()))
                    .isInstanceOfSatisfying(ProviderException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.STREAM_BROKEN));
            assertThat(reset.stats().faults(FaultPlan.Fault.RESET_MID_STREAM)).isEqualTo(1);
        }
    }

    @Test
    void pacedStreamIsNotFasterThanItsRate() throws Exception {
        try (LoopbackSseServer server = LoopbackSseServer.start(new LoopbackSseServer.Settings(40, 200, FaultPlan.NONE, 1L, "7"));
             OpenAiCompatibleClient client = client(server.baseUrl())) {
            long t0 = System.nanoTime();
            client.stream(request(), t -> { }, CancellationToken.none());
            assertThat((System.nanoTime() - t0) / 1e6).as("40 tokens at 200/s take at least 39 token intervals").isGreaterThanOrEqualTo(190);
        }
    }
}
