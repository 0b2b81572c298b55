package org.entropyworkbench.ui.datasets;

/** How a dataset file gives the options of its questions, as offered in the field-mapping form. */
public enum OptionShape {
    /** No options: the answer column holds the gold answer (AIME-style or free text). */
    NONE("No options (answer column)"),
    /** GPQA-like: one column with the correct option, others with the incorrect ones. */
    CORRECT_AND_INCORRECT("Correct + incorrect option columns"),
    /** Options in columns (or one JSON-list column); the answer column names the correct one. */
    LISTED("Option columns + answer column");

    private final String label;

    OptionShape(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
