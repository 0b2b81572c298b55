package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EndpointSettingsTest {

    @Test
    void defaultsFollowTheMethodAndPreset() {
        EndpointSettings s = EndpointSettings.defaults(ServerPreset.VLLM, "Qwen/Qwen3-8B");
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(s.topK()).isEqualTo(20);
        assertThat(s.temperature()).isEqualTo(0.7);
        assertThat(s.maxTokens()).isEqualTo(8192);
        assertThat(s.describe()).isEqualTo("vllm http://localhost:8000/v1");
        assertThat(s.serverRoot()).isEqualTo("http://localhost:8000");
        assertThat(s.withBaseUrl("http://gpu:9000/v1/").baseUrl()).isEqualTo("http://gpu:9000/v1");
        assertThat(ServerPreset.OPENROUTER.keyEnvVar()).isEqualTo("OPENROUTER_API_KEY");
        assertThat(ServerPreset.OPENAI.keyRequired()).isTrue();
        assertThat(ServerPreset.OLLAMA.maxTopLogprobs()).isEqualTo(20);
        assertThat(ServerPreset.LLAMA_CPP.maxTopLogprobs()).isEqualTo(-1);
    }

    @Test
    void badValuesAreRejectedNamingTheField() {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> EndpointSettings.defaults(ServerPreset.VLLM, "m").withBaseUrl("gpu1:8000"));
        assertThat(e.getMessage()).contains("base URL").contains("gpu1:8000");
        e = catchThrowableOfType(IllegalArgumentException.class,
                () -> EndpointSettings.defaults(ServerPreset.VLLM, "m").withConcurrency(0, 0));
        assertThat(e.getMessage()).contains("concurrency");
    }

    @Test
    void throttleNeverRunsMoreCallsThanTheConcurrencyLimit() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        CountDownLatch allStarted = new CountDownLatch(6);
        ChatProvider slow = new ChatProvider() {
            @Override
            public ChatResult stream(ChatRequest r, TokenListener l, CancellationToken c) {
                int now = inFlight.incrementAndGet();
                maxSeen.accumulateAndGet(now, Math::max);
                Thread.yield();
                inFlight.decrementAndGet();
                return new ChatResult("", null, -1, -1, -1, "stop", 0, null);
            }

            @Override
            public String describe() {
                return "fake";
            }
        };
        ThrottledProvider throttled = new ThrottledProvider(slow, 2, 0);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread t = new Thread(() -> {
                allStarted.countDown();
                for (int j = 0; j < 200; j++) {
                    try {
                        throttled.stream(Fixtures.request(1), TokenListener.IGNORE, CancellationToken.none());
                    } catch (ProviderException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(maxSeen.get()).isBetween(1, 2);
    }
}
