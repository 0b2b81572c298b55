package org.entropyworkbench.ui.charts;

/**
 * The few drawing operations a plot needs, so one renderer draws the same picture on the FX canvas
 * (screen), a Java2D image (PNG) and an SVGGraphics2D (SVG). Coordinates are pixels, y down.
 * Used on whichever thread owns the underlying graphics.
 */
public interface PlotSurface {

    /** Horizontal anchoring of text at its x coordinate. */
    enum Align { LEFT, CENTER, RIGHT }

    /** Colour for later strokes, fills and text; {@code alpha} 0..1. */
    void setColor(int rgb, double alpha);

    void setLineWidth(double width);

    void setFont(double size, boolean bold);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void strokeLine(double x1, double y1, double x2, double y2);

    /** Joins the first {@code n} points with straight segments. */
    void strokePolyline(double[] xs, double[] ys, int n);

    /**
     * Same picture as {@link #strokePolyline} for a line with about one point per pixel column or
     * more (a min/max-decimated series). A surface may draw it faster, e.g. as one bar per pixel
     * column: stroking a zigzag of thousands of near-vertical segments is the costliest thing a
     * software rasteriser does here.
     */
    default void strokeDensePolyline(double[] xs, double[] ys, int n) {
        strokePolyline(xs, ys, n);
    }

    /** Text with its baseline at {@code y}. */
    void fillText(String text, double x, double y, Align align);

    /** Text rotated 90 degrees anticlockwise, centred on (cx, cy): for a y-axis label. */
    void fillVerticalText(String text, double cx, double cy);

    /** Width of {@code text} in the current font. */
    double textWidth(String text);

    /** Limits drawing to a rectangle until {@link #restoreClip()}. */
    void clip(double x, double y, double w, double h);

    void restoreClip();
}
