package org.entropyworkbench.core.grading;

/** Extracts the final answer from a response and compares it with the expected one. Stateless, thread-safe. */
@FunctionalInterface
public interface Grader {
    /**
     * @param response the step's visible answer text (reasoning text is not graded)
     * @param expected the gold answer in graded form (integer text, option letter, or free text)
     */
    Grade grade(String response, String expected);
}
