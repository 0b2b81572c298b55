package org.entropyworkbench.core.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses a {@link FieldMapping} from column names, for the common public shapes: AIME
 * ({@code problem}/{@code answer}, {@code Problem}/{@code Answer}/{@code ID}, {@code question}/{@code answer}),
 * the GPQA CSV ({@code Question}, {@code Correct Answer}, {@code Incorrect Answer 1..3}, {@code Record ID})
 * and lettered or listed options ({@code A}..{@code D}, {@code options}, {@code choices}) with an answer.
 * Names are compared ignoring case, spaces and punctuation, and only whole names match, so GPQA's
 * "Pre-Revision Question" is not taken for the question. The kind is left null (detected from the rows).
 * Stateless; any thread.
 */
final class FieldMappingDetector {

    private static final List<String> ID_NAMES =
            List.of("id", "recordid", "problemid", "questionid", "qid", "pid", "uid", "uniqueid", "idx");
    private static final List<String> QUESTION_NAMES =
            List.of("question", "problem", "prompt", "questiontext", "problemtext", "input", "query");
    private static final List<String> ANSWER_NAMES =
            List.of("answer", "finalanswer", "expectedanswer", "goldanswer", "target", "gold", "label", "expected");
    private static final List<String> CORRECT_NAMES =
            List.of("correctanswer", "correctoption", "correctchoice", "correct", "rightanswer");
    private static final Pattern INCORRECT =
            Pattern.compile("(?:incorrect(?:answer|option|choice)?|wrong(?:answer|option)?|distractor)(\\d+)");
    private static final List<String> LIST_OPTION_NAMES = List.of("options", "choices", "optionslist");
    private static final Pattern LETTERED_OPTION = Pattern.compile("(?:option|choice|opt|op)?([a-j])");
    private static final Pattern NUMBERED_OPTION = Pattern.compile("(?:option|choice)(\\d+)");

    private FieldMappingDetector() {
    }

    static Optional<FieldMapping> detect(List<String> columns) {
        String question = find(columns, QUESTION_NAMES);
        if (question == null) {
            return Optional.empty();
        }
        String id = find(columns, ID_NAMES);
        String answer = find(columns, ANSWER_NAMES);
        String correct = find(columns, CORRECT_NAMES);
        List<String> incorrect = numbered(columns, INCORRECT);
        if (correct != null && !incorrect.isEmpty()) {
            return Optional.of(FieldMapping.correctAndIncorrect(id, question, correct, incorrect));
        }
        if (answer == null) {
            answer = correct;
        }
        if (answer == null) {
            return Optional.empty();
        }
        List<String> options = optionFields(columns, answer);
        if (!options.isEmpty()) {
            return Optional.of(FieldMapping.listedOptions(id, question, options, answer));
        }
        return Optional.of(FieldMapping.plain(id, question, answer));
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String find(List<String> columns, List<String> wanted) {
        for (String w : wanted) {
            for (String c : columns) {
                if (normalise(c).equals(w)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static List<String> numbered(List<String> columns, Pattern pattern) {
        record Numbered(String column, int number) { }
        List<Numbered> found = new ArrayList<>();
        for (String c : columns) {
            Matcher m = pattern.matcher(normalise(c));
            if (m.matches()) {
                found.add(new Numbered(c, Integer.parseInt(m.group(1))));
            }
        }
        found.sort(Comparator.comparingInt(Numbered::number));
        return found.stream().map(Numbered::column).toList();
    }

    /** A single list field ("options", "choices"), else lettered (A, B, option_a ...) or numbered fields, at least two. */
    private static List<String> optionFields(List<String> columns, String answerField) {
        String list = find(columns, LIST_OPTION_NAMES);
        if (list != null && !list.equals(answerField)) {
            return List.of(list);
        }
        List<String> lettered = new ArrayList<>();
        for (char letter = 'a'; letter <= 'j'; letter++) {
            String column = letteredColumn(columns, letter, answerField);
            if (column == null) {
                break;
            }
            lettered.add(column);
        }
        if (lettered.size() >= 2) {
            return lettered;
        }
        List<String> numbered = numbered(columns, NUMBERED_OPTION);
        return numbered.size() >= 2 ? numbered : List.of();
    }

    private static String letteredColumn(List<String> columns, char letter, String answerField) {
        for (String c : columns) {
            Matcher m = LETTERED_OPTION.matcher(normalise(c));
            if (!c.equals(answerField) && m.matches() && m.group(1).charAt(0) == letter) {
                return c;
            }
        }
        return null;
    }
}
