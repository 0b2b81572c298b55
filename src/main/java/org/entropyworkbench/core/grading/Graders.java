package org.entropyworkbench.core.grading;

import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Problem;

/** The grader for each answer kind. The graders are stateless, so shared instances are returned. Any thread. */
public final class Graders {

    private static final Grader INTEGER = new AimeIntegerGrader();
    private static final Grader MULTIPLE_CHOICE = new MultipleChoiceGrader();
    private static final Grader FREE = new GenericGrader();

    private Graders() {
    }

    /** Integer: {@link AimeIntegerGrader}; multiple choice: {@link MultipleChoiceGrader} for A-D; free: {@link GenericGrader}. */
    public static Grader forKind(AnswerKind kind) {
        return switch (kind) {
            case INTEGER -> INTEGER;
            case MULTIPLE_CHOICE -> MULTIPLE_CHOICE;
            case FREE -> FREE;
        };
    }

    /** As {@link #forKind}, except that multiple choice accepts as many letters as the problem has options. */
    public static Grader forProblem(Problem problem) {
        if (problem.kind() == AnswerKind.MULTIPLE_CHOICE && problem.options().size() >= 2
                && problem.options().size() <= 26 && problem.options().size() != 4) {
            return new MultipleChoiceGrader(problem.options().size());
        }
        return forKind(problem.kind());
    }
}
