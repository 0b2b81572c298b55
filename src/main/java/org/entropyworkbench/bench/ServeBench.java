package org.entropyworkbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.protocol.ProtocolPrompts;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.serve.EntropyGate;
import org.entropyworkbench.serve.ServeConfig;
import org.entropyworkbench.serve.ServeMode;
import org.entropyworkbench.serve.ServeServer;
import org.entropyworkbench.serve.UpstreamAuth;

/**
 * Issue 10: what {@code ew serve --observe} costs compared with calling the same loopback upstream
 * directly, in the same run. Latency: direct and proxied streaming calls alternate one at a time,
 * each timed from request to last byte; the added latency is the difference of the two
 * distributions' p50 and p99. Throughput: 64 concurrent streams, all tokens read, direct then proxied
 * then direct again (the baseline is the mean of the two direct phases, so drift shows). Client,
 * proxy and upstream share this machine's cores; the proxy's CPU (Jetty, the tee, the entropy of
 * every token) competes with both.
 */
public final class ServeBench implements BenchSection {

    static final String SECTION = "ew serve proxy overhead (observe mode, loopback upstream)";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int STREAMS = 64;
    /** Direct/proxied pairs run before the latency is measured (the first 200 are reported separately). */
    private static final int LATENCY_WARMUP_PAIRS = 1_000;
    private static final double PACED_TOKENS_PER_SECOND = 100;
    /** Proxied phases of the paced comparison in quick mode (one more in full mode). */
    private static final int PACED_ROUNDS = 2;

    @Override
    public String id() { return "serve"; }

