package org.entropyworkbench.core.protocol;

import org.entropyworkbench.core.dataset.Problem;

/**
 * A problem made ready for the protocol: its text as the model sees it (options shuffled with a
 * recorded seed for multiple choice) and the expected answer in graded form.
 *
 * @param problem        the dataset row
 * @param renderedQuestion question text plus lettered options when multiple choice
 * @param expectedAnswer integer text, the correct option's letter after shuffling, or free text
 * @param shuffleSeed    seed of the option shuffle (0 when not multiple choice)
 */
public record PreparedQuestion(Problem problem, String renderedQuestion, String expectedAnswer, long shuffleSeed) {
}
