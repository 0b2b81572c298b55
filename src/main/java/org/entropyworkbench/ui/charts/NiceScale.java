package org.entropyworkbench.ui.charts;

/**
 * Axis ranges and tick spacing rounded to 1, 2 or 5 times a power of ten, so a growing live axis
 * steps to readable limits instead of jittering with every token. Plain Java.
 */
public final class NiceScale {

    private NiceScale() {
    }

    /** A tick spacing near {@code range / targetTicks}: 1, 2 or 5 times a power of ten. */
    public static double tickStep(double range, int targetTicks) {
        if (!(range > 0) || targetTicks < 1) {
            return 1;
        }
        double raw = range / targetTicks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double residual = raw / magnitude;
        double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** The smallest multiple of {@code tickStep(value, targetTicks)} that is at least {@code value}. */
    public static double niceCeiling(double value, int targetTicks) {
        if (!(value > 0)) {
            return 1;
        }
        double step = tickStep(value, targetTicks);
        return Math.ceil(value / step - 1e-9) * step;
    }
}
