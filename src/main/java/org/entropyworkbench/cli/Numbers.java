package org.entropyworkbench.cli;

import java.util.Locale;

/** Number formatting for the text tables: fixed decimals, percentages, "n/a" for NaN. */
final class Numbers {

    private Numbers() {
    }

    static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A fraction in [0, 1] as a percentage with one decimal. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    static String points(double points) {
        return Double.isNaN(points) ? "n/a" : String.format(Locale.ROOT, "%+.1f pts", points);
    }

    /** A p-value: 4 decimals, or scientific notation below 0.0001. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** A JSON-safe value: null instead of NaN or infinity. */
    static Double jsonNumber(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
