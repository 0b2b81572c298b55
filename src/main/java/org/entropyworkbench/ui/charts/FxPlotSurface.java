package org.entropyworkbench.ui.charts;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** {@link PlotSurface} on a JavaFX canvas. FX thread only. */
final class FxPlotSurface implements PlotSurface {

    private final GraphicsContext g;
    private final Text measurer = new Text();
    private Font font = Font.font(12);
    private double lineWidth = 1;

    FxPlotSurface(GraphicsContext g) {
        this.g = g;
        g.setTextBaseline(VPos.BASELINE);
        g.setFont(font);
    }

    @Override
    public void setColor(int rgb, double alpha) {
        Color c = Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha);
        g.setStroke(c);
        g.setFill(c);
    }

    @Override
    public void setLineWidth(double width) {
        g.setLineWidth(width);
        lineWidth = width;
    }

    @Override
    public void setFont(double size, boolean bold) {
        font = Font.font(null, bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
        g.setFont(font);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        if (n == 1) {
            g.strokeLine(xs[0], ys[0], xs[0] + 0.5, ys[0]);
        } else if (n > 1) {
            g.strokePolyline(xs, ys, n);
        }
    }

    /**
     * One filled bar per pixel column spanning every segment that ends in that column: axis-aligned
     * rectangles take the renderer's fast path instead of antialiased stroking, and columns never
     * overlap, so a translucent colour blends once as with a stroked line. Segments wider than a
     * column and a half (gaps) are stroked.
     */
    @Override
    public void strokeDensePolyline(double[] xs, double[] ys, int n) {
        if (n < 2) {
            strokePolyline(xs, ys, n);
            return;
        }
        double half = lineWidth / 2;
        int column = (int) Math.floor(xs[0]);
        double top = ys[0];
        double bottom = ys[0];
        for (int i = 1; i < n; i++) {
            if (xs[i] - xs[i - 1] > 1.5) {
                g.fillRect(column, top - half, 1, bottom - top + lineWidth);
                g.strokeLine(xs[i - 1], ys[i - 1], xs[i], ys[i]);
                column = (int) Math.floor(xs[i]);
                top = ys[i];
                bottom = ys[i];
                continue;
            }
            int c = (int) Math.floor(xs[i]);
            double lo = Math.min(ys[i - 1], ys[i]);
            double hi = Math.max(ys[i - 1], ys[i]);
            if (c != column) {
                g.fillRect(column, top - half, 1, bottom - top + lineWidth);
                column = c;
                top = lo;
                bottom = hi;
            } else {
                top = Math.min(top, lo);
                bottom = Math.max(bottom, hi);
            }
        }
        g.fillRect(column, top - half, 1, bottom - top + lineWidth);
    }

    @Override
    public void fillText(String text, double x, double y, Align align) {
        g.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        g.fillText(text, x, y);
    }

    @Override
    public void fillVerticalText(String text, double cx, double cy) {
        g.save();
        g.translate(cx, cy);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, 0, 0);
        g.restore();
        g.setTextBaseline(VPos.BASELINE);
    }

    @Override
    public double textWidth(String text) {
        measurer.setFont(font);
        measurer.setText(text);
        return measurer.getLayoutBounds().getWidth();
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.closePath();
        g.clip();
    }

    @Override
    public void restoreClip() {
        g.restore();
    }
}
