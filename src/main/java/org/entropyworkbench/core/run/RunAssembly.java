package org.entropyworkbench.core.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file-level rules of reading a run, applied to its lines in file order: messages naming file
 * and line, a repeated question-step reported and the first copy kept, a JSON syntax error on the
 * last line taken as a half-written tail (the trace of a crash) rather than a problem, a refused
 * question-step ({@link FailedStep}) kept unless a step line for it exists. Shared by the
 * sequential reader and {@link ParallelRunFileReader}, so both give the same {@link RunFile}.
 * Single-threaded.
 */
final class RunAssembly {

    private final Path path;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<RunFile.LineProblem> problems = new ArrayList<>();
    private final Map<String, Long> firstLineOfStep = new HashMap<>();
    private final Map<String, FailedStep> failedSteps = new LinkedHashMap<>();
    private RunFile.LineProblem pendingSyntaxProblem;
    private boolean partialTail;

    RunAssembly(Path path) {
        this.path = path;
    }

    /**
     * Called for every non-blank line after the header, before its outcome: a syntax error pending
     * from the line before becomes a problem, since the file went on. Returns false for a line with
     * no line end (a half-written last line): reading stops there.
     */
    boolean nextLine(boolean terminated) {
        if (pendingSyntaxProblem != null) {
            problems.add(pendingSyntaxProblem);
            pendingSyntaxProblem = null;
        }
        if (!terminated) {
            partialTail = true;
            return false;
        }
        return true;
    }

    void apply(long lineNumber, StepLineParser.LineOutcome outcome) {
        switch (outcome.kind()) {
            case STEP -> addStep(lineNumber, outcome.step());
            case FAILED -> addFailedStep(outcome.failed());
            case PROBLEM -> problem(lineNumber, outcome.text());
            case SYNTAX -> pendingSyntaxProblem = new RunFile.LineProblem(lineNumber,
                    RunFileException.describe(path, lineNumber) + ": not valid JSON (" + outcome.text() + ")");
            case IGNORED -> {
            }
        }
    }

    RunFile finish(RunHeader header) {
        if (pendingSyntaxProblem != null) {
            partialTail = true;
        }
        failedSteps.keySet().removeAll(firstLineOfStep.keySet());
        return new RunFile(path, header, steps, problems, partialTail, List.copyOf(failedSteps.values()));
    }

    /**
     * The gzip data ended early: the file was cut off (an incomplete copy), not a run interrupted
     * mid-line. Replaces a half-written tail with a problem that says so; the lines before the cut are kept.
     *
     * @param lineNumber the line reading stopped at
     * @param message    the full message (file, sizes, what to do)
     */
    void cutOff(long lineNumber, String message) {
        pendingSyntaxProblem = null;
        partialTail = false;
        problems.add(new RunFile.LineProblem(lineNumber, message));
    }

    /** A refused question-step; a later refusal of the same step replaces it, a step line overrides it. */
    private void addFailedStep(FailedStep f) {
        String key = f.questionId() + '\n' + f.step();
        failedSteps.remove(key);
        failedSteps.put(key, f);
    }

    private void addStep(long lineNumber, StepRecord r) {
        String key = r.questionId() + '\n' + r.step();
        Long first = firstLineOfStep.putIfAbsent(key, lineNumber);
        if (first != null) {
            problem(lineNumber, "duplicate of question \"" + r.questionId() + "\" step " + r.step()
                    + " (first at line " + first + "); the first is kept");
            return;
        }
        steps.add(r);
    }

    private void problem(long lineNumber, String message) {
        problems.add(new RunFile.LineProblem(lineNumber, RunFileException.describe(path, lineNumber) + ": " + message));
    }
}
