package org.entropyworkbench.ui.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The workbench look for JFreeChart charts: white plot, light grid, readable fonts, legend at
 * the bottom. Applied once when a chart is built; any thread (charts are not yet displayed).
 */
public final class ChartStyle {

    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font SMALL_BOLD_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);

    private ChartStyle() {
    }

    /** Styles an XY chart in place and returns it. */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
            title.setPaint(WorkbenchColors.TEXT);
            title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(SMALL_FONT);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setBackgroundPaint(Color.WHITE);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlineVisible(false);
            plot.setDomainGridlinePaint(WorkbenchColors.GRID);
            plot.setRangeGridlinePaint(WorkbenchColors.GRID);
            plot.setDomainGridlineStroke(new BasicStroke(0.8f));
            plot.setRangeGridlineStroke(new BasicStroke(0.8f));
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                style(plot.getDomainAxis(i));
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                style(plot.getRangeAxis(i));
            }
        }
        return chart;
    }

    private static void style(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(WorkbenchColors.TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(WorkbenchColors.TEXT);
        axis.setAxisLinePaint(new Color(0x8A, 0x96, 0xA3));
        if (axis instanceof NumberAxis number) {
            number.setAutoRangeMinimumSize(MIN_AXIS_SPAN);
        }
    }

    /**
     * Narrowest auto range of a number axis. Without it a constant series (every answer correct,
     * one question) gets a range of 1e-8 and tick labels like "1E2" or "1.240834E0" repeated.
     */
    public static final double MIN_AXIS_SPAN = 0.2;

    /** Makes {@code axis} span at least {@code span} of its units when auto-ranged (see {@link #MIN_AXIS_SPAN}). */
    public static void minimumSpan(ValueAxis axis, double span) {
        if (axis instanceof NumberAxis number) {
            number.setAutoRangeMinimumSize(span);
        }
    }
}
