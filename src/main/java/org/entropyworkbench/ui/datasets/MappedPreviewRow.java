package org.entropyworkbench.ui.datasets;

/**
 * One preview row as the current field mapping would read it.
 *
 * @param id       the id cell, or "line N" when rows are numbered
 * @param question first line of the question, shortened
 * @param answer   the answer (or correct option) cell
 * @param options  option cells joined with " | ", empty when none
 */
public record MappedPreviewRow(String id, String question, String answer, String options) {
}