    @Override
    public String title() { return SECTION; }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        OkHttpClient client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(STREAMS * 2, 1, TimeUnit.MINUTES))
                .readTimeout(Duration.ofSeconds(60)).build();
        int latencyTokens = 64;
        int pairs = context.size(300, 1000);
        try (LoopbackSseServer upstream = LoopbackSseServer.start(
                new LoopbackSseServer.Settings(latencyTokens, 0, FaultPlan.NONE, 5L, LoopbackRun.ANSWER))) {
            ServeServer proxy = ServeServer.start(config(upstream.baseUrl()), 2_000);
            try {
                context.progress("serve", "latency: " + LATENCY_WARMUP_PAIRS + " warm-up and " + pairs + " measured direct/proxied pairs of "
                        + latencyTokens + "-token streams");
                String direct = upstream.baseUrl() + "/chat/completions";
                String proxied = proxy.baseUrl() + "/chat/completions";
                // the first few hundred proxied calls run the proxy's code (Jetty, OkHttp, the parser) before the JIT
                // has compiled it, which costs a fresh proxy several ms a call (docs/performance.md); the figure is
                // the steady state of a proxy in service, so both paths get the same warm-up first, and that
                // start-up block is reported on its own
                long[] coldD = new long[LATENCY_WARMUP_PAIRS];
                long[] coldP = new long[LATENCY_WARMUP_PAIRS];
                for (int i = 0; i < LATENCY_WARMUP_PAIRS; i++) {
                    coldD[i] = call(client, direct);
                    coldP[i] = call(client, proxied);
                }
                long[] d = new long[pairs];
                long[] p = new long[pairs];
                for (int i = 0; i < pairs; i++) {
                    d[i] = call(client, direct);
                    p[i] = call(client, proxied);
                }
                Arrays.sort(d);
                Arrays.sort(p);
                double p50d = pct(d, 0.50);
                double p50p = pct(p, 0.50);
                double p99d = pct(d, 0.99);
                double p99p = pct(p, 0.99);
                report.target(SECTION, "added latency p50 (" + latencyTokens + "-token stream, request to last byte)",
                        p50p - p50d, "ms", "direct p50", p50d, "< 2 ms", p50p - p50d < 2.0);
                report.compared(SECTION, "added latency p99", p99p - p99d, "ms", "direct p99", p99d);
                long[] firstD = Arrays.copyOf(coldD, 200);
                long[] firstP = Arrays.copyOf(coldP, 200);
                Arrays.sort(firstD);
                Arrays.sort(firstP);
                report.compared(SECTION, "added latency p50 of the first 200 pairs after the proxy started (cold JIT, not the target)",
                        pct(firstP, 0.50) - pct(firstD, 0.50), "ms", "direct p50, same pairs", pct(firstD, 0.50));
            } finally {
                proxy.stop();
            }
        }

        int tokens = context.size(200, 400);
        int calls = context.size(256, 640);
        try (LoopbackSseServer upstream = LoopbackSseServer.start(
                new LoopbackSseServer.Settings(tokens, 0, FaultPlan.NONE, 6L, LoopbackRun.ANSWER))) {
            ServeServer proxy = ServeServer.start(config(upstream.baseUrl()), 2_000);
            try {
                String direct = upstream.baseUrl() + "/chat/completions";
                String proxied = proxy.baseUrl() + "/chat/completions";
                context.progress("serve", "throughput: " + calls + " calls x " + tokens + " tokens, " + STREAMS + " streams");
                throughput(client, direct, STREAMS, STREAMS, tokens);
                throughput(client, proxied, STREAMS, STREAMS, tokens);
                long cpu0 = processCpuNanos();
                double direct1 = throughput(client, direct, STREAMS, calls, tokens);
                long cpu1 = processCpuNanos();
                double viaProxy = throughput(client, proxied, STREAMS, calls, tokens);
                long cpu2 = processCpuNanos();
                double direct2 = throughput(client, direct, STREAMS, calls, tokens);
                double perMillionDirect = (cpu1 - cpu0) / 1e9 / (calls * (double) tokens / 1e6);
                double perMillionProxied = (cpu2 - cpu1) / 1e9 / (calls * (double) tokens / 1e6);
                report.compared(SECTION, "CPU per million tokens, client + upstream + proxy (one JVM)", perMillionProxied,
                        "CPU-s", "client + upstream, direct", perMillionDirect);
                double baseline = (direct1 + direct2) / 2;
                report.target(SECTION, "throughput through the proxy, " + STREAMS + " concurrent streams, upstream unpaced", viaProxy,
                        "tokens/s", "direct (mean of before and after)", baseline, ">= 95 % of direct", viaProxy >= 0.95 * baseline);
                report.note(SECTION, String.format(java.util.Locale.ROOT,
                        "direct phases: %.0f and %.0f tokens/s; client, proxy and upstream share %d cores",
                        direct1, direct2, Runtime.getRuntime().availableProcessors()));
            } finally {
                proxy.stop();
            }
        }
        paced(context, report, client);
        gateReplay(context, report, client);
        client.connectionPool().evictAll();
    }

    /**
     * The same comparison with the upstream paced like a model server (each stream at
     * {@link #PACED_TOKENS_PER_SECOND} tokens/s): the proxy then has to keep up rather than win a CPU race
     * against a raw byte drain. A call lasts about a second, so a phase is only a few calls per stream and
     * whatever happens once per phase weighs heavily: both paths first get the same warm-up phase (every
     * connection opened, the upstream's connection threads and the proxy's pool started), then direct and
     * proxied phases alternate, direct first and last ({@link #PACED_ROUNDS} proxied phases between
     * {@link #PACED_ROUNDS} + 1 direct ones), and each side's figure is the mean of its phases.
     */
    private static void paced(BenchContext context, BenchReport report, OkHttpClient client) throws Exception {
        int tokens = 100;
        int calls = STREAMS * context.size(2, 4);
        int rounds = context.size(PACED_ROUNDS, PACED_ROUNDS + 1);
        try (LoopbackSseServer upstream = LoopbackSseServer.start(
                new LoopbackSseServer.Settings(tokens, PACED_TOKENS_PER_SECOND, FaultPlan.NONE, 8L, LoopbackRun.ANSWER))) {
            ServeServer proxy = ServeServer.start(config(upstream.baseUrl()), 2_000);
            try {
                String direct = upstream.baseUrl() + "/chat/completions";
                String proxied = proxy.baseUrl() + "/chat/completions";
                context.progress("serve", "paced throughput: warm-up, then " + rounds + " proxied phases between "
                        + (rounds + 1) + " direct ones, each " + calls + " calls x " + tokens + " tokens at "
                        + PACED_TOKENS_PER_SECOND + " tokens/s per stream, " + STREAMS + " streams");
                throughput(client, direct, STREAMS, STREAMS, tokens);
                throughput(client, proxied, STREAMS, STREAMS, tokens);
                double[] directPhases = new double[rounds + 1];
                double[] proxiedPhases = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    directPhases[r] = throughput(client, direct, STREAMS, calls, tokens);
                    proxiedPhases[r] = throughput(client, proxied, STREAMS, calls, tokens);
                }
                directPhases[rounds] = throughput(client, direct, STREAMS, calls, tokens);
                double baseline = Arrays.stream(directPhases).average().orElseThrow();
                double viaProxy = Arrays.stream(proxiedPhases).average().orElseThrow();
                report.target(SECTION, String.format(java.util.Locale.ROOT,
                        "throughput through the proxy, %d streams paced at %.0f tokens/s each", STREAMS, PACED_TOKENS_PER_SECOND),
                        viaProxy, "tokens/s", "direct (mean of " + (rounds + 1) + " phases around the proxied ones)", baseline,
                        ">= 95 % of direct", viaProxy >= 0.95 * baseline);
                report.note(SECTION, String.format(java.util.Locale.ROOT,
                        "paced phases (tokens/s; after one warm-up phase each, %d calls per phase): direct %s, proxied %s;"
                                + " an ideal phase is %d calls x %.2f s",
                        calls, phases(directPhases), phases(proxiedPhases), calls / STREAMS, (tokens - 1) / PACED_TOKENS_PER_SECOND));
            } finally {
                proxy.stop();
            }
        }
    }

    private static String phases(double[] tokensPerSecond) {
        StringBuilder b = new StringBuilder();
        for (double v : tokensPerSecond) {
            b.append(b.length() == 0 ? "" : " / ").append(Math.round(v));
        }
        return b.toString();
    }

    /**
     * Gate mode on a recorded run served as the upstream ({@link ReplayUpstream}): every question
     * sent once through the proxy; the upstream's request count and the completion tokens of the
     * replies must equal what the analysis predicts for the same τ (calls and tokens of the gated
     * system, from its call and token savings), exactly.
     */
    private static void gateReplay(BenchContext context, BenchReport report, OkHttpClient client) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("ewb.sampleRuns", "sample-runs"))
                .resolve("3-instruction-aime.jsonl.gz");
        org.entropyworkbench.core.run.RunFile run = org.entropyworkbench.core.run.RunFileReader.read(file);
        int steps = run.header().steps();
        List<org.entropyworkbench.core.tradeoff.QuestionOutcome> outcomes =
                org.entropyworkbench.core.tradeoff.RunOutcomes.fromRun(run, 20, steps).outcomes();
        double tau = org.entropyworkbench.core.analysis.RunAnalysis.of(run,
                org.entropyworkbench.core.analysis.AnalysisOptions.defaults()).thresholds()
                .result(org.entropyworkbench.core.threshold.ThresholdMethod.ENTROPY_MEAN).tau();
        org.entropyworkbench.core.tradeoff.TradeoffPoint point =
                new org.entropyworkbench.core.tradeoff.TradeoffEvaluator(outcomes).evaluate(tau);
        long allCalls = 0;
        long allTokens = 0;
        double margin = Double.POSITIVE_INFINITY;
        for (var q : outcomes) {
            allCalls += q.steps();
            for (int t : q.tokensByStep()) {
                allTokens += t;
            }
            margin = Math.min(margin, Math.abs(q.h1() - tau));
        }
        long predictedCalls = Math.round(allCalls * (1 - point.callSavings()));
        long predictedTokens = Math.round(allTokens * (1 - point.tokenSavings()));
        context.progress("serve", "gate replay: " + outcomes.size() + " recorded questions, tau " + tau);
        try (ReplayUpstream upstream = new ReplayUpstream(run.steps())) {
            EndpointSettings up = new EndpointSettings(ServerPreset.CUSTOM, upstream.baseUrl(), "replay-model", null, 20,
                    0.7, 8192, null, 8, 0, Duration.ofSeconds(5), Duration.ofSeconds(60));
            ServeConfig config = new ServeConfig("127.0.0.1", 0, up, ServeMode.GATE, new EntropyGate(tau, "entropy-mean", 20),
                    0.7, steps, ProtocolPrompts.defaults(AnswerKind.INTEGER), 8, 1 << 20, Duration.ofSeconds(120),
                    UpstreamAuth.NONE, null, null, false, Map.of(), line -> { });
            ServeServer proxy = ServeServer.start(config, 2_000);
            long tokens = 0;
            long stops = 0;
            try {
                for (var q : outcomes) {
                    byte[] body = ("{\"model\":\"replay-model\",\"messages\":[{\"role\":\"user\",\"content\":\""
                            + ReplayUpstream.QUESTION_PREFIX + q.questionId() + "\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    Request r = new Request.Builder().url(proxy.baseUrl() + "/chat/completions")
                            .post(RequestBody.create(body, JSON)).build();
                    try (Response response = client.newCall(r).execute()) {
                        com.fasterxml.jackson.databind.JsonNode reply =
                                new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body().bytes());
                        if (!response.isSuccessful()) {
                            throw new IOException("question " + q.questionId() + ": HTTP " + response.code() + " " + reply);
                        }
                        tokens += reply.path("usage").path("completion_tokens").asLong();
                        if ("stop".equals(reply.path("entropy_workbench").path("decision").asText())) {
                            stops++;
                        }
                    }
                }
            } finally {
                proxy.stop();
            }
            int n = outcomes.size();
            report.target(SECTION, String.format(java.util.Locale.ROOT,
                    "gate replay (%s, tau %.4f): upstream requests per client request", file.getFileName(), tau),
                    upstream.requests.get() / (double) n, "calls", "analyze's prediction", predictedCalls / (double) n,
                    "equal, exactly", upstream.requests.get() == predictedCalls);
            report.target(SECTION, "gate replay: completion tokens per client request", tokens / (double) n, "tokens",
                    "analyze's prediction", predictedTokens / (double) n, "equal, exactly",
                    tokens == predictedTokens && upstream.completionTokens.get() == predictedTokens);
            report.note(SECTION, String.format(java.util.Locale.ROOT,
                    "gate replay: %d questions, %d stopped by the proxy (analysis: %d), %d upstream calls (predicted %d),"
                            + " %d completion tokens (predicted %d); closest step-1 H to tau: %.2e bits",
                    n, stops, point.stopped(), upstream.requests.get(), predictedCalls, tokens, predictedTokens, margin));
        }
    }

    private static ServeConfig config(String upstreamUrl) {
        EndpointSettings up = new EndpointSettings(ServerPreset.CUSTOM, upstreamUrl, "bench-model", null, 20, 0.7, 1024,
                null, 256, 0, Duration.ofSeconds(5), Duration.ofSeconds(60));
        return new ServeConfig("127.0.0.1", 0, up, ServeMode.OBSERVE, new EntropyGate(1.0, "custom", 20), 0.7, 4,
                ProtocolPrompts.defaults(AnswerKind.INTEGER), 256, 1 << 20, Duration.ofSeconds(120), UpstreamAuth.NONE,
                null, null, false, Map.of(), line -> { });
    }

    private static final byte[] BODY = ("{\"model\":\"bench-model\",\"stream\":true,\"logprobs\":true,\"top_logprobs\":20,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"bench\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** One streamed call read to its end; nanoseconds from request to last byte. */
    private static long call(OkHttpClient client, String url) throws IOException {
        long t0 = System.nanoTime();
        Request r = new Request.Builder().url(url).post(RequestBody.create(BODY, JSON)).build();
        try (Response response = client.newCall(r).execute(); InputStream in = response.body().byteStream()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from " + url);
            }
            byte[] buf = new byte[16 * 1024];
            while (in.read(buf) >= 0) {
                // drain
            }
        }
        return System.nanoTime() - t0;
    }

    /** Tokens per second of {@code calls} streamed calls from {@code streams} threads. */
    private static double throughput(OkHttpClient client, String url, int streams, int calls, int tokensPerCall)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < streams; i++) {
                futures.add(pool.submit(() -> {
                    while (next.getAndIncrement() < calls) {
                        call(client, url);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return done.get() * (double) tokensPerCall / seconds;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double pct(long[] sortedNanos, double q) {
        int i = (int) Math.min(sortedNanos.length - 1, Math.round(q * (sortedNanos.length - 1)));
        return sortedNanos[i] / 1e6;
    }
}
