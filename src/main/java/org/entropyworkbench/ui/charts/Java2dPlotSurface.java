package org.entropyworkbench.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * {@link PlotSurface} on a Java2D {@link Graphics2D}: a BufferedImage for PNG export or an
 * {@code org.jfree.svg.SVGGraphics2D} for SVG export. Any thread that owns the graphics.
 */
final class Java2dPlotSurface implements PlotSurface {

    private final Graphics2D g;
    private Shape savedClip;

    Java2dPlotSurface(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        setFont(12, false);
        setLineWidth(1);
    }

    @Override
    public void setColor(int rgb, double alpha) {
        g.setColor(new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, (int) Math.round(alpha * 255)));
    }

    @Override
    public void setLineWidth(double width) {
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    @Override
    public void setFont(double size, boolean bold) {
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        if (n == 0) {
            return;
        }
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
        path.moveTo(xs[0], ys[0]);
        if (n == 1) {
            path.lineTo(xs[0] + 0.5, ys[0]);
        }
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        g.draw(path);
    }

    @Override
    public void fillText(String text, double x, double y, Align align) {
        double w = textWidth(text);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        g.drawString(text, (float) left, (float) y);
    }

    @Override
    public void fillVerticalText(String text, double cx, double cy) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(-Math.PI / 2);
        double w = textWidth(text);
        double ascent = g.getFontMetrics().getAscent();
        g.drawString(text, (float) (-w / 2), (float) (ascent / 2 - 1));
        g.setTransform(saved);
    }

    @Override
    public double textWidth(String text) {
        return g.getFontMetrics().stringWidth(text);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        savedClip = g.getClip();
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void restoreClip() {
        g.setClip(savedClip);
    }
}
