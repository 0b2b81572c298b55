package org.entropyworkbench.bench;

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
 * alternating in the same rounds. Both details: FULL (everything, as the ingest section reads) and
 * SUMMARY (what the analysis and the summary cache need).
 */
public final class ParallelParseBench implements BenchSection {

    static final String SECTION = "Parsing large run files on every core";

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
            for (int r = -1; r < rounds; r++) {
                context.progress(id(), detail + (r < 0 ? ": warm-up" : ": round " + (r + 1) + " of " + rounds));
                long t0 = System.nanoTime();
                RunFile a = RunFileReader.read(file, detail);
                long t1 = System.nanoTime();
                RunFile b = ParallelRunFileReader.read(file, detail);
                long t2 = System.nanoTime();
                double plain = LargeRunBench.plainReadMillis(file);
                if (a.steps().size() != b.steps().size() || !a.problems().equals(b.problems())) {
                    throw new IllegalStateException("parallel and sequential readers disagree on " + file);
                }
                if (r >= 0) {
                    seq.add((t1 - t0) / 1e6);
                    par.add((t2 - t1) / 1e6);
                    raw.add(plain);
                }
            }
            double s = WholeProcess.median(seq);
            double p = WholeProcess.median(par);
            double plain = WholeProcess.median(raw);
            String label = String.format(Locale.ROOT, "%,d questions, %d MB, %s", questions, bytes >> 20, detail);
            report.compared(SECTION, label + ": parallel (" + cores + " threads) vs sequential reader", p, "ms", "sequential", s);
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
        report.note(SECTION, "medians of " + rounds + " rounds after a warm-up; the file is in the page cache, so reading its"
                + " bytes runs at memory speed; the two readers agreed on steps and problems in every round");
    }
}
