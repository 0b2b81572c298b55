package org.entropyworkbench.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Locale;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.provider.ApiKey;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.OpenAiStreamTap;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Observe (shadow) mode of {@code POST /v1/chat/completions}: the client's request goes upstream as
 * it came, except that {@code logprobs}/{@code top_logprobs} are raised to the calibration's k when
 * the client asked for fewer (H needs them); the upstream's bytes come back unchanged and as they
 * arrive, while the same bytes feed the workbench's stream reader and entropy code on the side.
 * The decision the gate would have taken goes to the metrics, the access log and the record, and,
 * for a non-streaming reply (held until complete anyway), to {@code X-Entropy-Workbench-*} headers.
 *
 * <p>Runs on the request thread; one instance per proxy.
 */
final class ObserveEndpoint {
    private static final MediaType JSON = MediaType.get("application/json");
    /**
     * Largest amount of upstream bytes gathered before they go to the client (a burst larger than this
     * goes out in several writes); allocated per streamed request, so not larger than a few reads.
     */
    private static final int TEE_BUFFER = 16 * 1024;
    private final ServeContext ctx;
    private final String chatUrl;
    /** {@link #chatUrl} parsed once (parsing it per request was ~4 % of the proxy's CPU), null if OkHttp cannot. */
    private final HttpUrl parsedChatUrl;

    ObserveEndpoint(ServeContext ctx) {
        this.ctx = ctx;
        this.chatUrl = ctx.config.upstream().baseUrl() + "/chat/completions";
        this.parsedChatUrl = HttpUrl.parse(chatUrl);
    }

    /**
     * @param raw the client's body as it came: forwarded as is when it already asks for enough logprobs
     *            (re-serialising the parsed tree cost as much as parsing it)
     */
    GateEndpoint.Served serve(HttpExchange ex, ChatCompletionRequest req, byte[] raw, String id, CancellationToken cancel,
                              RequestTimer timer) throws IOException {
        ObjectNode forwarded = withLogprobs(req.body(), ctx.config.gate().k());
        byte[] body = forwarded == req.body() ? raw : OpenAiJson.bytes(forwarded);
        UpstreamSocket upstreamSocket = new UpstreamSocket();
        Request.Builder b = (parsedChatUrl != null ? new Request.Builder().url(parsedChatUrl) : new Request.Builder().url(chatUrl))
                .post(RequestBody.create(body, JSON))
                .tag(UpstreamSocket.class, upstreamSocket);
        ApiKey key = ctx.config.auth().keyFor(ex.header("Authorization"));
        if (key != null) {
            key.authorize(b);
        }
        String accept = ex.header("Accept");
        if (accept != null) {
            b.header("Accept", accept);
        }
        Call call = ctx.passThrough.newCall(b.build());
        ctx.metrics.upstreamRequests.inc();
        long startedAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        try (CancellationToken.Registration ignored = cancel.onCancel(call::cancel);
             Response response = call.execute()) {
            if (!response.isSuccessful()) {
                forwardError(ex, response);
                return new GateEndpoint.Served("upstream_error", null);
            }
            String type = response.header("Content-Type", "application/json");
            boolean sse = type.toLowerCase(Locale.ROOT).contains("event-stream");
            StepEntropyAccumulator entropy = new StepEntropyAccumulator();
            OpenAiStreamTap.Outcome outcome;
            if (sse) {
                TeeSource tee = new TeeSource(response.body().source(), ex.streamBody(type, TEE_BUFFER), cancel,
                        upstreamSocket, ex);
                try (BufferedSource teed = Okio.buffer(tee)) {
                    outcome = OpenAiStreamTap.read(teed, false, entropy);
                    tee.finish();
                }
                if (tee.clientGone) {
                    return new GateEndpoint.Served("cancelled", null);
                }
            } else {
                byte[] all = response.body().bytes();
                outcome = OpenAiStreamTap.read(new Buffer().write(all), true, entropy);
                GateReport report = report(id, outcome, entropy, req, startedAt, t0);
                for (String[] h : report.headers()) {
                    ex.setHeader(h[0], h[1]);
                }
                ex.reply(response.code(), type, all);
                return new GateEndpoint.Served("ok", report);
            }
            return new GateEndpoint.Served("ok", report(id, outcome, entropy, req, startedAt, t0));
        } catch (IOException e) {
            if (cancel.isCancelled() && !timer.timedOut()) {
                return new GateEndpoint.Served("cancelled", null);
            }
            if (ex.committed()) {
                return new GateEndpoint.Served("upstream_error", null);
            }
            int status = timer.timedOut() || e instanceof InterruptedIOException ? 504 : 502;
            ex.error(status, "entropy-workbench proxy: upstream call failed: " + e.getMessage(),
                    UpstreamFailures.type(status), null, null);
            return new GateEndpoint.Served("upstream_error", null);
        }
    }

    private GateReport report(String id, OpenAiStreamTap.Outcome outcome, StepEntropyAccumulator entropy,
                              ChatCompletionRequest req, long startedAt, long t0) {
        long millis = (System.nanoTime() - t0) / 1_000_000;
        List<ChatMessage> messages = req.messages();
        String model = req.model() != null ? req.model() : ctx.model();
        int maxTokens = req.maxTokens() > 0 ? req.maxTokens() : ctx.config.upstream().maxTokens();
        StepRecord record = StepRecords.of(id, 1, messages, model, ctx.config.upstream().describe(), req.body().path("temperature").asDouble(ctx.config.temperature()),
                maxTokens, ctx.config.gate().k(), outcome.result(), entropy, ctx.config.recordText(), startedAt, millis);
        EntropyGate gate = ctx.config.gate();
        double value = gate.signal(record);
        EntropyGate.Decision decision = gate.decide(value);
        if (outcome.complete()) {
            ctx.record(List.of(record));
        }
        ctx.metrics.completionTokens.labelValues("1").inc(record.completionTokens());
        return new GateReport(ServeMode.OBSERVE, value, gate.meanEntropy(record), gate, decision, 1, List.of(record.completionTokens()),
                record.promptTokens(), record.completionTokens());
    }

