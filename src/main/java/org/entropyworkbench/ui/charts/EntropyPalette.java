package org.entropyworkbench.ui.charts;

/**
 * The colours of the entropy displays as 0xRRGGBB ints so the FX canvas, Java2D (PNG) and SVG
 * renderers agree. Plain Java, any thread.
 */
public final class EntropyPalette {

    /** Steps 1..4: blue, teal-green, amber, purple (distinct for common colour-vision deficiencies). */
    private static final int[] STEP_COLORS = {0x1F77B4, 0x2CA02C, 0xE6A117, 0x9467BD};

    /** Tint scale stops (bits -> colour): calm slate, blue, purple, orange, red. */
    private static final double[] TINT_BITS = {0.0, 0.5, 1.25, 2.25, 3.5};
    private static final int[] TINT_COLORS = {0x334155, 0x2563EB, 0x7C3AED, 0xEA580C, 0xDC2626};

    private EntropyPalette() {
    }

    /** Colour of protocol step {@code step} (1-based); steps beyond 4 reuse the palette. */
    public static int stepColor(int step) {
        return STEP_COLORS[Math.floorMod(step - 1, STEP_COLORS.length)];
    }

    /** Text tint for a token of {@code bits} entropy; NaN (no logprobs) is a neutral grey. */
    public static int tint(double bits) {
        if (Double.isNaN(bits)) {
            return 0x9CA3AF;
        }
        if (bits <= TINT_BITS[0]) {
            return TINT_COLORS[0];
        }
        for (int i = 1; i < TINT_BITS.length; i++) {
            if (bits <= TINT_BITS[i]) {
                double t = (bits - TINT_BITS[i - 1]) / (TINT_BITS[i] - TINT_BITS[i - 1]);
                return mix(TINT_COLORS[i - 1], TINT_COLORS[i], t);
            }
        }
        return TINT_COLORS[TINT_COLORS.length - 1];
    }

    /** Entropies shown by the tint legend, low to high. */
    public static double[] tintLegendStops() {
        return TINT_BITS.clone();
    }

    /** Hex form "#rrggbb" for CSS and SVG. */
    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }

    static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return (r << 16) | (g << 8) | bl;
    }
}
