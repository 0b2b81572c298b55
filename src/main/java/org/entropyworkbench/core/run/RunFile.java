package org.entropyworkbench.core.run;

import java.nio.file.Path;
import java.util.List;

/**
 * A run file as read: the header, every good step line, and what was wrong with the rest.
 *
 * @param path        where it was read from
 * @param header      the header line
 * @param steps       every well-formed step line, in file order (first copy of a duplicate kept)
 * @param problems    malformed or duplicate lines, each naming file and line; empty when clean
 * @param partialTail true when the file ends in a half-written line (the trace of a crash)
 * @param failedSteps question-steps the server refused (e.g. too long for the context) and that no later
 *                    step line replaced, one per question-step (the last refusal kept), in file order
 */
public record RunFile(Path path, RunHeader header, List<StepRecord> steps, List<LineProblem> problems, boolean partialTail,
                      List<FailedStep> failedSteps) {
    public RunFile {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
        failedSteps = failedSteps == null ? List.of() : List.copyOf(failedSteps);
    }

    /** A run file without failed steps. */
    public RunFile(Path path, RunHeader header, List<StepRecord> steps, List<LineProblem> problems, boolean partialTail) {
        this(path, header, steps, problems, partialTail, List.of());
    }

    /** A line that could not be used. {@code message} names the file, line and field. */
    public record LineProblem(long lineNumber, String message) {
    }
}
