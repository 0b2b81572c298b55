package org.entropyworkbench.serve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.provider.ChatResult;
import org.entropyworkbench.core.provider.ProviderException;

/**
 * Gate mode of {@code POST /v1/chat/completions}. Non-streaming: one {@code chat.completion} with
 * the final answer, usage summed over the steps, the {@code entropy_workbench} object and
 * {@code X-Entropy-Workbench-*} headers. Streaming (docs/serve.md): steps 1..S-1 stream as
 * {@code reasoning_content} deltas while they are generated; the final answer streams as
 * {@code content} (step S live after a refine decision, step 1's answer in one delta after a stop);
 * the finish chunk carries the extension object; then the usage chunk if asked, then {@code [DONE]}.
 *
 * <p>Runs on the request thread. Stateless apart from the shared context.
 */
final class GateEndpoint {
    private final ServeContext ctx;

    GateEndpoint(ServeContext ctx) {
        this.ctx = ctx;
    }

    /** The result of one request for the access log and metrics. */
    record Served(String outcome, GateReport report) {
    }

    Served serve(HttpExchange ex, ChatCompletionRequest req, String id, CancellationToken cancel,
                 RequestTimer timer) throws IOException {
        long created = System.currentTimeMillis() / 1000;
        String model = ctx.model();
        int maxTokens = req.maxTokens() > 0 ? req.maxTokens() : ctx.config.upstream().maxTokens();
        GatedCompletion protocol = new GatedCompletion(ctx.config, ctx.provider(ex.header("Authorization")), model);
        StreamSink sink = req.stream() ? new StreamSink(ex, id, created, model, cancel) : null;
        GatedCompletion.Outcome outcome;
        try {
            outcome = protocol.run(id, req.messages(), maxTokens, sink == null ? GatedCompletion.Sink.NONE : sink, cancel);
        } catch (ProviderException e) {
            ctx.metrics.upstreamRequests.inc();
            if (cancel.isCancelled() && !timer.timedOut()) {
                return new Served("cancelled", null);
            }
            int status = UpstreamFailures.status(e, timer.timedOut());
            String message = UpstreamFailures.message(e, timer.timedOut(), ctx.config.requestTimeout().toSeconds());
            if (ex.committed()) {
                ex.stream("text/event-stream", OpenAiJson.sse(OpenAiJson.error(message,
                        UpstreamFailures.type(status), null, Integer.toString(status))));
                ex.endStream();
            } else {
                String retryAfter = UpstreamFailures.retryAfterSeconds(e);
                if (status == 429 && retryAfter != null) {
                    ex.setHeader("Retry-After", retryAfter);
                }
                ex.error(status, message, UpstreamFailures.type(status), null, null);
            }
            return new Served("upstream_error", null);
        }
        GateReport report = report(outcome);
        countUpstream(outcome);
        ctx.record(outcome.records());
        ChatResult last = outcome.last();
        if (sink != null) {
            if (sink.clientGone) {
                return new Served("cancelled", report);
            }
            if (outcome.decision() != EntropyGate.Decision.REFINE && outcome.decision() != EntropyGate.Decision.NO_SIGNAL) {
                sink.delta(null, text(last));
            }
            ex.stream("text/event-stream", OpenAiJson.sse(OpenAiJson.finish(id, created, model, last.finishReason(), report)));
            if (req.includeUsage()) {
                ex.stream("text/event-stream", OpenAiJson.sse(OpenAiJson.usageChunk(id, created, model, report)));
            }
            ex.stream("text/event-stream", OpenAiJson.SSE_DONE);
            ex.endStream();
        } else {
            for (String[] h : report.headers()) {
                ex.setHeader(h[0], h[1]);
            }
            ex.json(200, OpenAiJson.completion(id, created, model, text(last), last.reasoningText(),
                    last.finishReason(), report));
        }
        return new Served("ok", report);
    }

    private void countUpstream(GatedCompletion.Outcome o) {
        ctx.metrics.upstreamRequests.inc(o.results().size());
        for (int i = 0; i < o.records().size(); i++) {
            ctx.metrics.completionTokens.labelValues(i == 0 ? "1" : "refine").inc(o.records().get(i).completionTokens());
        }
    }

    private GateReport report(GatedCompletion.Outcome o) {
        List<Integer> perStep = new ArrayList<>();
        int prompt = 0;
        int completion = 0;
        boolean promptKnown = true;
        for (var r : o.records()) {
            perStep.add(r.completionTokens());
            completion += r.completionTokens();
            if (r.promptTokens() < 0) {
                promptKnown = false;
            } else {
                prompt += r.promptTokens();
            }
        }
        return new GateReport(ServeMode.GATE, o.value(), o.h(), ctx.config.gate(), o.decision(), o.records().size(), perStep,
                promptKnown ? prompt : -1, completion);
    }

    private static String text(ChatResult r) {
        return r.text() == null ? "" : r.text();
    }

    /**
     * Streams the steps' tokens to the client as they arrive. A failed write means the client left:
     * the upstream call is cancelled at once.
     */
    private static final class StreamSink implements GatedCompletion.Sink {
        private final HttpExchange ex;
        private final String id;
        private final long created;
        private final String model;
        private final CancellationToken cancel;
        private boolean first = true;
        boolean clientGone;

        StreamSink(HttpExchange ex, String id, long created, String model, CancellationToken cancel) {
            this.ex = ex;
            this.id = id;
            this.created = created;
            this.model = model;
            this.cancel = cancel;
        }

        @Override
        public void onToken(int step, boolean finalStep, String text, Channel channel) {
            if (text == null || text.isEmpty() || clientGone) {
                return;
            }
            boolean asContent = finalStep && channel != Channel.REASONING;
            delta(asContent ? null : text, asContent ? text : null);
        }

        void delta(String reasoning, String content) {
            try {
                ex.stream("text/event-stream", OpenAiJson.sse(OpenAiJson.delta(id, created, model, reasoning, content, first)));
                first = false;
            } catch (IOException e) {
                clientGone = true;
                cancel.cancel();
            }
        }
    }
}
