package org.entropyworkbench.ui.analysis;

import java.util.Locale;

/**
 * What the user typed into the τ field, read as bits: a number (comma or point as the decimal
 * mark) or the reason it was not taken, in the user's words. Plain Java, any thread.
 */
record TauInput(double value, String problem) {

    /** True when {@link #value} holds a usable τ. */
    boolean ok() {
        return problem == null;
    }

    static TauInput parse(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        if (t.isEmpty()) {
            return new TauInput(Double.NaN, "Type τ in bits, e.g. 0.850");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return new TauInput(Double.NaN, String.format(Locale.ROOT,
                    "\"%s\" is not a number: τ is in bits, e.g. 0.850", shorten(text.strip())));
        }
        if (!Double.isFinite(v)) {
            return new TauInput(Double.NaN, "τ must be a finite number of bits, e.g. 0.850");
        }
        if (v < 0) {
            return new TauInput(Double.NaN, "τ cannot be negative: entropy is at least 0 bits");
        }
        return new TauInput(v, null);
    }

    private static String shorten(String s) {
        return s.length() <= 20 ? s : s.substring(0, 19) + "…";
    }
}