    /** The client's body with logprobs on and top_logprobs at least k; the same object when nothing changes. */
    static ObjectNode withLogprobs(ObjectNode body, int k) {
        JsonNode top = body.get("top_logprobs");
        boolean on = body.path("logprobs").asBoolean(false);
        if (on && top != null && top.canConvertToInt() && top.asInt() >= k) {
            return body;
        }
        ObjectNode copy = body.deepCopy();
        copy.put("logprobs", true);
        copy.put("top_logprobs", k);
        return copy;
    }

    /** Forwards an upstream error: its status, Retry-After, and its body when OpenAI-shaped, else one in that shape. */
    private static void forwardError(HttpExchange ex, Response response) throws IOException {
        int status = response.code();
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            ex.setHeader("Retry-After", retryAfter);
        }
        byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
        try {
            JsonNode n = OpenAiJson.MAPPER.readTree(body);
            if (n != null && n.path("error").isObject() && n.path("error").has("message")) {
                ex.json(status, body);
                return;
            }
        } catch (IOException notJson) {
            // wrapped below
        }
        String text = new String(body, 0, Math.min(body.length, 500), java.nio.charset.StandardCharsets.UTF_8);
        ex.error(status, "upstream answered HTTP " + status + ": " + text, UpstreamFailures.type(status), null,
                Integer.toString(status));
    }

    /**
     * Passes every byte of the upstream's stream on to the client before the stream reader on top of it
     * parses them, so parsing is never on the client's path. When the reader wants more, the tee pumps:
     * it reads from the upstream, writes each read to the client, and keeps reading while the upstream
     * has more bytes waiting ({@link UpstreamSocket#moreWaiting}) and less than {@link #PUMP_LIMIT} is
     * unparsed; then it flushes once and hands the reader what it gathered. A paced stream therefore
     * goes out token by token, an upstream that is ahead of the proxy costs one client write per burst
     * (each SSE event is one HTTP chunk, so "flush on a short read" had meant a flush per token), and at
     * the upstream's end the client's reply is ended and the exchange completed at once, so the client
     * (and its keep-alive connection's next request) never waits for the last events to be parsed. A
     * failed client write cancels the upstream call.
     *
     * <p>Owned by the request thread.
     */
    private static final class TeeSource implements okio.Source {
        /** Most unparsed bytes a pump gathers before the reader catches up (bounds memory per stream). */
        private static final long PUMP_LIMIT = 256 * 1024;
        private static final long READ_SIZE = 8192;
        private final BufferedSource upstream;
        private final java.io.OutputStream client;
        private final CancellationToken cancel;
        private final UpstreamSocket upstreamSocket;
        private final HttpExchange exchange;
        private final Buffer pending = new Buffer();
        private boolean upstreamEnded;
        private boolean clientEnded;
        boolean clientGone;

        TeeSource(BufferedSource upstream, java.io.OutputStream client, CancellationToken cancel,
                  UpstreamSocket upstreamSocket, HttpExchange exchange) {
            this.upstream = upstream;
            this.client = client;
            this.cancel = cancel;
            this.upstreamSocket = upstreamSocket;
            this.exchange = exchange;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            if (!upstreamEnded && !clientGone && pending.size() > 0 && pending.size() < PUMP_LIMIT
                    && (upstream.getBuffer().size() > 0 || upstreamSocket.moreWaiting())) {
                // the upstream sent more while the reader parsed: pass it on before parsing on
                pump();
            }
            if (pending.size() == 0) {
                if (upstreamEnded) {
                    return -1;
                }
                pump();
                if (pending.size() == 0) {
                    return -1;
                }
            }
            return pending.read(sink, byteCount);
        }

        private void pump() throws IOException {
            do {
                long at = pending.size();
                long n = upstream.read(pending, READ_SIZE);
                if (n < 0) {
                    upstreamEnded = true;
                    endClient();
                    return;
                }
                forward(at, n);
            } while (pending.size() < PUMP_LIMIT && (upstream.getBuffer().size() > 0 || upstreamSocket.moreWaiting()));
            if (!clientGone) {
                try {
                    client.flush();
                } catch (IOException e) {
                    gone(e);
                }
            }
        }

        private void forward(long offset, long n) throws IOException {
            if (clientGone || n == 0) {
                return;
            }
            try {
                pending.copyTo(client, offset, n);
            } catch (IOException e) {
                gone(e);
            }
        }

        private void gone(IOException e) throws IOException {
            clientGone = true;
            cancel.cancel();
            throw e;
        }

        /** Sends what is left and ends the reply (once). */
        private void endClient() throws IOException {
            if (clientGone || clientEnded) {
                return;
            }
            clientEnded = true;
            try {
                client.close();
            } catch (IOException e) {
                clientGone = true;
                throw e;
            }
            // the reply is whole: free the client's connection for its next request while the rest parses
            exchange.complete();
        }

        /** Ends the reply if the upstream's end has not already done so. */
        void finish() throws IOException {
            endClient();
        }

        @Override
        public okio.Timeout timeout() {
            return upstream.timeout();
        }

        @Override
        public void close() throws IOException {
            upstream.close();
        }
    }
}
