package org.entropyworkbench.core.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file-level rules of reading a run, applied to its lines in file order: messages naming file
 * and line, a repeated question-step reported and the first copy kept, a JSON syntax error on the
 * last line taken as a half-written tail (the trace of a crash) rather than a problem. Shared by the
 * sequential reader and {@link ParallelRunFileReader}, so both give the same {@link RunFile}.
 * Single-threaded.
 */
final class RunAssembly {

    private final Path path;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<RunFile.LineProblem> problems = new ArrayList<>();
    private final Map<String, Long> firstLineOfStep = new HashMap<>();
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
        return new RunFile(path, header, steps, problems, partialTail);
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
