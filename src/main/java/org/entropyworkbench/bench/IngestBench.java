package org.entropyworkbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Issue 4 item 1: reading recorded top-20 logprobs (run format with raw {@code top}, and raw
 * OpenAI responses) and computing the entropies for k = 5, 10, 15, 20, against the plain Python
 * reference on the same file (whose means must agree) and against reading the file's bytes.
 *
 * <p>Runs on the calling thread; CPU time is that thread's (ThreadMXBean), which leaves out GC
 * threads; wall time is reported too.
 */
public final class IngestBench implements BenchSection {

    static final String SECTION = "Ingest (top-20 logprobs -> entropies for k = 5, 10, 15, 20)";
    static final double TARGET_RECORDS_PER_CPU_SECOND = 250_000;
    static final double TARGET_PYTHON_RATIO = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Token records seen, those with a usable entry, and the per-k mean entropy over the usable ones. */
    public record Ingested(long records, long usable, double[] means) {
    }

    /** One way of reading a file into entropies. */
    @FunctionalInterface
    public interface Ingester {
        Ingested ingest(Path file) throws IOException;
    }

    /** One timed ingest: wall and thread-CPU nanoseconds. */
    public record Timing(long wallNanos, long cpuNanos, Ingested result) {
    }

    @Override
    public String id() { return "ingest"; }

    @Override
    public String title() { return SECTION; }

    /** The project's run format: RunFileReader (FULL) then TopKEntropy over every recorded {@code top}. */
    public static Ingested ingestRunFile(Path file) throws IOException {
        RunFile run = RunFileReader.read(file, RunFileReader.Detail.FULL);
        EntropySums sums = new EntropySums();
        String[] tokens = new String[32];
        for (StepRecord step : run.steps()) {
            if (step.topLogprobs() == null) {
                continue;
            }
            for (StepRecord.TopLogprobs p : step.topLogprobs()) {
                int n = p.logprobs().length;
                if (tokens.length < n) {
                    tokens = new String[n];
                }
                for (int i = 0; i < n; i++) {
                    tokens[i] = p.tokens().get(i);
                }
                sums.add(p.logprobs(), tokens, n);
            }
        }
        return sums.result();
    }


    /** Accumulates per-k entropy sums; one per ingest, one thread. */
    static final class EntropySums {
        private final int[] ks = TopKEntropy.ABLATION_KS;
        private final double[] out = new double[ks.length];
        private final double[] sums = new double[ks.length];
        private final TopKEntropy entropy = TopKEntropy.forThisThread();
        private long records;
        private long usable;

        void add(double[] logprobs, String[] tokens, int count) {
            records++;
            entropy.compute(logprobs, tokens, count, ks, out);
            if (Double.isNaN(out[ks.length - 1])) {
                return;
            }
            usable++;
            for (int j = 0; j < ks.length; j++) {
                sums[j] += out[j];
            }
        }

        Ingested result() {
            double[] means = new double[ks.length];
            for (int j = 0; j < ks.length; j++) {
                means[j] = usable == 0 ? Double.NaN : sums[j] / usable;
            }
            return new Ingested(records, usable, means);
        }
    }

