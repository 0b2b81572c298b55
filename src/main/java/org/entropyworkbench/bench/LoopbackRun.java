package org.entropyworkbench.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.grading.Grade;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.protocol.PromptSet;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.OpenAiCompatibleClient;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.core.runner.Endpoint;
import org.entropyworkbench.core.runner.RetryPolicy;
import org.entropyworkbench.core.runner.RunConfig;
import org.entropyworkbench.core.runner.RunEngine;
import org.entropyworkbench.core.runner.RunListener;
import org.entropyworkbench.core.runner.RunMode;
import org.entropyworkbench.core.runner.RunSession;
import org.entropyworkbench.core.runner.RunSummary;
import org.entropyworkbench.core.runner.StepGrader;

/**
 * Drives the real pipeline (OpenAiCompatibleClient -> RunEngine -> RunFileWriter) against the
 * loopback server: N invented integer questions, S steps each, one endpoint with the given
 * concurrency. Used by the streaming benchmark and the soak (and their tests).
 */
public final class LoopbackRun {

    /** What one session did: its summary, wall time and the CPU time of the whole process. */
    public record Outcome(RunSummary summary, long wallNanos, long processCpuNanos) {
    }

    /** The answer the loopback server's last token carries and the expected answer of every question. */
    public static final String ANSWER = "7";

    private LoopbackRun() {
    }

    /** Invented questions q0..q{n-1}; every expected answer is {@link #ANSWER}. */
    public static List<PreparedQuestion> questions(int n) {
        List<PreparedQuestion> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Problem p = new Problem("q" + i, "Benchmark question " + i + ": what is 3 + 4?", ANSWER, List.of(), AnswerKind.INTEGER);
            out.add(new PreparedQuestion(p, p.question(), ANSWER, 0));
        }
        return out;
    }

    /** A retry policy for local fault injection: many attempts, millisecond backoff. */
    public static RetryPolicy fastRetries() {
        return new RetryPolicy(60, 1, 20, true, 5_000, 60_000);
    }

    /**
     * Runs (or resumes, when {@code output} exists) a full-mode run and waits for it.
     *
     * @param timeoutSeconds the run is cancelled after this long
     */
    public static Outcome run(String baseUrl, int questions, int steps, int concurrency, RetryPolicy retry, Path output,
                              RunListener listener, long timeoutSeconds) throws InterruptedException {
        EndpointSettings settings = new EndpointSettings(ServerPreset.VLLM, baseUrl, "bench-model", null, 20, 0.7, 8192,
                null, concurrency, 0, Duration.ofSeconds(5), Duration.ofSeconds(30));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (OpenAiCompatibleClient client = new OpenAiCompatibleClient(settings)) {
            RunConfig config = RunConfig.builder()
                    .endpoint(new Endpoint(client, concurrency, 0, "vllm " + baseUrl))
                    .questions(questions(questions))
                    .dataset("bench-loopback", null, AnswerKind.INTEGER)
                    .prompts(new PromptSet("", "{question}", "Review your previous answer and give it again."))
                    .mode(RunMode.FULL)
                    .steps(steps)
                    .output(output)
                    .retryPolicy(retry)
                    .model("bench-model")
                    .title("loopback benchmark")
                    .grader(grader())
                    .simulated(true, Map.of("generator", "LoopbackSseServer"))
                    .build();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            RunSession session = RunEngine.start(config, listener);
            RunSummary summary = session.awaitCompletion(timeoutSeconds, TimeUnit.SECONDS);
            if (summary == null) {
                session.cancel();
                summary = session.awaitCompletion(30, TimeUnit.SECONDS);
            }
            long wall = System.nanoTime() - t0;
            return new Outcome(summary, wall, os.getProcessCpuTime() - cpu0);
        }
    }

    /** Checks the {@code \boxed{}} answer against the expected one; thread-safe. */
    private static StepGrader grader() {
        return (question, step, text) -> {
            if (text == null) {
                return Grade.ungradable();
            }
            int open = text.lastIndexOf("\\boxed{");
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (close < 0) {
                return Grade.ungradable();
            }
            String got = text.substring(open + 7, close).trim();
            return new Grade(got, got.equals(question.expectedAnswer()));
        };
    }
}
