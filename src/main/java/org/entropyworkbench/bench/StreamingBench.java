package org.entropyworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.ChatRequest;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.OpenAiCompatibleClient;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.runner.RunListener;
import org.entropyworkbench.core.runner.RunStatus;

/**
 * Issue 4 item 4: the provider + run pipeline (OpenAiCompatibleClient, RunEngine with entropy
 * accumulation, grading and fsynced run-file appends) over loopback from {@link LoopbackSseServer}
 * with 64 concurrent streams. Three measurements in one run: the raw transport baseline
 * ({@link RawSseDrain}), the pipeline unpaced (its ceiling), and the pipeline with the server paced at
 * 20,000 tokens/s aggregate (does it keep up, at what CPU). CPU is the process's CPU time minus the
 * test server's handler threads. Bounded: fixed request counts, each phase with a timeout.
 */
public final class StreamingBench implements BenchSection {

    static final String SECTION = "Streaming (64 concurrent loopback streams, top-20 logprobs)";
    static final int STREAMS = 64;
    static final double TARGET_TOKENS_PER_SECOND = 20_000;

    @Override
    public String id() { return "streaming"; }

    @Override
    public String title() { return SECTION; }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        int tokensPerResponse = context.size(400, 1000);
        int questions = context.size(64, 128);
        int steps = 4;
        long calls = (long) questions * steps;
        Path dir = Files.createDirectories(context.dataDir().resolve("streaming"));
        int cores = Runtime.getRuntime().availableProcessors();

        double rawTokensPerSecond;
        try (LoopbackSseServer server = LoopbackSseServer.start(
                new LoopbackSseServer.Settings(tokensPerResponse, 0, FaultPlan.NONE, 3L, LoopbackRun.ANSWER))) {
            context.progress("streaming", "raw transport baseline: " + calls + " responses x " + tokensPerResponse + " tokens");
            RawSseDrain.drain(server.port(), STREAMS, STREAMS);
            long t0 = System.nanoTime();
            long before = server.stats().tokensSent();
            RawSseDrain.drain(server.port(), STREAMS, (int) calls);
            rawTokensPerSecond = (server.stats().tokensSent() - before) / ((System.nanoTime() - t0) / 1e9);
        }

        context.progress("streaming", "provider client alone: " + calls + " calls from " + STREAMS + " threads");
        Phase client = providerOnly(tokensPerResponse, (int) calls, Duration.ofSeconds(30));
        report.compared(SECTION, "provider client alone (entropies computed, nothing recorded), unpaced", client.tokens / client.seconds,
                "tokens/s", "raw socket drain", rawTokensPerSecond);
        report.info(SECTION, "provider client CPU per million tokens (unpaced)", client.cpuSeconds / (client.tokens / 1e6), "CPU-s");
        context.progress("streaming", "provider client alone, read timeout off (diagnostic)");
        Phase noTimeout = providerOnly(tokensPerResponse, (int) calls, Duration.ZERO);
        report.compared(SECTION, "diagnostic: provider client alone with OkHttp's read timeout off", noTimeout.tokens / noTimeout.seconds,
                "tokens/s", "same client, 30 s read timeout", client.tokens / client.seconds);

        context.progress("streaming", "pipeline, unpaced: " + questions + " questions x " + steps + " steps");
        Phase unpaced = phase(dir.resolve("unpaced.jsonl"), tokensPerResponse, 0, questions, steps);
        double unpacedRate = unpaced.tokens / unpaced.seconds;
        report.target(SECTION, "pipeline throughput, server unpaced", unpacedRate, "tokens/s", "raw socket drain",
                rawTokensPerSecond, ">= 20,000 tokens/s", unpacedRate >= TARGET_TOKENS_PER_SECOND);
        report.info(SECTION, "pipeline CPU per million tokens (unpaced)", unpaced.cpuSeconds / (unpaced.tokens / 1e6), "CPU-s");
        report.info(SECTION, "pipeline cores busy (unpaced, of " + cores + ")", unpaced.cpuSeconds / unpaced.seconds, "cores");