    /**
     * Runs {@code repeats} timed ingests after two warm-ups (JIT) and returns the median by wall time.
     * The timing's result is what the ingester returned (null for an ingester that only does the work).
     */
    public static Timing measure(Ingester ingester, Path file, int repeats) throws IOException {
        ingester.ingest(file);
        ingester.ingest(file);
        List<Timing> timings = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            Ingested result = ingester.ingest(file);
            long wall = System.nanoTime() - wall0;
            long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
            timings.add(new Timing(wall, cpu, result));
        }
        timings.sort(Comparator.comparingLong(Timing::wallNanos));
        return timings.get(timings.size() / 2);
    }

    /** Best wall time of reading all bytes of the file (the practical limit of any reader). */
    public static long plainReadNanos(Path file, int repeats) throws IOException {
        long best = Long.MAX_VALUE;
        long guard = 0;
        for (int r = 0; r < repeats + 1; r++) {
            long t0 = System.nanoTime();
            byte[] all = Files.readAllBytes(file);
            long t = System.nanoTime() - t0;
            guard += all[all.length / 2];
            if (r > 0) {
                best = Math.min(best, t);
            }
        }
        return guard == Long.MIN_VALUE ? -1 : best;
    }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        int steps = context.size(60, 500);
        int repeats = context.size(3, 5);
        Path runFile = IngestData.runFile(context.dataDir(), steps, 1L);
        Path openAiFile = IngestData.openAiFile(context.dataDir(), steps, 1L);
        measureFormat(context, report, "run format", "run", runFile, IngestBench::ingestRunFile, IngestBench::ingestRunFile,
                1e-9, repeats);
        report.note(SECTION, "run format: RunFileReader (FULL, raw top-20 per token) then TopKEntropy for k = 5/10/15/20 "
                + "from one sort per token; duplicate texts merged, sentinels dropped, as the Python reference does.");
        measureFormat(context, report, "OpenAI responses", "openai", openAiFile, OpenAiIngest::importOnly,
                OpenAiIngest::importAndMeasure, 1e-4, repeats);
        report.note(SECTION, "OpenAI responses: the project's OpenAiResponseImporter with its default options (read, "
                + "entropies for k = 5/10/15/20 and tail mass from the full top-20, write a run file); its timing includes "
                + "writing the run file. Raw top-k is not written back, like `ew run` without --record-top "
                + "(`import-openai --record-top` writes it). Means are compared at 1e-4 because the run file stores "
                + "entropies with 4 decimals.");
    }

    private static void measureFormat(BenchContext context, BenchReport report, String label, String pyFormat, Path file,
                                      Ingester timed, Ingester check, double tolerance, int repeats) throws Exception {
        long bytes = Files.size(file);
        context.progress("ingest", label + ": " + file.getFileName() + " (" + bytes / (1024 * 1024) + " MB)");
        Ingested result = check.ingest(file);
        Timing t = measure(timed, file, repeats);
        long records = result.records();
        double perCpuSecond = records / (t.cpuNanos() / 1e9);
        double perWallSecond = records / (t.wallNanos() / 1e9);
        long plain = plainReadNanos(file, 3);
        report.info(SECTION, label + ": token records", records, "records");
        report.target(SECTION, label + ": token records per CPU-second (ingest thread)", perCpuSecond, "records/s",
                null, Double.NaN, ">= 250,000", perCpuSecond >= TARGET_RECORDS_PER_CPU_SECOND);
        report.info(SECTION, label + ": token records per wall-second", perWallSecond, "records/s");
        report.compared(SECTION, label + ": bytes per wall-second", bytes / (t.wallNanos() / 1e9) / 1e6, "MB/s",
                "read all bytes", bytes / (plain / 1e9) / 1e6);
        if (context.python() == null || PythonReference.locateScript() == null) {
            report.note(SECTION, label + ": python3 or bench/reference_ingest.py not found: the 10x comparison was not run.");
            return;
        }
        context.progress("ingest", label + ": python reference");
        PythonReference.Result py = PythonReference.run(context.python(), PythonReference.locateScript(), pyFormat, file, 3600);
        double pyWall = py.records() / py.wallSeconds();
        report.target(SECTION, label + ": speed vs Python reference (records per wall-second)", perWallSecond, "records/s",
                "python json+math", pyWall, ">= 10x", perWallSecond >= TARGET_PYTHON_RATIO * pyWall);
        report.compared(SECTION, label + ": speed vs Python reference (records per CPU-second)", perCpuSecond, "records/s",
                "python json+math", py.records() / py.cpuSeconds());
        double maxDiff = 0;
        for (int j = 0; j < py.means().length; j++) {
            maxDiff = Math.max(maxDiff, Math.abs(py.means()[j] - result.means()[j]));
        }
        boolean same = py.records() == records && py.usable() == result.usable() && maxDiff < tolerance;
        report.note(SECTION, String.format(Locale.ROOT,
                "%s: Java and Python computed the same thing: %s (records %d vs %d, usable %d vs %d, "
                        + "mean H k=5/10/15/20 Java %s, max |difference| %.2e bits)",
                label, same ? "yes" : "NO", records, py.records(), result.usable(), py.usable(),
                Arrays.toString(round(result.means())), maxDiff));
        if (!same) {
            report.target(SECTION, label + ": Java and Python means agree", maxDiff, "bits", null, Double.NaN,
                    "< " + tolerance, false);
        }
    }

    private static String[] round(double[] v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = String.format(Locale.ROOT, "%.6f", v[i]);
        }
        return s;
    }
}
