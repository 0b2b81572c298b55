package org.entropyworkbench.ui.common;

import java.awt.Color;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * The colours every chart uses, so "correct" and "incorrect" look the same on every screen
 * (they match workbench.css). Immutable constants; safe from any thread.
 */
public final class WorkbenchColors {

    /** Step-1 answer correct: teal. */
    public static final Color CORRECT = new Color(0x1A, 0x9E, 0x8F);
    /** Step-1 answer incorrect: orange. */
    public static final Color INCORRECT = new Color(0xE8, 0x70, 0x2A);
    /** The current threshold. */
    public static final Color TAU = new Color(0x1F, 0x2A, 0x3A);
    /** Axis and label text. */
    public static final Color TEXT = new Color(0x1F, 0x2A, 0x3A);
    /** Grid lines. */
    public static final Color GRID = new Color(0xD5, 0xDB, 0xE2);

    /**
     * Distinct colours for runs on the Compare screen; no teal or orange, so a run is never
     * mistaken for the correct or incorrect class.
     */
    private static final Color[] RUNS = {
        new Color(0x1F, 0x77, 0xB4), new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B),
        new Color(0xE3, 0x77, 0xC2), new Color(0x39, 0x3B, 0x79), new Color(0x7F, 0x7F, 0x7F),
        new Color(0xBC, 0xBD, 0x22), new Color(0x17, 0xBE, 0xCF)};

    /**
     * One colour per confidence signal (enum order) for the Signals screen's overlay of trade-off curves:
     * twelve hues far enough apart to tell lines apart, no teal or orange (the answer classes).
     */
    private static final Color[] SIGNALS = {
        new Color(0x1F, 0x77, 0xB4), new Color(0x6B, 0xAE, 0xD6), new Color(0x39, 0x3B, 0x79), new Color(0x17, 0xBE, 0xCF),
        new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B), new Color(0xE3, 0x77, 0xC2),
        new Color(0x2C, 0xA0, 0x2C), new Color(0xBC, 0xBD, 0x22), new Color(0x7F, 0x7F, 0x7F), new Color(0x00, 0x00, 0x00)};

    private WorkbenchColors() {
    }

    /** Colour of a confidence signal's curve on the Signals overlay. */
    public static Color signal(Signal s) {
        return SIGNALS[Math.floorMod(s.ordinal(), SIGNALS.length)];
    }

    /** Same colour with alpha 0..255. */
    public static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Colour of the i-th run on comparison charts. */
    public static Color run(int index) {
        return RUNS[Math.floorMod(index, RUNS.length)];
    }

    /** Colour of a threshold method's marker. */
    public static Color method(ThresholdMethod m) {
        return switch (m) {
            case ENTROPY_MEAN -> new Color(0x2E, 0x86, 0xC1);
            case INFORMATION_THEORETIC -> new Color(0x88, 0x4E, 0xA0);
            case BAYES_OPTIMAL -> new Color(0xB0, 0x3A, 0x2E);
            case SCALE_INVARIANT_UNIVERSAL -> new Color(0x17, 0x7E, 0x3A);
        };
    }

    /** Short label for a method on crowded charts. */
    public static String shortLabel(ThresholdMethod m) {
        return switch (m) {
            case ENTROPY_MEAN -> "mean";
            case INFORMATION_THEORETIC -> "info";
            case BAYES_OPTIMAL -> "Bayes";
            case SCALE_INVARIANT_UNIVERSAL -> "universal";
        };
    }
}
