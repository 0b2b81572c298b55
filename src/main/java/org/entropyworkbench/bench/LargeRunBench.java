package org.entropyworkbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 4 item 2: opening a large simulated run to the analysis view's numbers (RunFileReader
 * SUMMARY + RunAnalysis + top-k ablation) in a child JVM with {@code -Xmx1g} ({@link LargeRunProbe}),
 * for 30, 2,000 and (full mode) 20,000 questions, to show how time and memory grow. The 20,000-question
 * run holds ~100 million token records, more than 1 GB of entropies, so it gets a larger heap
 * and only its growth is judged. Baseline: streaming the same file's bytes from disk.
 */
public final class LargeRunBench implements BenchSection {

    static final String SECTION = "Large runs (open to the analysis view's numbers)";
    static final double TARGET_SECONDS = 3.0;
    static final long TARGET_HEAP = 1L << 30;

    @Override
    public String id() { return "large"; }

    @Override
    public String title() { return SECTION; }

    /** What the child JVM reported for one file, plus the baseline read time. */
    record Probe(int questions, long tokenRecords, long fileBytes, double readMillis, double analysisMillis, long peakHeap,
                 String xmx, double plainReadMillis) {
        double totalMillis() { return readMillis + analysisMillis; }
    }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        int[] sizes = context.quick() ? new int[] {30, 300, 2000} : new int[] {30, 2000, 20000};
        List<Probe> probes = new ArrayList<>();
        for (int q : sizes) {
            context.progress("large", q + " questions: generating if missing");
            Path file = LargeRunData.file(context.dataDir(), q);
            String xmx = q <= 2000 ? "-Xmx1g" : "-Xmx8g";
            context.progress("large", q + " questions: " + Files.size(file) / (1024 * 1024) + " MB, opening in a child JVM " + xmx);
            double plain = plainReadMillis(file);
            String out = ChildJvm.run(LargeRunProbe.class, List.of(xmx), List.of(file.toString()), 1800);
            JsonNode json = new ObjectMapper().readTree(out.strip());
            probes.add(new Probe(q, json.path("tokenRecords").asLong(), Files.size(file), json.path("readMillis").asDouble(),
                    json.path("analysisMillis").asDouble(), json.path("peakHeapBytes").asLong(), xmx, plain));
        }
        Probe base = probes.get(0);
        for (Probe p : probes) {
            String label = String.format(Locale.ROOT, "%,d questions (%.1f M token records, %d MB)", p.questions(),
                    p.tokenRecords() / 1e6, p.fileBytes() / (1024 * 1024));
            if (p.questions() == 2000) {
                report.target(SECTION, label + ": open time", p.totalMillis() / 1000, "s", "stream the file's bytes",
                        p.plainReadMillis() / 1000, "< 3 s", p.totalMillis() / 1000 < TARGET_SECONDS);
                report.target(SECTION, label + ": peak heap (" + p.xmx() + ")", p.peakHeap() / 1e6, "MB", null, Double.NaN,
                        "< 1 GB", p.peakHeap() < TARGET_HEAP);
            } else {
                report.compared(SECTION, label + ": open time", p.totalMillis() / 1000, "s", "stream the file's bytes",
                        p.plainReadMillis() / 1000);
                report.info(SECTION, label + ": peak heap (" + p.xmx() + ")", p.peakHeap() / 1e6, "MB");
            }
            report.info(SECTION, label + ": of which analysis (RunAnalysis + ablation)", p.analysisMillis(), "ms");
        }
        for (int i = 1; i < probes.size(); i++) {
            Probe prev = probes.get(i - 1);
            Probe p = probes.get(i);
            double recordsGrowth = (double) p.tokenRecords() / prev.tokenRecords();
            report.compared(SECTION, String.format(Locale.ROOT, "time growth %,d -> %,d questions", prev.questions(), p.questions()),
                    p.totalMillis() / prev.totalMillis(), "x", "token-record growth", recordsGrowth);
            report.compared(SECTION, String.format(Locale.ROOT, "heap growth %,d -> %,d questions", prev.questions(), p.questions()),
                    (double) p.peakHeap() / prev.peakHeap(), "x", "token-record growth", recordsGrowth);
        }
        Probe last = probes.get(probes.size() - 1);
        report.info(SECTION, "open time per million token records (largest run)", last.totalMillis() / (last.tokenRecords() / 1e6), "ms");
        report.info(SECTION, "peak heap per token record (largest run)", (double) last.peakHeap() / last.tokenRecords(), "bytes");
        report.note(SECTION, "Each size is opened in a fresh child JVM (default G1 collector, as ./ew runs) so the JIT is cold, as when a user opens a file; "
                + "peak heap = sum of the heap pools' peaks (an upper bound); a ratio near 1 for growth vs token records = linear. "
                + "Sizes 30/" + (context.quick() ? "300/2000" : "2000/20000") + "; baseline base: " + base.questions() + " questions.");
    }

    /** Best of two: reading the file's bytes through a 1 MB buffer (not held in memory). */
    static double plainReadMillis(Path file) throws IOException {
        double best = Double.MAX_VALUE;
        byte[] buffer = new byte[1 << 20];
        for (int r = 0; r < 2; r++) {
            long t0 = System.nanoTime();
            long sum = 0;
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sum += buffer[n - 1];
                }
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e6 + (sum == Long.MIN_VALUE ? 1 : 0));
        }
        return best;
    }
}
