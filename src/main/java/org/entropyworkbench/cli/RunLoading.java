package org.entropyworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.entropyworkbench.core.cache.SummaryCache;
import org.entropyworkbench.core.cache.SummaryLoader;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.ParallelRunFileReader;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.RunSummary;

/** Reads a run's summaries for a command (through the summary cache) and reports its line problems on stderr as warnings. */
final class RunLoading {

    private static final int MAX_PROBLEMS_SHOWN = 10;

    private RunLoading() {
    }

    /** Parses a run (no cache: for what needs the step records); its line problems go to stderr as warnings. */
    static RunFile read(Path path, PrintWriter err) throws IOException {
        RunFile run = ParallelRunFileReader.read(path, RunFileReader.Detail.SUMMARY);
        warn(path, run.problems(), run.partialTail(), err);
        return run;
    }

    /**
     * The analysis of a run: from its summaries (through the summary cache) when they hold what the
     * options need, else from the parsed file (a signal at custom settings); warnings go to stderr once.
     */
    static RunAnalysis analysis(Path path, SummaryCache cache, AnalysisOptions options, PrintWriter err)
            throws IOException {
        RunSummary summary = summary(path, cache, err);
        if (RunAnalysis.coveredBySummary(summary, options)) {
            return RunAnalysis.of(summary, options);
        }
        return RunAnalysis.of(ParallelRunFileReader.read(path, RunFileReader.Detail.SUMMARY), options);
    }

    /**
     * The run's step summaries for an analysis, from the summary cache when it holds this version of
     * the file ({@code cache} null: always parse); its line problems go to stderr as warnings.
     */
    static RunSummary summary(Path path, SummaryCache cache, PrintWriter err) throws IOException {
        RunSummary run = SummaryLoader.load(path, cache).summary();
        warn(path, run.problems(), run.partialTail(), err);
        return run;
    }

    private static void warn(Path path, List<RunFile.LineProblem> problems, boolean partialTail, PrintWriter err) {
        int shown = 0;
        for (RunFile.LineProblem p : problems) {
            if (shown++ == MAX_PROBLEMS_SHOWN) {
                err.println("warning: ... and " + (problems.size() - MAX_PROBLEMS_SHOWN) + " more problem lines");
                break;
            }
            err.println("warning: " + p.message());
        }
        if (partialTail) {
            err.println("warning: " + path.getFileName() + " ends in a half-written line (a run cut off mid-step); it was ignored");
        }
        err.flush();
    }
}
