package org.entropyworkbench.ui.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;

/**
 * Reads a run file and analyses it at the default settings, producing a {@link LoadedRun}.
 * Blocking: call from background work only. Stateless, any thread.
 */
public final class RunFileLoader {

    /** Files larger than this are read without per-token texts (entropies are always kept). */
    static final long FULL_DETAIL_LIMIT_BYTES = 64L * 1024 * 1024;

    private RunFileLoader() {
    }

    /** Reads and analyses {@code file}; throws (naming the file) only when it has no usable header. */
    public static LoadedRun load(Path file) throws IOException {
        RunFileReader.Detail detail = Files.size(file) > FULL_DETAIL_LIMIT_BYTES
                ? RunFileReader.Detail.SUMMARY : RunFileReader.Detail.FULL;
        RunFile run = RunFileReader.read(file, detail);
        return new LoadedRun(run, analyse(run, AnalysisOptions.defaults()), null);
    }

    /**
     * The run's analysis, or null when it has neither a complete question nor a labelled step 1
     * (nothing to show yet).
     */
    public static RunAnalysis analyse(RunFile run, AnalysisOptions options) {
        if (run.steps().isEmpty()) {
            return null;
        }
        RunAnalysis analysis = RunAnalysis.of(run, options);
        if (analysis.outcomes().isEmpty() && analysis.runOutcomes().step1Labels().isEmpty()) {
            return null;
        }
        return analysis;
    }

    /** The file's problems as lines for a dialog: malformed lines, a partial tail. Empty when clean. */
    public static List<String> problems(RunFile run) {
        List<String> out = new ArrayList<>();
        for (RunFile.LineProblem p : run.problems()) {
            out.add(p.message());
        }
        if (run.partialTail()) {
            out.add(run.path().getFileName() + ": the last line is incomplete (the run was interrupted"
                    + " while writing it); it was ignored");
        }
        return out;
    }
}
