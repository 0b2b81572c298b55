package org.entropyworkbench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.bench.FaultPlan;
import org.junit.jupiter.api.Test;

/**
 * Observe mode batches its writes to the client per burst of upstream bytes (docs/performance.md), so
 * it must still pass a paced stream on event by event: with the upstream at 20 tokens/s, the client
 * sees the first token long before the stream ends and the tokens spread over the stream's duration,
 * not in one lump at the end; and every event arrives.
 */
class ServeObservePacingTest {

    @Test
    void aPacedUpstreamReachesTheClientTokenByToken() throws Exception {
        double tokensPerSecond = 20;
        try (ServeFixture f = ServeFixture.upstream(FaultPlan.NONE, tokensPerSecond)
                .start(ServeFixture.Options.gate(1).mode(ServeMode.OBSERVE))) {
            String body = "{\"model\":\"" + ServeFixture.MODEL + "\",\"stream\":true,\"logprobs\":true,\"top_logprobs\":20,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"What is 6 times 7?\"}]}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(f.proxy.baseUrl() + "/chat/completions"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpClient client = HttpClient.newHttpClient();
            assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("a first request loads the classes (seconds on a busy machine), so the timed one is the second")
                    .isEqualTo(200);
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            List<Long> tokenMillis = new ArrayList<>();
            boolean done = false;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("data: [DONE]")) {
                        done = true;
                    } else if (line.startsWith("data: ") && line.contains("\"top_logprobs\"")) {
                        tokenMillis.add((System.nanoTime() - t0) / 1_000_000);
                    }
                }
            }
            long streamMillis = (long) ((ServeFixture.TOKENS - 1) * 1000 / tokensPerSecond);
            assertThat(done).isTrue();
            assertThat(tokenMillis).hasSize(ServeFixture.TOKENS);
            assertThat(tokenMillis.get(0)).as("first token long before the stream's end (%d ms): %s", streamMillis, tokenMillis)
                    .isLessThan(streamMillis / 2);
            assertThat(tokenMillis.get(tokenMillis.size() - 1) - tokenMillis.get(0))
                    .as("tokens spread over the stream, not held back to its end: %s", tokenMillis)
                    .isGreaterThan(streamMillis * 3 / 4);
        }
    }
}