        double perStream = TARGET_TOKENS_PER_SECOND / STREAMS;
        context.progress("streaming", "pipeline, server paced at " + (int) TARGET_TOKENS_PER_SECOND + " tokens/s aggregate");
        Phase paced = phase(dir.resolve("paced.jsonl"), tokensPerResponse, perStream, questions, steps);
        double pacedRate = paced.tokens / paced.seconds;
        double idealSeconds = (double) tokensPerResponse * steps * Math.ceil((double) questions / STREAMS) / perStream;
        report.target(SECTION, "pipeline throughput, server paced at 20,000 tokens/s", pacedRate, "tokens/s",
                "paced server's own limit", paced.tokens / idealSeconds, ">= 95% of the paced limit",
                pacedRate >= 0.95 * paced.tokens / idealSeconds);
        report.info(SECTION, "pipeline CPU at 20,000 tokens/s (share of one core)", 100 * paced.cpuSeconds / paced.seconds, "%");
        report.info(SECTION, "pipeline CPU at 20,000 tokens/s (share of the machine)",
                100 * paced.cpuSeconds / paced.seconds / cores, "%");
        report.note(SECTION, String.format(Locale.ROOT,
                "%d questions x %d steps x %d tokens per run (%d calls, %d concurrent); every step checked in the run file "
                        + "(count, %d token records each, graded correct). Raw baseline: %s tokens/s, no parsing.",
                questions, steps, tokensPerResponse, calls, STREAMS, tokensPerResponse, BenchReport.format(rawTokensPerSecond)));
        report.note(SECTION, "CPU = process CPU time minus the test server's handler threads (JIT and GC threads included).");
    }

    private record Phase(long tokens, double seconds, double cpuSeconds) {
    }

    private static Phase phase(Path output, int tokensPerResponse, double perStreamRate, int questions, int steps)
            throws IOException, InterruptedException {
        Files.deleteIfExists(output);
        try (LoopbackSseServer server = LoopbackSseServer.start(
                new LoopbackSseServer.Settings(tokensPerResponse, perStreamRate, FaultPlan.NONE, 3L, LoopbackRun.ANSWER))) {
            long serverCpu0 = server.stats().handlerCpuNanos();
            LoopbackRun.Outcome o = LoopbackRun.run(server.baseUrl(), questions, steps, STREAMS, LoopbackRun.fastRetries(),
                    output, new RunListener() { }, 600);
            long serverCpu = server.stats().handlerCpuNanos() - serverCpu0;
            if (o.summary() == null || o.summary().status() != RunStatus.COMPLETED) {
                throw new IOException("streaming run did not complete: "
                        + (o.summary() == null ? "timed out" : o.summary().status() + " " + o.summary().errorMessage()));
            }
            verify(output, questions, steps, tokensPerResponse);
            long tokens = (long) questions * steps * tokensPerResponse;
            return new Phase(tokens, o.wallNanos() / 1e9, Math.max(0, o.processCpuNanos() - serverCpu) / 1e9);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** OpenAiCompatibleClient from 64 threads, each token fed to a StepEntropyAccumulator; no engine, no file. */
    private static Phase providerOnly(int tokensPerResponse, int calls, Duration readTimeout) throws IOException, InterruptedException {
        try (LoopbackSseServer server = LoopbackSseServer.start(
                new LoopbackSseServer.Settings(tokensPerResponse, 0, FaultPlan.NONE, 3L, LoopbackRun.ANSWER));
             OpenAiCompatibleClient client = new OpenAiCompatibleClient(new EndpointSettings(ServerPreset.VLLM, server.baseUrl(),
                     "bench-model", null, 20, 0.7, 8192, null, STREAMS, 0, Duration.ofSeconds(5), readTimeout))) {
            ChatRequest request = new ChatRequest("q", 1, List.of(ChatMessage.user("What is 3 + 4?")), "bench-model", 0.7, 8192,
                    20, null, null);
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            AtomicInteger left = new AtomicInteger(calls);
            AtomicLong tokens = new AtomicLong();
            List<String> errors = new CopyOnWriteArrayList<>();
            long serverCpu0 = server.stats().handlerCpuNanos();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < STREAMS; t++) {
                Thread thread = new Thread(() -> {
                    while (left.getAndDecrement() > 0) {
                        StepEntropyAccumulator acc = new StepEntropyAccumulator();
                        try {
                            client.stream(request, acc, CancellationToken.none());
                            tokens.addAndGet(acc.size());
                        } catch (ProviderException e) {
                            errors.add(e.getMessage());
                        }
                    }
                }, "bench-client-" + t);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu = os.getProcessCpuTime() - cpu0 - (server.stats().handlerCpuNanos() - serverCpu0);
            if (!errors.isEmpty()) {
                throw new IOException("provider client failed " + errors.size() + " calls, first: " + errors.get(0));
            }
            return new Phase(tokens.get(), seconds, Math.max(0, cpu) / 1e9);
        }
    }

    /** Every question-step recorded once, with all its token records and a correct answer. */
    static void verify(Path output, int questions, int steps, int tokensPerResponse) throws IOException {
        RunFile run = RunFileReader.read(output, RunFileReader.Detail.SUMMARY);
        if (run.steps().size() != questions * steps || !run.problems().isEmpty()) {
            throw new IOException("streaming run file " + output.getFileName() + " has " + run.steps().size()
                    + " steps (expected " + questions * steps + ") and " + run.problems().size() + " problems");
        }
        for (StepRecord s : run.steps()) {
            if (s.tokenRecordCount() != tokensPerResponse || !Boolean.TRUE.equals(s.correct())) {
                throw new IOException("streaming run file " + output.getFileName() + ": " + s.questionId() + " step "
                        + s.step() + " has " + s.tokenRecordCount() + " token records (expected " + tokensPerResponse
                        + "), correct=" + s.correct());
            }
        }
    }
}
