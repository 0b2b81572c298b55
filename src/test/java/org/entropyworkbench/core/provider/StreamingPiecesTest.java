package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.Channel;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import okhttp3.Headers;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** SSE edge cases (apis.md 8.2), channel tracking, error parsing helpers. */
class StreamingPiecesTest {

    private static String nextData(SseEventReader r) throws IOException {
        SseEventReader.Kind k = r.next();
        if (k == SseEventReader.Kind.END) {
            return null;
        }
        return (k == SseEventReader.Kind.ERROR ? "ERROR:" : "") + new String(r.data(), 0, r.dataLength(), StandardCharsets.UTF_8);
    }

    @Test
    void sseAcceptsAllLineEndsJoinsDataLinesAndSkipsCommentsAndUnknownFields() throws IOException {
        String body = ": keep-alive\r\rdata: a\rdata:b\r\r"
                + "id: 7\r\nretry: 10\r\ndata:  c\r\n\r\n"
                + "event: error\ndata: {\"error\":\"x\"}\n\n"
                + "error: {\"code\":500}\n\n"
                + "data: é\n\n"
                + "data: [DONE]";
        SseEventReader r = new SseEventReader(new Buffer().writeUtf8(body));
        assertThat(nextData(r)).isEqualTo("a\nb");
        assertThat(nextData(r)).isEqualTo(" c");
        assertThat(nextData(r)).isEqualTo("ERROR:{\"error\":\"x\"}");
        assertThat(nextData(r)).isEqualTo("ERROR:{\"code\":500}");
        assertThat(nextData(r)).isEqualTo("é");
        assertThat(nextData(r)).isEqualTo("[DONE]");
        assertThat(r.isDone()).isTrue();
        assertThat(r.endedWithFragment()).isTrue();
        assertThat(r.next()).isEqualTo(SseEventReader.Kind.END);
    }

    @Test
    void channelTrackerFollowsThinkTagsHarmonyAndDeltaFields() {
        ChannelTracker vllm = new ChannelTracker(Channel.CONTROL);
        assertThat(vllm.classify("Okay", Channel.REASONING)).isEqualTo(Channel.REASONING);
        assertThat(vllm.classify("", null)).isEqualTo(Channel.CONTROL);
        assertThat(vllm.classify("Yes", Channel.ANSWER)).isEqualTo(Channel.ANSWER);

        ChannelTracker ollama = new ChannelTracker(null);
        assertThat(ollama.classify("a", Channel.REASONING)).isEqualTo(Channel.REASONING);
        assertThat(ollama.classify("b", null)).isEqualTo(Channel.REASONING);
        assertThat(ollama.classify("</think>", null)).isEqualTo(Channel.CONTROL);
        assertThat(ollama.classify("c", Channel.ANSWER)).isEqualTo(Channel.ANSWER);
        assertThat(ollama.classify("d", null)).isEqualTo(Channel.ANSWER);

        ChannelTracker harmony = new ChannelTracker(Channel.CONTROL);
        StringBuilder got = new StringBuilder();
        for (String t : new String[] {"<|start|>", "assistant", "<|channel|>", "analysis", "<|message|>", "x", "<|end|>",
                "<|start|>", "assistant", "<|channel|>", "final", " <|constrain|>", "json", "<|message|>", "y", "<|return|>"}) {
            got.append(harmony.classify(t, Channel.ANSWER).code());
        }
        assertThat(got.toString()).isEqualTo("CCCCCRCCCCCCCCAC");
    }

    @Test
    void retryAfterForms() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(HttpErrors.retryAfterMillis(Headers.of("retry-after-ms", "1500", "retry-after", "9"), now)).isEqualTo(1500);
        assertThat(HttpErrors.retryAfterMillis(Headers.of("Retry-After", "2.5"), now)).isEqualTo(2500);
        assertThat(HttpErrors.retryAfterMillis(Headers.of("Retry-After", "Thu, 01 Jan 2026 00:01:00 GMT"), now)).isEqualTo(60_000);
        assertThat(HttpErrors.retryAfterMillis(Headers.of("Retry-After", "soon"), now)).isEqualTo(-1);
        assertThat(HttpErrors.retryAfterMillis(Headers.of(), now)).isEqualTo(-1);
    }

    @Test
    void topLogprobsLimitIsReadFromEachServersWording() {
        assertThat(HttpErrors.parseTopLogprobsLimit("Requested sample logprobs of 21, which is greater than max allowed: 20")).isEqualTo(20);
        assertThat(HttpErrors.parseTopLogprobsLimit("top_logprobs must be between 0 and 20")).isEqualTo(20);
        assertThat(HttpErrors.parseTopLogprobsLimit("Invalid 'top_logprobs': integer above maximum value. Expected a value <= 5, but got 20 instead."))
                .isEqualTo(5);
        assertThat(HttpErrors.parseTopLogprobsLimit("logprobs are not supported")).isEqualTo(-1);
    }

    @Test
    void errorBodyMessageExtraction() {
        assertThat(HttpErrors.extractMessage("{\"error\":{\"message\":\"m1\",\"type\":\"t\"}}")).isEqualTo("m1");
        assertThat(HttpErrors.extractMessage("{\"error\":\"m2\"}")).isEqualTo("m2");
        assertThat(HttpErrors.extractMessage("{\"object\":\"error\",\"message\":\"m3\"}")).isEqualTo("m3");
        assertThat(HttpErrors.extractMessage("plain text")).isEqualTo("plain text");
        assertThat(HttpErrors.extractMessage("")).isEqualTo("(empty body)");
    }

    @Test
    void lenientNumbers() {
        assertThat(ChunkParsers.parseLenient("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ChunkParsers.parseLenient("-1.5")).isEqualTo(-1.5);
        assertThat(ChunkParsers.parseLenient("garbage")).isNaN();
    }
}
