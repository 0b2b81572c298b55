package org.entropyworkbench.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.entropyworkbench.core.provider.ApiKey;
import org.entropyworkbench.core.provider.CancellationToken;

/**
 * Routes the proxy's endpoints on Jetty's core API and applies the production rules before any
 * upstream call: the proxy token (401), the concurrency bound (429 with Retry-After), the body
 * limit (413), request validation (400), each in OpenAI's error shape. Logs one line per chat
 * request with no header values.
 *
 * <p>Jetty calls {@link #handle} on its pool threads, many at once; the handler blocks the calling
 * thread for the whole exchange (a blocking handler). Thread-safe.
 */
final class ServeHandler extends Handler.Abstract {
    private final ServeContext ctx;
    private final GateEndpoint gate;
    private final ObserveEndpoint observe;
    private final Semaphore slots;
    private final ScheduledExecutorService timers;

    ServeHandler(ServeContext ctx, ScheduledExecutorService timers) {
        this.ctx = ctx;
        this.gate = new GateEndpoint(ctx);
        this.observe = new ObserveEndpoint(ctx);
        this.slots = new Semaphore(ctx.config.maxConcurrency());
        this.timers = timers;
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                          Callback callback) {
        HttpExchange ex = new HttpExchange(request, response, callback);
        try {
            route(ex);
            ex.complete();
        } catch (Throwable t) {
            ex.fail(t);
        }
        return true;
    }

    private void route(HttpExchange ex) throws IOException {
        String path = org.eclipse.jetty.server.Request.getPathInContext(ex.request);
        String method = ex.request.getMethod();
        switch (path) {
            case "/health" -> health(ex);
            case "/metrics" -> ex.reply(200, ctx.metrics.contentType(), ctx.metrics.scrape());
            case "/v1/models" -> {
                if (authorised(ex) && method(ex, method, "GET")) {
                    models(ex);
                }
            }
            case "/v1/chat/completions" -> {
                if (authorised(ex) && method(ex, method, "POST")) {
                    chat(ex);
                }
            }
            default -> ex.error(404, "no such endpoint: " + method + " " + path
                    + " (this proxy serves POST /v1/chat/completions, GET /v1/models, /health, /metrics)",
                    "invalid_request_error", null, "not_found");
        }
    }

    private boolean method(HttpExchange ex, String actual, String expected) throws IOException {
        if (expected.equals(actual)) {
            return true;
        }
        ex.setHeader("Allow", expected);
        ex.error(405, actual + " is not allowed here; use " + expected, "invalid_request_error", null, "method_not_allowed");
        return false;
    }

    private boolean authorised(HttpExchange ex) throws IOException {
        ProxyToken token = ctx.config.requiredToken();
        if (token == null || token.accepts(ex.header("Authorization"))) {
            return true;
        }
        ctx.metrics.requests.labelValues(ctx.config.mode().id(), "client_error").inc();
        ctx.config.log().accept("serve: 401 " + ex.request.getMethod() + " " + ex.request.getHttpURI().getPath()
                + " (missing or wrong proxy token)");
        ex.setHeader("WWW-Authenticate", "Bearer");
        ex.error(401, "this proxy needs its token: send 'Authorization: Bearer <token>' (the value of the variable"
                + " named by --require-token-env)", "authentication_error", null, "invalid_api_key");
        return false;
    }

    private void health(HttpExchange ex) throws IOException {
        ObjectNode o = OpenAiJson.MAPPER.createObjectNode();
        o.put("status", "ok");
        o.put("mode", ctx.config.mode().id());
        o.put("upstream", ctx.config.upstream().describe());
        o.put("model", ctx.model());
        o.put("signal", ctx.config.gate().signalId());
        o.put("tau", ctx.config.gate().tau());
        o.put("rule", ctx.config.gate().rule());
        o.put("k", ctx.config.gate().k());
        o.put("in_flight", ctx.config.maxConcurrency() - slots.availablePermits());
        o.put("max_concurrency", ctx.config.maxConcurrency());
        ex.json(200, OpenAiJson.bytes(o));
    }

    private void models(HttpExchange ex) throws IOException {
        Request.Builder b = new Request.Builder().url(ctx.config.upstream().baseUrl() + "/models").get();
        ApiKey key = ctx.config.auth().keyFor(ex.header("Authorization"));
        if (key != null) {
            key.authorize(b);
        }
        try (Response r = ctx.passThrough.newCall(b.build()).execute()) {
            byte[] body = r.body() == null ? new byte[0] : r.body().bytes();
            ex.reply(r.code(), r.header("Content-Type", "application/json"), body);
        } catch (IOException e) {
            ex.error(502, "entropy-workbench proxy: the upstream's /models failed: " + e.getMessage(),
                    "upstream_error", null, null);
        }
    }

