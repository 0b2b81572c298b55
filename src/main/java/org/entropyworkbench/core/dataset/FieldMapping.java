package org.entropyworkbench.core.dataset;

import java.util.List;

/**
 * Which fields of a dataset file hold the id, the question, the answer and the options.
 * Produced by auto-detection ({@link DatasetLoader#preview}) or by the user's field-mapping dialog.
 *
 * <p>Three shapes are possible:
 * <ul>
 *   <li>plain: {@code answerField} holds the gold answer (AIME: an integer);</li>
 *   <li>GPQA-like: {@code correctOptionField} holds the correct option's text and
 *       {@code incorrectOptionFields} the others;</li>
 *   <li>listed options: {@code optionFields} are the options in order (or one field holding a JSON
 *       array of them) and {@code answerField} names the correct one by letter (A, B, ...), by its
 *       exact text, or by a 0-based index.</li>
 * </ul>
 *
 * @param idField               field with a stable id, or null to number rows ("line-N" / "record-N")
 * @param questionField         field with the question text (required)
 * @param answerField           gold answer field; null only in the GPQA-like shape
 * @param optionFields          option fields in order, or empty
 * @param correctOptionField    GPQA-like correct option field, or null
 * @param incorrectOptionFields GPQA-like incorrect option fields, or empty
 * @param kind                  how to grade; null = detect from the rows (options: multiple choice;
 *                              every answer an integer 0..999: integer; else free)
 */
public record FieldMapping(String idField, String questionField, String answerField, List<String> optionFields,
                           String correctOptionField, List<String> incorrectOptionFields, AnswerKind kind) {

    public FieldMapping {
        optionFields = optionFields == null ? List.of() : List.copyOf(optionFields);
        incorrectOptionFields = incorrectOptionFields == null ? List.of() : List.copyOf(incorrectOptionFields);
        idField = blankToNull(idField);
        answerField = blankToNull(answerField);
        correctOptionField = blankToNull(correctOptionField);
        if (questionField == null || questionField.isBlank()) {
            throw new IllegalArgumentException("a field mapping needs a question field");
        }
        if (!optionFields.isEmpty() && correctOptionField != null) {
            throw new IllegalArgumentException("use either option fields with an answer field, or a correct option field"
                    + " with incorrect option fields, not both");
        }
        if (correctOptionField != null && incorrectOptionFields.isEmpty()) {
            throw new IllegalArgumentException("a correct option field needs at least one incorrect option field");
        }
        if (correctOptionField == null && !incorrectOptionFields.isEmpty()) {
            throw new IllegalArgumentException("incorrect option fields need a correct option field");
        }
        if (answerField == null && correctOptionField == null) {
            throw new IllegalArgumentException("a field mapping needs an answer field or a correct option field");
        }
        if (!optionFields.isEmpty() && answerField == null) {
            throw new IllegalArgumentException("option fields need an answer field naming the correct option");
        }
        if (kind != null && kind != AnswerKind.MULTIPLE_CHOICE && hasOptionsIn(optionFields, correctOptionField)) {
            throw new IllegalArgumentException("answer kind " + kind.wireName() + " does not fit a mapping with options");
        }
        if (kind == AnswerKind.MULTIPLE_CHOICE && !hasOptionsIn(optionFields, correctOptionField)) {
            throw new IllegalArgumentException("multiple choice needs option fields or a correct option field");
        }
    }

    /** Plain shape: id (may be null), question and answer fields; kind detected from the answers. */
    public static FieldMapping plain(String idField, String questionField, String answerField) {
        return new FieldMapping(idField, questionField, answerField, List.of(), null, List.of(), null);
    }

    /** GPQA-like shape: the correct option's field and the incorrect options' fields. */
    public static FieldMapping correctAndIncorrect(String idField, String questionField, String correctOptionField,
                                                   List<String> incorrectOptionFields) {
        return new FieldMapping(idField, questionField, null, List.of(), correctOptionField, incorrectOptionFields,
                AnswerKind.MULTIPLE_CHOICE);
    }

    /** Listed-options shape: options in order and an answer field naming the correct one. */
    public static FieldMapping listedOptions(String idField, String questionField, List<String> optionFields,
                                             String answerField) {
        return new FieldMapping(idField, questionField, answerField, optionFields, null, List.of(),
                AnswerKind.MULTIPLE_CHOICE);
    }

    /** True when rows carry options (the dataset is multiple choice). */
    public boolean hasOptions() {
        return hasOptionsIn(optionFields, correctOptionField);
    }

    /** The same mapping with another answer kind (null = detect). */
    public FieldMapping withKind(AnswerKind newKind) {
        return new FieldMapping(idField, questionField, answerField, optionFields, correctOptionField,
                incorrectOptionFields, newKind);
    }

    /** Every field the mapping refers to, in a stable order. */
    public List<String> referencedFields() {
        List<String> all = new java.util.ArrayList<>();
        if (idField != null) {
            all.add(idField);
        }
        all.add(questionField);
        if (answerField != null) {
            all.add(answerField);
        }
        all.addAll(optionFields);
        if (correctOptionField != null) {
            all.add(correctOptionField);
        }
        all.addAll(incorrectOptionFields);
        return all;
    }

    private static boolean hasOptionsIn(List<String> optionFields, String correctOptionField) {
        return !optionFields.isEmpty() || correctOptionField != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
