package org.entropyworkbench.ui.charts;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Draws per-token entropy series onto a {@link PlotSurface}: faint raw values, a bold trailing moving
 * average, one colour per protocol step, axes "Token position" and "Token entropy (bits)". Every
 * series is decimated per pixel column ({@link MinMaxDecimator}) so drawing cost depends on the
 * plot width, not on the number of tokens. Stateless; runs on the thread that owns the surface.
 */
public final class TokenEntropyRenderer {

    static final double LEFT = 62;
    static final double RIGHT = 16;
    static final double TOP = 30;
    static final double BOTTOM = 46;

    /**
     * What to draw besides the series.
     *
     * @param yMax            top of the y axis in bits
     * @param smoothingWindow tokens in the moving average
     * @param emptyMessage    shown when no series has a value
     */
    public record Options(double yMax, int smoothingWindow, String emptyMessage) {
    }

    private TokenEntropyRenderer() {
    }

    /** The y-axis top for top-k entropies: log2(k) rounded up to half a bit (4.5 for k = 20). */
    public static double yMaxForK(int k) {
        double max = Math.log(Math.max(2, k)) / Math.log(2);
        return Math.ceil(max * 2) / 2;
    }

    public static void draw(PlotSurface s, double width, double height, List<EntropySeries> series, Options options) {
        s.setColor(0xFFFFFF, 1);
        s.fillRect(0, 0, width, height);
        double plotW = Math.max(10, width - LEFT - RIGHT);
        double plotH = Math.max(10, height - TOP - BOTTOM);
        int longest = 0;
        for (EntropySeries e : series) {
            longest = Math.max(longest, e.size());
        }
        double xMax = NiceScale.niceCeiling(Math.max(longest, 10), 6);
        double yMax = options.yMax() > 0 ? options.yMax() : 4.5;

        drawGridAndAxes(s, plotW, plotH, xMax, yMax);
        if (longest == 0) {
            s.setFont(13, false);
            s.setColor(0x6B7280, 1);
            s.fillText(options.emptyMessage(), LEFT + plotW / 2, TOP + plotH / 2, PlotSurface.Align.CENTER);
        } else {
            s.clip(LEFT, TOP, plotW, plotH);
            for (EntropySeries e : series) {
                drawSeries(s, e, plotW, plotH, xMax, yMax, options.smoothingWindow());
            }
            s.restoreClip();
        }
        drawLegend(s, width, series, options.smoothingWindow());
    }

    private static void drawGridAndAxes(PlotSurface s, double plotW, double plotH, double xMax, double yMax) {
        s.setFont(11, false);
        s.setLineWidth(1);
        double yStep = NiceScale.tickStep(yMax, 5);
        for (double v = 0; v <= yMax + 1e-9; v += yStep) {
            double y = TOP + plotH - v / yMax * plotH;
            s.setColor(0xE5E7EB, 1);
            s.strokeLine(LEFT, y, LEFT + plotW, y);
            s.setColor(0x374151, 1);
            s.fillText(formatTick(v, yStep), LEFT - 6, y + 4, PlotSurface.Align.RIGHT);
        }
        double xStep = NiceScale.tickStep(xMax, 6);
        for (double v = 0; v <= xMax + 1e-9; v += xStep) {
            double x = LEFT + v / xMax * plotW;
            s.setColor(0xE5E7EB, 1);
            s.strokeLine(x, TOP, x, TOP + plotH);
            s.setColor(0x374151, 1);
            s.fillText(formatTick(v, xStep), x, TOP + plotH + 16, PlotSurface.Align.CENTER);
        }
        s.setColor(0x6B7280, 1);
        s.strokeRect(LEFT, TOP, plotW, plotH);
        s.setFont(12, false);
        s.setColor(0x111827, 1);
        s.fillText("Token position", LEFT + plotW / 2, TOP + plotH + 36, PlotSurface.Align.CENTER);
        s.fillVerticalText("Token entropy (bits)", 16, TOP + plotH / 2);
    }

    private static void drawSeries(PlotSurface s, EntropySeries e, double plotW, double plotH,
                                   double xMax, double yMax, int window) {
        if (e.size() == 0) {
            return;
        }
        int columns = (int) Math.ceil(e.size() / xMax * plotW);
        int color = EntropyPalette.stepColor(e.step());
        s.setColor(color, 0.22);
        s.setLineWidth(1);
        MinMaxDecimator.Polyline raw = MinMaxDecimator.decimate(e.values(), 0, e.size(), columns);
        strokeDecimated(s, raw, plotW, plotH, xMax, yMax, raw.size() >= columns);
        double[] smooth = e.movingAverage(window);
        s.setColor(color, 0.95);
        s.setLineWidth(2);
        MinMaxDecimator.Polyline average = MinMaxDecimator.decimate(smooth, 0, smooth.length, columns);
        strokeDecimated(s, average, plotW, plotH, xMax, yMax, average.size() >= columns);
    }

    private static void strokeDecimated(PlotSurface s, MinMaxDecimator.Polyline p, double plotW, double plotH,
                                        double xMax, double yMax, boolean dense) {
        double[] xs = new double[p.size()];
        double[] ys = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            xs[i] = LEFT + p.xs()[i] / xMax * plotW;
            ys[i] = TOP + plotH - p.ys()[i] / yMax * plotH;
        }
        if (dense) {
            s.strokeDensePolyline(xs, ys, p.size());
        } else {
            s.strokePolyline(xs, ys, p.size());
        }
    }

    private static void drawLegend(PlotSurface s, double width, List<EntropySeries> series, int window) {
        TreeSet<Integer> steps = new TreeSet<>();
        for (EntropySeries e : series) {
            steps.add(e.step());
        }
        s.setFont(11, false);
        double x = LEFT;
        double y = 19;
        for (int step : steps) {
            s.setColor(EntropyPalette.stepColor(step), 1);
            s.setLineWidth(3);
            s.strokeLine(x, y - 4, x + 18, y - 4);
            s.setColor(0x111827, 1);
            String label = "Step " + step;
            s.fillText(label, x + 22, y, PlotSurface.Align.LEFT);
            x += 22 + s.textWidth(label) + 14;
        }
        String note = "faint: per token · bold: " + window + "-token moving average";
        if (x + s.textWidth(note) < width - RIGHT) {
            s.setColor(0x4B5563, 1);
            s.fillText(note, width - RIGHT, y, PlotSurface.Align.RIGHT);
        }
    }

    private static String formatTick(double v, double step) {
        if (step >= 1) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        return String.format(Locale.ROOT, step >= 0.1 ? "%.1f" : "%.2f", v);
    }
}
