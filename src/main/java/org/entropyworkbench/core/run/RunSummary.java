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
 * @param failedSteps question-steps the server refused and no step line replaced, as in {@link RunFile#failedSteps()}
 */
public record RunSummary(Path path, RunHeader header, List<StepSummary> steps, List<RunFile.LineProblem> problems,
                         boolean partialTail, List<FailedStep> failedSteps) {

    public RunSummary {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
        failedSteps = failedSteps == null ? List.of() : List.copyOf(failedSteps);
    }

    /** Summarises every step of a run as read, without gate scores (mean-entropy analyses only). */
    public static RunSummary of(RunFile run) {
        return of(run, StepScorer.NONE);
    }

    /** Summarises every step of a run as read, step-1 records with the {@code scorer}'s gate scores. */
    public static RunSummary of(RunFile run, StepScorer scorer) {
        List<StepSummary> steps = new ArrayList<>(run.steps().size());
        for (StepRecord r : run.steps()) {
            steps.add(StepSummary.of(r, scorer));
        }
        return new RunSummary(run.path(), run.header(), steps, run.problems(), run.partialTail(), run.failedSteps());
    }

    /** The same summary read from another path (a cache entry made for the same file under another name). */
    public RunSummary withPath(Path newPath) {
        return new RunSummary(newPath, header, steps, problems, partialTail, failedSteps);
    }
}
