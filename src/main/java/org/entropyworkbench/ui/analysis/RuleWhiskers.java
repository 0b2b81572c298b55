package org.entropyworkbench.ui.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * One rule's 95 % intervals drawn at its point on the savings-vs-accuracy curve: a horizontal whisker for
 * token savings and a vertical one for gated accuracy (the Δ-Acc interval placed about the S-step accuracy
 * line, so a whisker crossing that line is a Δ-Acc interval that includes 0). Caps have a fixed pixel size,
 * and each rule's whiskers are shifted by a few pixels so rules at nearly the same point stay apart.
 * Drawn by JFreeChart on whichever thread paints the chart.
 */
final class RuleWhiskers extends AbstractXYAnnotation {

    private static final long serialVersionUID = 1L;
    private static final double CAP = 4;

    private final double x;
    private final double y;
    private final double xLow;
    private final double xHigh;
    private final double yLow;
    private final double yHigh;
    private final Color color;
    private final double shift;

    /**
     * @param shift pixels to move the vertical whisker right and the horizontal one down (0 for the first rule)
     */
    RuleWhiskers(double x, double y, double xLow, double xHigh, double yLow, double yHigh, Color color, double shift) {
        this.x = x;
        this.y = y;
        this.xLow = xLow;
        this.xHigh = xHigh;
        this.yLow = yLow;
        this.yHigh = yHigh;
        this.color = color;
        this.shift = shift;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double px = domainAxis.valueToJava2D(x, dataArea, xEdge);
        double py = rangeAxis.valueToJava2D(y, dataArea, yEdge);
        g2.setPaint(new Color(color.getRed(), color.getGreen(), color.getBlue(), 190));
        g2.setStroke(new BasicStroke(1.5f));
        if (Double.isFinite(xLow) && Double.isFinite(xHigh)) {
            double a = domainAxis.valueToJava2D(xLow, dataArea, xEdge);
            double b = domainAxis.valueToJava2D(xHigh, dataArea, xEdge);
            double row = py + shift;
            g2.draw(new Line2D.Double(a, row, b, row));
            g2.draw(new Line2D.Double(a, row - CAP, a, row + CAP));
            g2.draw(new Line2D.Double(b, row - CAP, b, row + CAP));
        }
        if (Double.isFinite(yLow) && Double.isFinite(yHigh)) {
            double a = rangeAxis.valueToJava2D(yLow, dataArea, yEdge);
            double b = rangeAxis.valueToJava2D(yHigh, dataArea, yEdge);
            double column = px + shift;
            g2.draw(new Line2D.Double(column, a, column, b));
            g2.draw(new Line2D.Double(column - CAP, a, column + CAP, a));
            g2.draw(new Line2D.Double(column - CAP, b, column + CAP, b));
        }
    }

    /** Savings interval (x) and gated-accuracy interval (y), as drawn (tests). */
    double[] extent() {
        return new double[] {xLow, xHigh, yLow, yHigh};
    }
}
