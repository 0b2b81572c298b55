package org.entropyworkbench.ui.datasets;

import org.entropyworkbench.core.dataset.Problem;

/**
 * A problem as the dataset table shows it.
 *
 * @param id       problem id
 * @param question first line of the question, shortened to {@link #QUESTION_CHARS} characters
 * @param answer   the gold answer (the correct option's text for multiple choice)
 * @param kind     the answer kind's wire name
 * @param problem  the full problem, for the search filter and details
 */
public record ProblemRow(String id, String question, String answer, String kind, Problem problem) {

    static final int QUESTION_CHARS = 120;

    public static ProblemRow of(Problem p) {
        return new ProblemRow(p.id(), firstLine(p.question(), QUESTION_CHARS), firstLine(p.answer(), 60),
                p.kind().wireName(), p);
    }

    /** True when every word of {@code query} occurs (case-insensitive) in the id, question, answer or options. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = (problem.id() + "\n" + problem.question() + "\n" + problem.answer() + "\n"
                + String.join("\n", problem.options())).toLowerCase(java.util.Locale.ROOT);
        for (String word : query.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The first non-blank line of {@code text}, cut to {@code max} characters with an ellipsis. */
    static String firstLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip();
        int nl = line.indexOf('\n');
        boolean more = nl >= 0;
        if (more) {
            line = line.substring(0, nl).strip();
        }
        if (line.length() > max) {
            return line.substring(0, max - 1) + "…";
        }
        return more ? line + " …" : line;
    }
}
