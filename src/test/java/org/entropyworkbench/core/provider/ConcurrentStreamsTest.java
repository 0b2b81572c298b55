package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entropyworkbench.core.provider.Fixtures.chunk;
import static org.entropyworkbench.core.provider.Fixtures.entry;
import static org.entropyworkbench.core.provider.Fixtures.sse;
import static org.entropyworkbench.core.provider.Fixtures.sseResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** 64 streams must be in flight at once through one client (the benchmark's shape). */
class ConcurrentStreamsTest {
    private static final int STREAMS = 64;

    @Test
    void sixtyFourStreamsAreOpenAtTheSameTime() throws Exception {
        CountDownLatch allArrived = new CountDownLatch(STREAMS);
        AtomicInteger timedOut = new AtomicInteger();
        String body = sse(chunk("{\"content\":\"a\"}", null, entry("a", -0.1, "a", -0.1, "b", -2.0)),
                chunk("{\"content\":\"b\"}", "stop", entry("b", -0.2, "b", -0.2)), "[DONE]");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                    allArrived.countDown();
                    if (!allArrived.await(20, TimeUnit.SECONDS)) {
                        timedOut.incrementAndGet();
                    }
                    return sseResponse(body);
                }
            });
            server.start();
            EndpointSettings s = Fixtures.settings(ServerPreset.VLLM, server, null).withConcurrency(STREAMS, 0);
            ChatProvider client = ChatProviders.create(s);
            AtomicInteger tokens = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                Thread t = new Thread(() -> {
                    try {
                        ChatResult r = client.stream(Fixtures.request(20), tok -> tokens.incrementAndGet(), CancellationToken.none());
                        if (r.tokensWithLogprobs() == 2) {
                            ok.incrementAndGet();
                        }
                    } catch (ProviderException e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join(60_000);
            }
            assertThat(timedOut.get()).as("every request reached the server before any answered").isZero();
            assertThat(ok.get()).isEqualTo(STREAMS);
            assertThat(tokens.get()).isEqualTo(2 * STREAMS);
        }
    }
}
