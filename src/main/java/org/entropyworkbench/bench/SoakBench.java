package org.entropyworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.runner.RunListener;
import org.entropyworkbench.core.runner.RunStatus;

/**
 * Issue 4 item 6, first half: question-steps through a fault-injecting loopback server (random
 * 429s, 500s, connection resets mid-stream, malformed chunks) with the real client and run engine.
 * Passes when every question-step is recorded exactly once. When the engine gives up on a step
 * (a fatal verdict or attempts exhausted) the run is resumed from its file, as a user would; the
 * number of sessions is reported.
 */
public final class SoakBench implements BenchSection {

    static final String SECTION = "Soak (fault-injecting loopback server)";
    /** 5% each of 429, 500, reset mid-stream, malformed chunk: one request in five misbehaves. */
    public static final FaultPlan FAULTS = new FaultPlan(0.05, 0.05, 0.05, 0.05);

    /**
     * What a soak did.
     *
     * @param expectedSteps   question-steps planned
     * @param recordedOnce    question-steps found exactly once in the file
     * @param missing         planned question-steps not in the file
     * @param duplicates      question-steps the reader reported as repeated
     * @param otherProblems   other malformed lines reported by the reader
     * @param sessions        run sessions needed (1 = no resume)
     * @param restartedFlags  steps flagged "restarted"
     * @param listenerRestarts onStepRestarted calls seen
     * @param stats           the server's counters (faults injected by kind)
     * @param lastStatus      how the last session ended
     * @param lastError       its error message, or null
     * @param seconds         wall time of all sessions
     */
    public record Result(int expectedSteps, int recordedOnce, int missing, int duplicates, int otherProblems, int sessions,
                         int restartedFlags, int listenerRestarts, LoopbackSseServer.Stats stats, RunStatus lastStatus,
                         String lastError, double seconds) {
        public boolean everyStepExactlyOnce() {
            return recordedOnce == expectedSteps && missing == 0 && duplicates == 0 && otherProblems == 0;
        }
    }

    @Override
    public String id() { return "soak"; }

    @Override
    public String title() { return SECTION; }

    /**
     * Runs a soak of {@code questions * 4} question-steps into {@code output} (deleted first).
     *
     * @param maxSessions resume at most this many times in total
     */
    public static Result soak(Path output, int questions, int tokensPerResponse, int concurrency, FaultPlan faults, long seed,
                              int maxSessions) throws IOException, InterruptedException {
        int steps = 4;
        Files.deleteIfExists(output);
        AtomicInteger restarts = new AtomicInteger();
        RunListener listener = new RunListener() {
            @Override
            public void onStepRestarted(String questionId, int step, String reason) {
                restarts.incrementAndGet();
            }
        };
        try (LoopbackSseServer server = LoopbackSseServer.start(
                new LoopbackSseServer.Settings(tokensPerResponse, 0, faults, seed, LoopbackRun.ANSWER))) {
            int sessions = 0;
            RunStatus status = null;
            String error = null;
            long t0 = System.nanoTime();
            while (sessions < maxSessions) {
                sessions++;
                LoopbackRun.Outcome o = LoopbackRun.run(server.baseUrl(), questions, steps, concurrency,
                        LoopbackRun.fastRetries(), output, listener, 600);
                status = o.summary() == null ? null : o.summary().status();
                error = o.summary() == null ? "timed out" : o.summary().errorMessage();
                if (status == RunStatus.COMPLETED) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return tally(output, questions, steps, sessions, restarts.get(), server.stats(), status, error, seconds);
        }
    }

    private static Result tally(Path output, int questions, int steps, int sessions, int restarts, LoopbackSseServer.Stats stats,
                                RunStatus status, String error, double seconds) throws IOException {
        RunFile run = RunFileReader.read(output, RunFileReader.Detail.SUMMARY);
        Map<String, Integer> seen = new HashMap<>();
        int restartedFlags = 0;
        for (StepRecord s : run.steps()) {
            seen.merge(s.questionId() + "#" + s.step(), 1, Integer::sum);
            if (s.flags().contains("restarted")) {
                restartedFlags++;
            }
        }
        int once = 0;
        int missing = 0;
        for (int q = 0; q < questions; q++) {
            for (int s = 1; s <= steps; s++) {
                Integer c = seen.get("q" + q + "#" + s);
                if (c == null) {
                    missing++;
                } else if (c == 1) {
                    once++;
                }
            }
        }
        int duplicates = 0;
        int other = 0;
        for (RunFile.LineProblem p : run.problems()) {
            if (p.message().toLowerCase(Locale.ROOT).contains("duplicate") || p.message().toLowerCase(Locale.ROOT).contains("twice")
                    || p.message().toLowerCase(Locale.ROOT).contains("repeated")) {
                duplicates++;
            } else {
                other++;
            }
        }
        return new Result(questions * steps, once, missing, duplicates, other, sessions, restartedFlags, restarts, stats,
                status, error, seconds);
    }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        int questions = 250;
        Path output = Files.createDirectories(context.dataDir().resolve("soak")).resolve("soak.jsonl");
        context.progress("soak", (questions * 4) + " question-steps, 20% of requests faulty");
        Result r = soak(output, questions, 60, 16, FAULTS, 99L, 10);
        report.target(SECTION, "question-steps recorded exactly once", r.recordedOnce(), "steps", null, Double.NaN,
                "all " + r.expectedSteps() + ", none missing or repeated", r.everyStepExactlyOnce());
        report.info(SECTION, "missing question-steps", r.missing(), "steps");
        report.info(SECTION, "repeated question-steps reported by the reader", r.duplicates(), "steps");
        report.info(SECTION, "requests served", r.stats().requests(), "requests");
        for (FaultPlan.Fault f : FaultPlan.Fault.values()) {
            if (f != FaultPlan.Fault.NONE) {
                report.info(SECTION, "faults injected: " + f.name().toLowerCase(Locale.ROOT).replace('_', ' '), r.stats().faults(f), "requests");
            }
        }
        report.info(SECTION, "steps flagged restarted", r.restartedFlags(), "steps");
        report.info(SECTION, "run sessions needed (resume after a fatal stop)", r.sessions(), "sessions");
        report.info(SECTION, "wall time", r.seconds(), "s");
        if (r.lastStatus() != RunStatus.COMPLETED) {
            report.note(SECTION, "last session ended " + r.lastStatus() + ": " + r.lastError());
        }
        Files.deleteIfExists(output);
    }
}