    private void chat(HttpExchange ex) throws IOException {
        String mode = ctx.config.mode().id();
        if (!slots.tryAcquire()) {
            ctx.metrics.requests.labelValues(mode, "rejected").inc();
            ex.setHeader("Retry-After", "1");
            ex.error(429, "entropy-workbench proxy: " + ctx.config.maxConcurrency()
                    + " requests are in flight (--max-concurrency); retry shortly", "rate_limit_error", null, "proxy_busy");
            ctx.config.log().accept("serve: 429 POST /v1/chat/completions (max concurrency reached)");
            return;
        }
        ctx.metrics.inFlight.inc();
        long t0 = System.nanoTime();
        String outcome = "client_error";
        GateReport report = null;
        try {
            byte[] body = readBody(ex);
            if (body == null) {
                return;
            }
            ChatCompletionRequest req = ChatCompletionRequest.parse(body);
            if (ctx.config.mode() == ServeMode.GATE && req.model() != null && !req.model().equals(ctx.model())) {
                throw new ClientError(404, "invalid_request_error", "model_not_found", "model", "this proxy gates model '"
                        + ctx.model() + "' (the calibrated one); the request names '" + req.model() + "'");
            }
            String id = completionId();
            CancellationToken cancel = new CancellationToken();
            ex.request.addFailureListener(failure -> cancel.cancel());
            try (RequestTimer timer = new RequestTimer(timers, ctx.config.requestTimeout().toMillis(), cancel)) {
                GateEndpoint.Served served = ctx.config.mode() == ServeMode.GATE
                        ? gate.serve(ex, req, id, cancel, timer)
                        : observe.serve(ex, req, body, id, cancel, timer);
                outcome = served.outcome();
                report = served.report();
            }
            if ("cancelled".equals(outcome) && !ex.committed()) {
                answerCancelled(ex);
            }
        } catch (ClientError e) {
            ex.error(e.status(), e.getMessage(), e.type(), e.param(), e.code());
        } finally {
            slots.release();
            ctx.metrics.inFlight.dec();
            double seconds = (System.nanoTime() - t0) / 1e9;
            ctx.metrics.duration.labelValues(mode).observe(seconds);
            ctx.metrics.requests.labelValues(mode, outcome).inc();
            if (report != null) {
                ctx.metrics.decisions.labelValues(mode, report.decision().id()).inc();
                if (!Double.isNaN(report.h())) {
                    ctx.metrics.entropy.observe(report.h());
                }
                if (!Double.isNaN(report.value())) {
                    ctx.metrics.signal.labelValues(report.gate().signalId()).observe(report.value());
                }
            }
            ctx.config.log().accept(accessLine(ex.status(), mode, outcome, report, seconds));
        }
    }

    /**
     * A completion id, {@code chatcmpl-ewb-} and 20 random hex digits. It names a reply, it guards
     * nothing, so it comes from the thread's own generator rather than {@code UUID.randomUUID()}'s
     * shared SecureRandom (~2 % of the proxy's CPU per request).
     */
    static String completionId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        String hex = Long.toHexString(r.nextLong() & 0xFFFFFFFFFFL | 0x10000000000L).substring(1)
                + Long.toHexString(r.nextLong() & 0xFFFFFFFFFFL | 0x10000000000L).substring(1);
        return "chatcmpl-ewb-" + hex;
    }

    /**
     * The access-log line, e.g. {@code serve: 200 POST /v1/chat/completions observe ok decision=stop
     * signal=step1-mean-entropy value=0.4121 H=0.4121 tau=0.6734 steps=1 812 ms}. Built without
     * {@code String.format}, whose cost per request was as large as parsing the request body (profile in
     * docs/performance.md), and the line is written before the connection can take its next request.
     */
    static String accessLine(int status, String mode, String outcome, GateReport report, double seconds) {
        StringBuilder b = new StringBuilder(160).append("serve: ").append(status).append(" POST /v1/chat/completions ")
                .append(mode).append(' ').append(outcome);
        if (report != null) {
            b.append(" decision=").append(report.decision().id()).append(" signal=").append(report.gate().signalId())
                    .append(" value=");
            fixed(b, report.value());
            b.append(" H=");
            fixed(b, report.h());
            b.append(" tau=");
            fixed(b, report.gate().tau());
            b.append(" steps=").append(report.steps());
        }
        return b.append(' ').append(Math.round(seconds * 1000)).append(" ms").toString();
    }

    /** {@code v} with four decimals, as {@code %.4f} writes it for the values a log line holds. */
    static void fixed(StringBuilder b, double v) {
        if (!Double.isFinite(v)) {
            b.append(v);
            return;
        }
        long scaled = Math.round(Math.abs(v) * 10_000);
        if (Math.copySign(1.0, v) < 0) {
            b.append('-');
        }
        b.append(scaled / 10_000).append('.');
        String frac = Long.toString(scaled % 10_000);
        b.append("0000", 0, 4 - frac.length()).append(frac);
    }

    /** Tells a client still listening that its request was cut (connection failure, proxy stopping); ignores a gone one. */
    private static void answerCancelled(HttpExchange ex) {
        try {
            ex.error(503, "entropy-workbench proxy: the request was cancelled before it finished"
                    + " (its connection failed or the proxy is stopping)", "upstream_error", null, "cancelled");
        } catch (IOException | RuntimeException gone) {
            // the client is gone: nobody to tell
        }
    }

    /** The body, or null after answering 413 / 400 when it is too large or unreadable. */
    private byte[] readBody(HttpExchange ex) throws IOException, ClientError {
        long limit = ctx.config.maxBodyBytes();
        long declared = ex.request.getLength();
        if (declared > limit) {
            throw tooLarge(declared, limit);
        }
        try {
            byte[] body = Content.Source.asByteArrayAsync(ex.request, (int) Math.min(Integer.MAX_VALUE, limit)).get();
            ex.bodyRead();
            return body;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause == null ? String.valueOf(e.getMessage()) : String.valueOf(cause.getMessage());
            if (why.toLowerCase(Locale.ROOT).contains("max") || why.toLowerCase(Locale.ROOT).contains("limit")) {
                throw tooLarge(-1, limit);
            }
            throw ClientError.invalid(null, "the request body could not be read: " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClientError.invalid(null, "interrupted while reading the request body");
        }
    }

    private static ClientError tooLarge(long declared, long limit) {
        return new ClientError(413, "invalid_request_error", "request_too_large", null,
                "the request body " + (declared > 0 ? "(" + declared + " bytes) " : "") + "is over this proxy's limit of "
                        + limit + " bytes (--max-body)");
    }
}
