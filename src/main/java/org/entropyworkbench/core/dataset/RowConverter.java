package org.entropyworkbench.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps one {@link RawRecord} to a {@link Problem} under a {@link FieldMapping} and an answer kind,
 * or explains (in a warning naming file, line and field) why the row cannot be used.
 * Stateless; any thread.
 */
final class RowConverter {

    /** Either a problem or the reason the row was skipped. */
    record Outcome(Problem problem, String warning) {
        static Outcome ok(Problem p) {
            return new Outcome(p, null);
        }

        static Outcome skipped(String warning) {
            return new Outcome(null, warning);
        }
    }

    private final String sourceName;
    private final FieldMapping mapping;
    private final AnswerKind kind;

    RowConverter(String sourceName, FieldMapping mapping, AnswerKind kind) {
        this.sourceName = sourceName;
        this.mapping = mapping;
        this.kind = kind;
    }

    Outcome convert(RawRecord row) {
        String where = sourceName + " " + row.locator() + ": ";
        String question = row.text(mapping.questionField());
        if (isBlank(question)) {
            return Outcome.skipped(where + missing(row, mapping.questionField()));
        }
        String id = mapping.idField() == null ? null : row.text(mapping.idField());
        if (isBlank(id)) {
            id = (row.locator().startsWith("record") ? "record-" : "line-") + row.ordinal();
        }
        id = id.trim();
        question = question.strip();
        if (kind == AnswerKind.MULTIPLE_CHOICE) {
            return multipleChoice(row, where, id, question);
        }
        String answer = row.text(mapping.answerField());
        if (isBlank(answer)) {
            return Outcome.skipped(where + missing(row, mapping.answerField()));
        }
        if (kind == AnswerKind.INTEGER) {
            String canonical = IntegerAnswers.canonical(answer);
            if (canonical == null) {
                return Outcome.skipped(where + "field \"" + mapping.answerField() + "\" is not an integer 0..999: \""
                        + shorten(answer) + "\"");
            }
            return Outcome.ok(new Problem(id, question, canonical, List.of(), kind));
        }
        return Outcome.ok(new Problem(id, question, answer.strip(), List.of(), kind));
    }

    private Outcome multipleChoice(RawRecord row, String where, String id, String question) {
        if (mapping.correctOptionField() != null) {
            List<String> options = new ArrayList<>();
            for (String field : concat(mapping.correctOptionField(), mapping.incorrectOptionFields())) {
                String value = row.text(field);
                if (isBlank(value)) {
                    return Outcome.skipped(where + missing(row, field));
                }
                options.add(value.strip());
            }
            return Outcome.ok(new Problem(id, question, options.get(0), options, kind));
        }
        List<String> options = listedOptions(row);
        if (options == null) {
            return Outcome.skipped(where + "field \"" + mapping.optionFields().get(0)
                    + "\" is not a list of options");
        }
        for (int i = 0; i < options.size(); i++) {
            if (isBlank(options.get(i))) {
                String field = mapping.optionFields().size() == 1 ? mapping.optionFields().get(0)
                        : mapping.optionFields().get(i);
                return Outcome.skipped(where + missing(row, field));
            }
        }
        if (options.size() < 2) {
            return Outcome.skipped(where + "fewer than two options");
        }
        String answer = row.text(mapping.answerField());
        if (isBlank(answer)) {
            return Outcome.skipped(where + missing(row, mapping.answerField()));
        }
        int correct = correctIndex(answer.strip(), options);
        if (correct < 0) {
            return Outcome.skipped(where + "field \"" + mapping.answerField() + "\" (\"" + shorten(answer)
                    + "\") is neither an option letter, an option's text nor a 0-based option index");
        }
        List<String> ordered = new ArrayList<>();
        ordered.add(options.get(correct).strip());
        for (int i = 0; i < options.size(); i++) {
            if (i != correct) {
                ordered.add(options.get(i).strip());
            }
        }
        return Outcome.ok(new Problem(id, question, ordered.get(0), ordered, kind));
    }

    /** The options of a row: one list field (JSON array, also as JSON text in CSV) or several fields; null if not a list. */
    private List<String> listedOptions(RawRecord row) {
        if (mapping.optionFields().size() == 1) {
            String field = mapping.optionFields().get(0);
            List<String> list = row.lists().get(field);
            if (list != null) {
                return list;
            }
            String text = row.text(field);
            return text == null ? null : JsonListText.parse(text);
        }
        List<String> options = new ArrayList<>();
        for (String field : mapping.optionFields()) {
            options.add(row.text(field));
        }
        return options;
    }

    /** Exact option text first, then a letter A.., then a 0-based index; -1 when none fits. */
    static int correctIndex(String answer, List<String> options) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).strip().equals(answer)) {
                return i;
            }
        }
        String letter = answer.replaceAll("^\\(?([A-Za-z])[).:]?$", "$1");
        if (letter.length() == 1 && Character.isLetter(letter.charAt(0))) {
            int index = letter.toUpperCase(Locale.ROOT).charAt(0) - 'A';
            return index < options.size() ? index : -1;
        }
        if (answer.matches("\\d{1,2}")) {
            int index = Integer.parseInt(answer);
            return index < options.size() ? index : -1;
        }
        return -1;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String missing(RawRecord row, String field) {
        return "field \"" + field + "\" is " + (row.text(field) == null ? "missing" : "empty");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
