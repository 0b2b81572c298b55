package org.entropyworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;

/** Reads a run for a command and reports its line problems on stderr as warnings. */
final class RunLoading {

    private static final int MAX_PROBLEMS_SHOWN = 10;

    private RunLoading() {
    }

    static RunFile read(Path path, PrintWriter err) throws IOException {
        RunFile run = RunFileReader.read(path, RunFileReader.Detail.SUMMARY);
        int shown = 0;
        for (RunFile.LineProblem p : run.problems()) {
            if (shown++ == MAX_PROBLEMS_SHOWN) {
                err.println("warning: ... and " + (run.problems().size() - MAX_PROBLEMS_SHOWN) + " more problem lines");
                break;
            }
            err.println("warning: " + p.message());
        }
        if (run.partialTail()) {
            err.println("warning: " + path.getFileName() + " ends in a half-written line (a run cut off mid-step); it was ignored");
        }
        err.flush();
        return run;
    }
}
