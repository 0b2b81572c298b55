package org.entropyworkbench.core.runner;

import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.run.StepRecord;

/**
 * What a run knows about one question: the visible answers of its recorded steps (the earlier
 * turns of its next step), its step-1 entropy and verdicts, and how many steps it should end with.
 *
 * <p>Owned by one thread at a time: the session's coordinator between phases, else the worker
 * that took the question's job (the job queue hands it over safely).
 */
final class QuestionState {

    /** Target not decided yet (gated: before step 1). */
    static final int UNDECIDED = -1;

    private final PreparedQuestion question;
    private final List<String> answers = new ArrayList<>();
    private double h1 = Double.NaN;
    private Boolean step1Correct;
    private Boolean lastCorrect;
    private int targetSteps = UNDECIDED;
    private boolean finished;
    private String failure;

    QuestionState(PreparedQuestion question) {
        this.question = question;
    }

    PreparedQuestion question() { return question; }

    String id() { return question.problem().id(); }

    /** Steps recorded so far (they are always 1..n). */
    int stepsDone() { return answers.size(); }

    List<String> answers() { return List.copyOf(answers); }

    double h1() { return h1; }

    Boolean step1Correct() { return step1Correct; }

    Boolean lastCorrect() { return lastCorrect; }

    int targetSteps() { return targetSteps; }

    void targetSteps(int steps) { targetSteps = steps; }

    boolean needsMoreSteps() { return failure == null && (targetSteps == UNDECIDED || stepsDone() < targetSteps); }

    /**
     * The server refused this question's next step (too long for the context): it runs no further step
     * and counts as done, never as correct.
     */
    void markFailed(String reason) {
        failure = reason;
    }

    /** Why the question stopped with a failed step, or null when it did not. */
    String failure() { return failure; }

    /** Marks the question finished once; returns true the first time (for counting). */
    boolean markFinished() {
        if (finished || needsMoreSteps()) {
            return false;
        }
        finished = true;
        return true;
    }

    /** Adds the next step's record; {@code k} is the top-k whose mean entropy is the gate's H. */
    void add(StepRecord r, int k) {
        add(r, first -> StepEntropyAccumulator.mean(first.entropies(k), first.channels(), null));
    }

    /** Adds the next step's record; {@code step1Score} turns step 1 into the gate score (low = confident). */
    void add(StepRecord r, java.util.function.ToDoubleFunction<StepRecord> step1Score) {
        if (r.step() != stepsDone() + 1) {
            throw new IllegalStateException("question " + id() + ": step " + r.step() + " follows step " + stepsDone());
        }
        answers.add(r.text() == null ? "" : r.text());
        if (r.step() == 1) {
            h1 = step1Score.applyAsDouble(r);
            step1Correct = r.correct();
        }
        lastCorrect = r.correct();
    }
}
