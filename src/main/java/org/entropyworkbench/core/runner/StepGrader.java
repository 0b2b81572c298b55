package org.entropyworkbench.core.runner;

import org.entropyworkbench.core.grading.Grade;
import org.entropyworkbench.core.grading.Grader;
import org.entropyworkbench.core.protocol.PreparedQuestion;

/**
 * Grades the visible answer of one question-step. Usually the dataset kind's {@link Grader}
 * against the prepared expected answer; a replay instead repeats the recorded verdict.
 * Called on worker threads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface StepGrader {

    Grade grade(PreparedQuestion question, int step, String answerText);

    /** Grades with {@code grader} against the question's expected answer in graded form. */
    static StepGrader using(Grader grader) {
        return (question, step, text) -> grader.grade(text == null ? "" : text, question.expectedAnswer());
    }
}
