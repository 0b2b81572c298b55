package org.entropyworkbench.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs JMH benchmarks in a forked JVM (JMH's own isolation) and returns their scores. Quick mode
 * trades precision for time: one fork, short warm-up and measurement.
 */
public final class JmhLauncher {

    /** A benchmark's average time and its 99.9% error, in {@code unit}. */
    public record Score(double score, double error, String unit) {
    }

    private JmhLauncher() {
    }

    /**
     * Runs the benchmark methods of {@code benchmarkClass} whose names match {@code methodRegex}
     * (average time); keys are method names.
     */
    public static Map<String, Score> run(Class<?> benchmarkClass, String methodRegex, boolean quick) throws RunnerException {
        return collect(new Runner(base(benchmarkClass, methodRegex)
                .warmupIterations(quick ? 2 : 5)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 1000))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 300 : 1000))
                .build()).run());
    }

    /**
     * Single-shot timing for slow baselines (one call takes seconds): {@code shots} measured calls
     * after {@code warmups} unmeasured ones, reported in milliseconds.
     */
    public static Map<String, Score> runSingleShot(Class<?> benchmarkClass, String methodRegex, int warmups, int shots)
            throws RunnerException {
        return collect(new Runner(base(benchmarkClass, methodRegex)
                .mode(Mode.SingleShotTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .warmupIterations(warmups)
                .measurementIterations(shots)
                .build()).run());
    }

    private static ChainedOptionsBuilder base(Class<?> benchmarkClass, String methodRegex) {
        return new OptionsBuilder()
                .include(benchmarkClass.getName().replace(".", "\\.") + "\\.(" + methodRegex + ")$")
                .forks(1)
                .jvmArgsAppend("-Xmx1g")
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
    }

    private static Map<String, Score> collect(Collection<RunResult> results) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            scores.put(method, new Score(r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                    r.getPrimaryResult().getScoreUnit()));
        }
        return scores;
    }
}
