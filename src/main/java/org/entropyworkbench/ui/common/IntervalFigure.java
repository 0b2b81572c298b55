package org.entropyworkbench.ui.common;

import java.util.Locale;
import org.entropyworkbench.core.stats.PercentileInterval;

/**
 * A 95 % interval as a metric tile shows it: the text under the point figure ("[0.48, 0.77]", "interval…"
 * while it computes, or why there is none) and, when there is one, where the point and the interval lie on
 * a scale for the whisker bar, with an optional reference value (0.5 for AUROC, 0 for d and Δ-Acc) that
 * the bar marks so "the interval includes chance" can be seen. Plain data; any thread.
 *
 * @param text      what the tile prints under the figure
 * @param point     the point figure, on the scale
 * @param lower     lower end of the interval (NaN: no bar)
 * @param upper     upper end
 * @param scaleMin  the bar's left end
 * @param scaleMax  the bar's right end
 * @param reference a value the bar marks, NaN for none
 */
public record IntervalFigure(String text, double point, double lower, double upper, double scaleMin, double scaleMax,
                             double reference) {

    /** What a tile shows while the bootstrap runs. */
    public static final String PENDING_TEXT = "interval…";

    /** No bar; only {@code text} (e.g. why there is no interval). */
    public static IntervalFigure textOnly(String text) {
        return new IntervalFigure(text, Double.NaN, Double.NaN, Double.NaN, 0, 1, Double.NaN);
    }

    /** The interval is being computed. */
    public static IntervalFigure pending() {
        return textOnly(PENDING_TEXT);
    }

    /** Nothing to show (no analysis). */
    public static IntervalFigure none() {
        return textOnly("");
    }

    /**
     * The interval {@code i} around {@code point}, printed with {@code decimals} decimals after scaling by
     * {@code factor} (100 for a fraction shown in %), with {@code suffix} (" %", " pts"); the bar spans
     * {@code scaleMin}..{@code scaleMax} widened to hold the interval. Text only when {@code i} is undefined.
     */
    public static IntervalFigure of(double point, PercentileInterval i, double factor, int decimals, String suffix,
                                    double scaleMin, double scaleMax, double reference) {
        if (i == null || !i.defined() || Double.isNaN(point)) {
            return textOnly("no interval");
        }
        double lo = factor * i.lower();
        double hi = factor * i.upper();
        String text = "[" + number(lo, decimals) + ", " + number(hi, decimals) + "]" + suffix;
        double p = factor * point;
        return new IntervalFigure(text, p, lo, hi, Math.min(scaleMin, Math.min(lo, p)), Math.max(scaleMax, Math.max(hi, p)),
                reference);
    }

    /** True when there is an interval to draw. */
    public boolean hasBar() {
        return Double.isFinite(lower) && Double.isFinite(upper) && scaleMax > scaleMin;
    }

    /** Where {@code value} lies on the bar, 0 (left end) to 1 (right end). */
    public double position(double value) {
        return (value - scaleMin) / (scaleMax - scaleMin);
    }

    private static String number(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }
}
