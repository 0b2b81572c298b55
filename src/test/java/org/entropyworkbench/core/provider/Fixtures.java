package org.entropyworkbench.core.provider;

import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Hand-written server fixtures: SSE bodies, settings pointing at a MockWebServer, requests. */
final class Fixtures {
    private Fixtures() {
    }

    /** An SSE body: each argument is one {@code data:} payload, events separated by blank lines. */
    static String sse(String... payloads) {
        StringBuilder b = new StringBuilder();
        for (String p : payloads) {
            b.append("data: ").append(p).append("\n\n");
        }
        return b.toString();
    }

    static MockResponse sseResponse(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body);
    }

    static EndpointSettings settings(ServerPreset preset, MockWebServer server, ApiKey key) {
        String root = server.url("/").toString();
        root = root.substring(0, root.length() - 1);
        String base = preset.nativeOllama() ? root : root + "/v1";
        return EndpointSettings.defaults(preset, "test-model").withBaseUrl(base).withApiKey(key)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    static ChatRequest request(int k) {
        return new ChatRequest("q1", 1, List.of(ChatMessage.system("Be brief."), ChatMessage.user("What is 2+2?")),
                "test-model", 0.7, 256, k, null, null);
    }

    /** One vLLM/OpenAI content[] entry with alternatives given as token, logprob pairs. */
    static String entry(String token, double lp, Object... tops) {
        StringBuilder b = new StringBuilder("{\"token\":").append(json(token)).append(",\"logprob\":").append(num(lp))
                .append(",\"bytes\":null,\"top_logprobs\":[");
        for (int i = 0; i < tops.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"token\":").append(json((String) tops[i])).append(",\"logprob\":").append(num((Double) tops[i + 1]))
                    .append(",\"bytes\":null}");
        }
        return b.append("]}").toString();
    }

    /** A chat.completion.chunk with one choice: delta JSON, logprob entries (null for "logprobs":null). */
    static String chunk(String delta, String finish, String... entries) {
        String lp = entries == null ? "null" : "{\"content\":[" + String.join(",", entries) + "],\"refusal\":null}";
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"logprobs\":" + lp + ",\"finish_reason\":" + (finish == null ? "null" : json(finish)) + "}]}";
    }

    static String usage(int prompt, int completion, int reasoning) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt
                + ",\"completion_tokens\":" + completion + ",\"total_tokens\":" + (prompt + completion)
                + (reasoning >= 0 ? ",\"completion_tokens_details\":{\"reasoning_tokens\":" + reasoning + "}" : "") + "}}";
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String num(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (d == Double.NEGATIVE_INFINITY) {
            return "-Infinity";
        }
        return Double.toString(d);
    }
}
