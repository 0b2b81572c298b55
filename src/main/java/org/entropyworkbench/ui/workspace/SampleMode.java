package org.entropyworkbench.ui.workspace;

/** Which questions set the thresholds of a calibration: all of them, or repeated n-shot draws. */
public enum SampleMode {
    ALL("All questions (in-sample)"),
    FEW_SHOT("n-shot draws (held-out)");

    private final String label;

    SampleMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
