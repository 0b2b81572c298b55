package org.entropyworkbench.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.SignalComparison;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.core.simulate.RunSimulator;
import org.entropyworkbench.core.simulate.SimulationProfile;
import org.entropyworkbench.core.simulate.SimulationSettings;

/**
 * Issue 11: every signal, every rule, 2,000 bootstrap resamples and a 2,000-permutation test on a
 * 2,000-question and a 20,000-question simulated run, against the naive path that recomputes every
 * resample from scratch (copy, class statistics with t-test, rules, a sorting trade-off evaluator,
 * AUROC by sorting), measured in the same run on the same data and seeds. The naive path on 20,000
 * questions would take minutes, so it is timed on a slice of the resamples and scaled (said in the report).
 */
public final class SignalsBench implements BenchSection {

    static final String SECTION = "Signals (issue 11): all signals, all rules, 2,000 bootstrap resamples";
    private static final int RESAMPLES = 2000;
    private static final int TOKEN_RECORDS = 100;

    @Override
    public String id() { return "signals"; }

    @Override
    public String title() { return SECTION; }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        List<Signal> signals = List.copyOf(EnumSet.allOf(Signal.class));
        for (int questions : context.quick() ? new int[] {2000} : new int[] {2000, 20000}) {
            context.progress("signals", "simulating " + questions + " questions");
            RunFile run = simulated(questions);
            AnalysisOptions options = AnalysisOptions.defaults();
            int reps = context.quick() || questions > 2000 ? 3 : 5;
            SignalComparison.of(run, options, signals, RESAMPLES, 1, SignalComparison.DEFAULT_PERMUTATIONS);
            List<Double> fast = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<SignalReport> result = null;
            for (int r = 0; r < reps; r++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                result = SignalComparison.of(run, options, signals, RESAMPLES, 1, SignalComparison.DEFAULT_PERMUTATIONS);
                fast.add((System.nanoTime() - t0) / 1e6);
                cpu.add((processCpuNanos() - c0) / 1e6);
            }
            double fastMs = median(fast);
            int naiveResamples = questions > 2000 || context.quick() ? 100 : RESAMPLES;
            context.progress("signals", "naive baseline on " + questions + " questions, " + naiveResamples + " resamples");
            long t0 = System.nanoTime();
            SignalComparison.of(run, options, signals, naiveResamples, 1, SignalComparison.DEFAULT_PERMUTATIONS, true);
            double naiveMs = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            SignalComparison.of(run, options, signals, 0, 1, SignalComparison.DEFAULT_PERMUTATIONS);
            double pointMs = (System.nanoTime() - t1) / 1e6;
            double naiveScaled = pointMs + (naiveMs - pointMs) * RESAMPLES / naiveResamples;
            String name = String.format(Locale.ROOT, "%,d questions: %d signals, 4 rules, %d resamples + permutation test",
                    questions, signals.size(), RESAMPLES);
            String baseline = naiveResamples == RESAMPLES ? "naive recomputation per resample"
                    : "naive recomputation per resample (" + naiveResamples + " timed, scaled to " + RESAMPLES + ")";
            if (questions == 2000) {
                report.target(SECTION, name, fastMs, "ms", baseline, naiveScaled, "< 1000 ms", fastMs < 1000);
            } else {
                report.compared(SECTION, name, fastMs, "ms", baseline, naiveScaled);
            }
            report.info(SECTION, String.format(Locale.ROOT, "%,d questions: point figures only (no bootstrap)", questions),
                    pointMs, "ms");
            report.info(SECTION, String.format(Locale.ROOT, "%,d questions: CPU time of the whole process during one"
                    + " fast comparison (all threads, incl. GC and JIT)", questions), median(cpu), "ms");
            long available = result.stream().filter(SignalReport::available).count();
            report.note(SECTION, String.format(Locale.ROOT, "%,d questions: median of %d timed repetitions after one warm-up;"
                    + " %d of %d signals available; step-1 records carry %d sampled token records each (signal computation"
                    + " is O(tokens), measured inside the point-figures time)", questions, reps, available, signals.size(),
                    TOKEN_RECORDS));
        }
    }

    /** A simulated reasoning run; steps 2..4 keep only what the trade-off needs, to keep 20,000 questions in memory. */
    private static RunFile simulated(int questions) {
        RunSimulator sim = new RunSimulator(new SimulationSettings(SimulationProfile.reasoning(), questions, 11,
                TOKEN_RECORDS, AnswerKind.INTEGER, null, false, Instant.EPOCH));
        List<StepRecord> steps = new ArrayList<>(questions * RunSimulator.STEPS);
        for (StepRecord s : sim.steps()) {
            steps.add(s.step() == 1 ? s : new StepRecord(s.questionId(), s.step(), null, s.model(), s.server(),
                    s.temperature(), s.maxTokens(), s.topK(), null, null, s.extractedAnswer(), s.expectedAnswer(),
                    s.correct(), s.promptTokens(), s.completionTokens(), s.finishReason(), null, null, Map.of(), null,
                    null, s.flags(), s.startedAt(), s.durationMillis()));
        }
        return new RunFile(Path.of("simulated-" + questions + ".jsonl"), sim.header(), steps, List.of(), false);
    }

    /** CPU time of this JVM so far, all threads; wall time on a machine shared by many processes says less. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1_000_000L;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
