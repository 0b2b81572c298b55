package org.entropyworkbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.FieldMapping;
import picocli.CommandLine.Option;

/**
 * The dataset field mapping on the command line (picocli mixin for {@code run}): which fields hold
 * the id, question, answer and options, for files whose shape auto-detection does not recognise.
 * Without any of these options the mapping is auto-detected. Filled by picocli on the main thread.
 */
final class FieldMappingMixin {

    @Option(names = "--question-field", paramLabel = "NAME",
            description = "Dataset field holding the question (default: auto-detected).")
    private String questionField;

    @Option(names = "--answer-field", paramLabel = "NAME",
            description = "Field holding the gold answer (with --option-fields: the correct option's letter, text or 0-based index).")
    private String answerField;

    @Option(names = "--id-field", paramLabel = "NAME", description = "Field holding a stable question id (default: row numbers).")
    private String idField;

    @Option(names = "--option-fields", paramLabel = "A,B,...", split = ",",
            description = "Fields holding the options in order (multiple choice), or one field holding a JSON list.")
    private List<String> optionFields = new ArrayList<>();

    @Option(names = "--correct-field", paramLabel = "NAME",
            description = "GPQA-like shape: the field holding the correct option's text (with --incorrect-fields).")
    private String correctField;

    @Option(names = "--incorrect-fields", paramLabel = "A,B,...", split = ",",
            description = "GPQA-like shape: the fields holding the incorrect options.")
    private List<String> incorrectFields = new ArrayList<>();

    @Option(names = "--answer-kind", paramLabel = "KIND",
            description = "integer, multiple-choice or free (default: detected from the answers).")
    private String answerKind;

    /** True when the user named any field, so auto-detection is off. */
    boolean given() {
        return questionField != null || answerField != null || idField != null || !optionFields.isEmpty()
                || correctField != null || !incorrectFields.isEmpty() || answerKind != null;
    }

    /**
     * The mapping the options describe, or null when none was given (auto-detect).
     *
     * @throws CliErrors.CliFailure naming the options when they do not form a mapping
     */
    FieldMapping mapping() {
        if (!given()) {
            return null;
        }
        if (questionField == null) {
            throw new CliErrors.CliFailure("--question-field is required when any field option is given");
        }
        try {
            AnswerKind kind = answerKind == null ? null : AnswerKind.fromWireName(answerKind);
            return new FieldMapping(idField, questionField, answerField, optionFields, correctField, incorrectFields, kind);
        } catch (IllegalArgumentException e) {
            throw new CliErrors.CliFailure("field options: " + e.getMessage());
        }
    }
}
