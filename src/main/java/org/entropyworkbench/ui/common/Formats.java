package org.entropyworkbench.ui.common;

import java.util.Locale;

/**
 * How numbers are shown everywhere in the UI (labels, tables, CSV), so a label and a test or a
 * CSV file agree to the character. Locale-independent. Missing values (NaN) show as an en dash.
 */
public final class Formats {

    /** Shown for a value that does not exist (NaN), e.g. Thresh Acc when nothing stopped. */
    public static final String MISSING = "–";

    private Formats() {
    }

    /** A fraction 0..1 as a percentage with one decimal: 0.3745 -> "37.5 %". */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? MISSING : String.format(Locale.ROOT, "%.1f %%", 100.0 * fraction);
    }

    /** Percentage points with sign: -3.33 -> "-3.3 pts", 0 -> "+0.0 pts". */
    public static String points(double points) {
        if (Double.isNaN(points)) {
            return MISSING;
        }
        double p = Math.abs(points) < 0.05 ? 0.0 : points;
        return String.format(Locale.ROOT, "%+.1f pts", p);
    }

    /** Entropy in bits with 3 decimals: "0.874 bits". */
    public static String bits(double bits) {
        return Double.isNaN(bits) ? MISSING : String.format(Locale.ROOT, "%.3f bits", bits);
    }

    /** A plain number with {@code decimals} decimals. */
    public static String number(double value, int decimals) {
        return Double.isNaN(value) ? MISSING : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A p-value: "< 0.001" below one in a thousand, else three significant decimals. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return MISSING;
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** "12 of 30". */
    public static String count(int part, int whole) {
        return part + " of " + whole;
    }
}
