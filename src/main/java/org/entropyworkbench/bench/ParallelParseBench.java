package org.entropyworkbench.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entropyworkbench.core.run.ParallelRunFileReader;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;

/**
 * Issue 12: reading a large uncompressed run file on every core ({@link ParallelRunFileReader})
 * against the sequential {@link RunFileReader} and against reading the same bytes, all three
 * alternating in the same rounds (which reader goes first alternates too; no earlier result is
 * alive during a read). Both details: FULL (everything, as the ingest section reads) and
 * SUMMARY (what the analysis and the summary cache need). Besides wall time it reports each reader's
 * process CPU time (all threads: workers, GC, JIT) and the GC pause time during its reads, because
 * the parsed arrays all survive their read, so young collections copy them while the readers wait.
 */
public final class ParallelParseBench implements BenchSection {

    static final String SECTION = "Parsing large run files on every core";
    /**
     * Untimed rounds per detail before the timed ones. Two, because with one the first detail's timed
     * rounds still ran while C2 compiled the parser (70-100 ms of JIT-thread CPU per read at load 14).
     */
    static final int WARM_UP_ROUNDS = 2;

    @Override
    public String id() { return "parse"; }

    @Override
    public String title() { return SECTION; }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        int questions = context.size(300, 2000);
        Path file = LargeRunData.file(context.dataDir(), questions);
        long bytes = Files.size(file);
        int cores = Runtime.getRuntime().availableProcessors();
        int rounds = context.size(3, 5);
        for (RunFileReader.Detail detail : List.of(RunFileReader.Detail.SUMMARY, RunFileReader.Detail.FULL)) {
            List<Double> seq = new ArrayList<>();
            List<Double> par = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            List<Double> seqCpu = new ArrayList<>();
            List<Double> parCpu = new ArrayList<>();
            List<Double> seqGc = new ArrayList<>();
            List<Double> parGc = new ArrayList<>();
            for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
                context.progress(id(), detail + (r < 0 ? ": warm-up" : ": round " + (r + 1) + " of " + rounds));
                boolean parallelFirst = (r & 1) != 0;
                Timed first = timed(file, detail, parallelFirst);
                Timed second = timed(file, detail, !parallelFirst);
                Timed sequential = parallelFirst ? second : first;
                Timed parallel = parallelFirst ? first : second;
                double plain = LargeRunBench.plainReadMillis(file);
                if (sequential.steps() != parallel.steps() || !sequential.problems().equals(parallel.problems())) {
                    throw new IllegalStateException("parallel and sequential readers disagree on " + file);
                }
                if (r >= 0) {
                    seq.add(sequential.millis());
                    par.add(parallel.millis());
                    raw.add(plain);
                    seqCpu.add(sequential.cpuMillis());
                    parCpu.add(parallel.cpuMillis());
                    seqGc.add(sequential.gcMillis());
                    parGc.add(parallel.gcMillis());
                }
            }
            double s = WholeProcess.median(seq);
            double p = WholeProcess.median(par);
            double plain = WholeProcess.median(raw);
            String label = String.format(Locale.ROOT, "%,d questions, %d MB, %s", questions, bytes >> 20, detail);
            report.compared(SECTION, label + ": parallel (" + cores + " threads) vs sequential reader", p, "ms", "sequential", s);
            report.compared(SECTION, label + ": parallel reader process CPU time vs sequential", WholeProcess.median(parCpu), "ms",
                    "sequential", WholeProcess.median(seqCpu));
            report.compared(SECTION, label + ": GC pauses during the parallel read vs the sequential", WholeProcess.median(parGc), "ms",
                    "sequential", WholeProcess.median(seqGc));
            double mbPerS = bytes / (p / 1e3) / 1e6;
            double plainMbPerS = bytes / (plain / 1e3) / 1e6;
            if (detail == RunFileReader.Detail.FULL) {
                report.target(SECTION, label + ": parallel reader bytes per second vs reading the bytes", mbPerS, "MB/s",
                        "read all bytes", plainMbPerS, ">= 0.25x", mbPerS >= 0.25 * plainMbPerS);
            } else {
                report.compared(SECTION, label + ": parallel reader bytes per second vs reading the bytes", mbPerS, "MB/s",
                        "read all bytes", plainMbPerS);
            }
        }
        report.note(SECTION, "medians of " + rounds + " rounds after " + WARM_UP_ROUNDS + " warm-up rounds; the file is in the page cache, so reading its"
                + " bytes runs at memory speed; the readers take turns going first and no other result is alive during a read; the two readers agreed on steps and problems in every round; CPU = the whole"
                + " process's CPU time during the read (workers, GC and JIT threads); GC pauses = the collectors' collection"
                + " time during the read (GarbageCollectorMXBean; on JDK 17's G1 that is the stop-the-world pauses)");
    }

    /** One timed read: wall, process CPU and GC time, and what the comparison of the two readers needs. */
    private record Timed(double millis, double cpuMillis, double gcMillis, int steps, List<RunFile.LineProblem> problems) {
    }

    /**
     * Reads the file once with one reader and keeps only counts and problems, so no earlier result is
     * alive during the next read and a young collection in a read copies that read's arrays only. Before,
     * the read that came second in a round paid for copying the first one's still-young result (up to
     * 1.7 s of young-collection pauses per read at load 13, all of it on the parallel reader, which
     * always came second). No {@code System.gc()} before a read: it shrank the heap to 40-56 MB, so every
     * read then paid three or four young collections while the heap grew back, which a user's JVM does not.
     */
    private static Timed timed(Path file, RunFileReader.Detail detail, boolean parallel) throws Exception {
        long c0 = processCpuNanos();
        long g0 = gcPauseMillis();
        long t0 = System.nanoTime();
        RunFile run = parallel ? ParallelRunFileReader.read(file, detail) : RunFileReader.read(file, detail);
        long t1 = System.nanoTime();
        return new Timed((t1 - t0) / 1e6, (processCpuNanos() - c0) / 1e6, gcPauseMillis() - g0, run.steps().size(), run.problems());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcPauseMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
