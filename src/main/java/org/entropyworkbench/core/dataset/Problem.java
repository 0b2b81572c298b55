package org.entropyworkbench.core.dataset;

import java.util.List;

/**
 * One question of a dataset.
 *
 * @param id       stable id (from the file, else "line-N" for JSONL/CSV rows, "record-N" for JSON array elements)
 * @param question question text
 * @param answer   gold answer: integer text, the correct option's text for multiple choice, or free text
 * @param options  for multiple choice: all options, the correct one first (as GPQA stores them); else empty
 * @param kind     how to grade it
 */
public record Problem(String id, String question, String answer, List<String> options, AnswerKind kind) {
    public Problem {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
