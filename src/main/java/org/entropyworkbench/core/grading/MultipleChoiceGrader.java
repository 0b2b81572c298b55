package org.entropyworkbench.core.grading;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grades multiple-choice answers: extracts one option letter and compares it with the expected
 * letter. Where the letter is looked for, in order:
 * <ol>
 *   <li>the last non-empty {@code \boxed{...}} holding a letter ({@code \boxed{C}}, {@code \boxed{\text{(C)}}});</li>
 *   <li>the last answer statement ("Answer: C", "The final answer is (C)", "**Answer:** C");</li>
 *   <li>the last standalone capital letter in range, including "(C)" and "**C**". Letters inside
 *       words, abbreviations ("U.S.") and ranges ("A-D") do not count, nor a capital "A" used as an
 *       article ("A good reason ..."), so "I think A... no, actually B" gives B.</li>
 * </ol>
 * Only letters from A up to the last option's letter (D by default) are considered.
 * Stateless; any thread.
 */
public final class MultipleChoiceGrader implements Grader {

    private static final Pattern BOXED_LETTER = Pattern.compile("^[(\\[]?\\s*([A-Za-z])\\s*[)\\].:]?(?:\\s.*)?$",
            Pattern.DOTALL);
    private static final Pattern ANSWER_STATEMENT = Pattern.compile(
            "(?i:\\b(?:final\\s+answer|answer|correct\\s+option|correct\\s+choice|correct\\s+answer)\\b)"
                    + "[\\s*_]*(?:(?i:is|would\\s+be|should\\s+be|will\\s+be)\\b|[:=])?"
                    + "[\\s:*_(\\[{$]*(?:\\\\(?:text|textbf|mathrm|mathbf)\\{)?([A-Z])(?![A-Za-z0-9'’])");
    private static final Pattern STANDALONE =
            Pattern.compile("(?<![A-Za-z0-9'’\\-\\\\])([A-Z])(?![A-Za-z0-9'’+\\-])(?!\\.[A-Za-z])");
    private static final Pattern FOLLOWING_WORD = Pattern.compile("\\s+([a-z]+)\\b");
    /** Words that may follow an option letter "A" in a sentence, so the "A" is not an article. */
    private static final Set<String> VERBS_AFTER_LETTER = Set.of("is", "was", "seems", "looks", "appears", "must",
            "would", "should", "could", "can", "fits", "matches", "remains", "gives", "because", "and", "or",
            "since", "as", "then", "so", "best", "correct", "wins", "it", "instead", "only", "too", "also", "here");

    private final char lastLetter;

    /** A grader for options A to D. */
    public MultipleChoiceGrader() {
        this(4);
    }

    /** A grader for options A up to the {@code optionCount}-th letter (2 to 26). */
    public MultipleChoiceGrader(int optionCount) {
        if (optionCount < 2 || optionCount > 26) {
            throw new IllegalArgumentException("option count must be 2..26, was " + optionCount);
        }
        this.lastLetter = (char) ('A' + optionCount - 1);
    }

    @Override
    public Grade grade(String response, String expected) {
        String letter = extract(response);
        if (letter == null) {
            return Grade.ungradable();
        }
        return new Grade(letter, expected != null && letter.equalsIgnoreCase(expected.strip()));
    }

    /** The extracted letter (upper case), or null when none is found. */
    public String extract(String response) {
        if (response == null || response.isBlank()) {
            return null;
        }
        String boxed = LatexAnswers.lastBoxed(response);
        if (boxed != null) {
            Matcher m = BOXED_LETTER.matcher(LatexAnswers.clean(boxed));
            if (m.matches() && inRange(m.group(1).toUpperCase(Locale.ROOT).charAt(0))) {
                return m.group(1).toUpperCase(Locale.ROOT);
            }
        }
        String stated = lastInRange(ANSWER_STATEMENT.matcher(response), response, false);
        if (stated != null) {
            return stated;
        }
        return lastInRange(STANDALONE.matcher(response), response, true);
    }

    private String lastInRange(Matcher m, String text, boolean skipArticles) {
        String last = null;
        while (m.find()) {
            char c = m.group(1).charAt(0);
            if (!inRange(c)) {
                continue;
            }
            if (skipArticles && c == 'A' && isArticle(text, m.end(1))) {
                continue;
            }
            last = String.valueOf(c);
        }
        return last;
    }

    /** True when the "A" ending at {@code end} is followed by a lower-case word that is not a verb-like word. */
    private static boolean isArticle(String text, int end) {
        Matcher word = FOLLOWING_WORD.matcher(text);
        word.region(end, text.length());
        return word.lookingAt() && !VERBS_AFTER_LETTER.contains(word.group(1));
    }

    private boolean inRange(char c) {
        return c >= 'A' && c <= lastLetter;
    }
}
