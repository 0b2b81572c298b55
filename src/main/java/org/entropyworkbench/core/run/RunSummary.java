package org.entropyworkbench.core.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run reduced to what the analysis needs: header, one {@link StepSummary} per good step line (file
 * order, first copy of a duplicate kept, as in {@link RunFile}), and the file's problems. Built from a
 * {@link RunFile} or read back from the summary cache ({@code core.cache}). Immutable; any thread.
 *
 * @param path        where the run was read from
 * @param header      the header line
 * @param steps       per step line, in file order
 * @param problems    malformed or duplicate lines, as the reader reported them
 * @param partialTail true when the file ends in a half-written line
 */
public record RunSummary(Path path, RunHeader header, List<StepSummary> steps, List<RunFile.LineProblem> problems,
                         boolean partialTail) {

    public RunSummary {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    /** Summarises every step of a run as read. */
    public static RunSummary of(RunFile run) {
        List<StepSummary> steps = new ArrayList<>(run.steps().size());
        for (StepRecord r : run.steps()) {
            steps.add(StepSummary.of(r));
        }
        return new RunSummary(run.path(), run.header(), steps, run.problems(), run.partialTail());
    }
}
