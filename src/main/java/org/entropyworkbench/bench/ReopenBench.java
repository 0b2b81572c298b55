package org.entropyworkbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.cache.SummaryCache;
import org.entropyworkbench.core.cache.SummaryLoader;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.RunSummary;

/**
 * Issue 12: re-opening a run that was opened before, to the analysis view's numbers (summary +
 * {@code RunAnalysis} + top-k ablation + channel means), in this JVM (as the window does), from the
 * summary cache; the baseline is the same work parsing the file (SUMMARY detail), measured
 * alternately in the same rounds. 2,000 questions (about 10 million token records) in full mode, 300
 * in quick mode.
 */
public final class ReopenBench implements BenchSection {

    static final String SECTION = "Re-opening a run (summary cache)";

    @Override
    public String id() { return "reopen"; }

    @Override
    public String title() { return SECTION; }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        int questions = context.size(300, 2000);
        context.progress(id(), questions + " questions: generating if missing");
        Path file = LargeRunData.file(context.dataDir(), questions);
        Path cacheDir = Files.createTempDirectory("bench-reopen-cache");
        try {
            SummaryCache cache = new SummaryCache(cacheDir);
            SummaryLoader.load(file, cache); // the first open, which fills the cache
            List<Double> parsed = new ArrayList<>();
            List<Double> cached = new ArrayList<>();
            int rounds = context.size(3, 5);
            for (int r = -1; r < rounds; r++) {
                context.progress(id(), r < 0 ? "warm-up round" : "round " + (r + 1) + " of " + rounds);
                double p = timeMillis(() -> analyse(RunSummary.of(RunFileReader.read(file, RunFileReader.Detail.SUMMARY))));
                double c = timeMillis(() -> {
                    SummaryLoader.Loaded loaded = SummaryLoader.load(file, cache);
                    if (!loaded.fromCache()) {
                        throw new IllegalStateException("the summary cache missed on a re-open");
                    }
                    analyse(loaded.summary());
                });
                if (r >= 0) {
                    parsed.add(p);
                    cached.add(c);
                }
            }
            double c = WholeProcess.median(cached);
            double p = WholeProcess.median(parsed);
            String label = String.format(Locale.ROOT, "%,d questions (%d MB): re-open to the analysis", questions,
                    Files.size(file) / (1024 * 1024));
            if (questions == 2000) {
                report.target(SECTION, label, c, "ms", "parsing the file", p, "<= 50 ms", c <= 50);
            } else {
                report.compared(SECTION, label, c, "ms", "parsing the file", p);
                report.note(SECTION, "quick mode: the target (<= 50 ms for 2,000 questions) is judged in full mode only");
            }
            report.info(SECTION, "cache entry size", Files.size(onlyEntry(cacheDir)) / 1024.0, "KiB");
            report.note(SECTION, "medians of " + rounds + " rounds after a warm-up; parse and cache alternate in every round");
        } finally {
            StartupBench.deleteTree(cacheDir);
        }
    }

    private static void analyse(RunSummary summary) {
        RunAnalysis a = RunAnalysis.of(summary, AnalysisOptions.defaults());
        a.topKAblation();
        a.channelMeans();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double timeMillis(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static Path onlyEntry(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".ewsum")).findFirst().orElseThrow();
        }
    }
}
