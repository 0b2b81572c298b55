package org.entropyworkbench.ui.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.cache.SummaryCache;
import org.entropyworkbench.core.cache.SummaryLoader;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunSummary;

/**
 * Reads a run file and analyses it at the default settings, producing a {@link LoadedRun}: from the
 * summary cache ({@code core.cache}) when it holds this version of the file, so nothing is parsed and
 * the per-token records are read only when a screen needs them; else by parsing the file once (kept
 * for the question reader) and storing its summary for next time.
 * Blocking: call from background work only. Stateless, any thread.
 */
public final class RunFileLoader {

    /** Files larger than this are read without per-token texts (entropies are always kept). */
    static final long FULL_DETAIL_LIMIT_BYTES = 64L * 1024 * 1024;

    private RunFileLoader() {
    }

    /** Reads and analyses {@code file} through the user's summary cache. */
    public static LoadedRun load(Path file) throws IOException {
        return load(file, SummaryCache.userDefault());
    }

    /**
     * Reads and analyses {@code file}; throws (naming the file) only when it has no usable header.
     *
     * @param cache null to parse without the cache
     */
    public static LoadedRun load(Path file, SummaryCache cache) throws IOException {
        SummaryLoader.Loaded loaded = SummaryLoader.load(file, cache, RunDetail.detailFor(file));
        RunDetail detail = loaded.run() == null ? RunDetail.onDemand(file) : RunDetail.of(loaded.run());
        RunSummary summary = loaded.summary();
        return new LoadedRun(summary, analyse(summary, loaded.run(), AnalysisOptions.defaults()), null, detail);
    }

    /**
     * The run's analysis at {@code options}: from its summary when that holds what the options need,
     * else from its per-token records (read now if they were not). Null when it has neither a complete
     * question nor a labelled step 1. Blocking: background threads only.
     */
    public static RunAnalysis analyse(LoadedRun run, AnalysisOptions options) {
        return analyse(run.summary(), null, options, run);
    }

    /**
     * The run's analysis, or null when it has neither a complete question nor a labelled step 1
     * (nothing to show yet).
     */
    public static RunAnalysis analyse(RunFile run, AnalysisOptions options) {
        if (run.steps().isEmpty()) {
            return null;
        }
        return orNull(RunAnalysis.of(run, options));
    }

    private static RunAnalysis analyse(RunSummary summary, RunFile parsed, AnalysisOptions options) {
        return analyse(summary, parsed, options, null);
    }

    private static RunAnalysis analyse(RunSummary summary, RunFile parsed, AnalysisOptions options, LoadedRun owner) {
        if (summary.steps().isEmpty()) {
            return null;
        }
        if (RunAnalysis.coveredBySummary(summary, options)) {
            return orNull(RunAnalysis.of(summary, options));
        }
        RunFile run = parsed != null ? parsed : owner.file();
        return analyse(run, options);
    }

    private static RunAnalysis orNull(RunAnalysis analysis) {
        if (analysis.outcomes().isEmpty() && analysis.runOutcomes().step1Labels().isEmpty()) {
            return null;
        }
        return analysis;
    }

    /** The file's problems as lines for a dialog: malformed lines, a partial tail. Empty when clean. */
    public static List<String> problems(RunFile run) {
        return problems(run.path(), run.problems(), run.partialTail());
    }

    /** The problems the run's summary keeps, as {@link #problems(RunFile)} words them. */
    public static List<String> problems(RunSummary summary) {
        return problems(summary.path(), summary.problems(), summary.partialTail());
    }

    private static List<String> problems(Path path, List<RunFile.LineProblem> lineProblems, boolean partialTail) {
        List<String> out = new ArrayList<>();
        for (RunFile.LineProblem p : lineProblems) {
            out.add(p.message());
        }
        if (partialTail) {
            out.add(path.getFileName() + ": the last line is incomplete (the run was interrupted"
                    + " while writing it); it was ignored");
        }
        return out;
    }
}
