package org.entropyworkbench.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.ChatRequest;
import org.entropyworkbench.core.provider.ChatResult;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.provider.ReplayProvider;
import org.entropyworkbench.core.run.StepRecord;

/**
 * A recorded run served as an OpenAI-compatible streaming upstream on 127.0.0.1 (Jetty): the
 * question is named by the first user message ({@code "question <id>"}), the step is the number of
 * user turns, and the recorded step's tokens go out with the top-20 alternatives the workbench's
 * {@link ReplayProvider} rebuilds from the recorded entropies, plus the recorded usage. Counts the
 * requests and completion tokens it served. For the gate-replay benchmark and the serve tests; thread-safe.
 */
public final class ReplayUpstream implements AutoCloseable {
    public static final String QUESTION_PREFIX = "question ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReplayProvider replay;
    private final Server server;
    private final ServerConnector connector;
    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong completionTokens = new AtomicLong();

    public ReplayUpstream(List<StepRecord> steps) throws Exception {
        this.replay = new ReplayProvider(steps, 0);
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                try {
                    serve(request, response);
                    callback.succeeded();
                } catch (Throwable t) {
                    callback.failed(t);
                }
                return true;
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/v1";
    }

    private void serve(Request request, Response response) throws Exception {
        JsonNode body = JSON.readTree(Content.Source.asByteArrayAsync(request, 1 << 20).get());
        String question = null;
        int step = 0;
        for (JsonNode m : body.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                step++;
                if (question == null) {
                    question = m.path("content").asText().substring(QUESTION_PREFIX.length()).strip();
                }
            }
        }
        requests.incrementAndGet();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        OutputStream out = Content.Sink.asOutputStream(response);
        ChatResult result;
        try {
            result = replay.stream(new ChatRequest(question, step, List.of(ChatMessage.user("")), "replay", 0.7, 8192,
                    20, null, null), token -> {
                        try {
                            out.write(event(chunk(token)));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, new CancellationToken());
        } catch (ProviderException e) {
            throw new IOException(e.getMessage(), e);
        }
        completionTokens.addAndGet(result.completionTokens());
        out.write(event("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + result.finishReason() + "\"}]}"));
        out.write(event("{\"choices\":[],\"usage\":{\"prompt_tokens\":" + Math.max(0, result.promptTokens())
                + ",\"completion_tokens\":" + result.completionTokens() + "}}"));
        out.write(event("[DONE]"));
        out.close();
    }

    private static String chunk(org.entropyworkbench.core.token.TokenView t) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.getFactory().createGenerator(buf)) {
            g.writeStartObject();
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("delta");
            g.writeStringField("content", t.text());
            g.writeEndObject();
            g.writeObjectFieldStart("logprobs");
            g.writeArrayFieldStart("content");
            g.writeStartObject();
            g.writeStringField("token", t.text());
            g.writeNumberField("logprob", Double.isNaN(t.logprob()) ? -9999.0 : t.logprob());
            g.writeArrayFieldStart("top_logprobs");
            for (int i = 0; i < t.topCount(); i++) {
                g.writeStartObject();
                g.writeStringField("token", t.topToken(i));
                g.writeNumberField("logprob", t.topLogprob(i));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeNullField("finish_reason");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static byte[] event(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
