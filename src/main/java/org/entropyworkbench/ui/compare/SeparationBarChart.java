package org.entropyworkbench.ui.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import org.entropyworkbench.ui.common.ChartStyle;
import org.entropyworkbench.ui.common.WorkbenchColors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Cohen's d of step-1 entropy per run as horizontal bars (positive = wrong answers have higher
 * entropy), coloured like the run's density curves, with a line at d = 0. FX thread only.
 */
public final class SeparationBarChart {

    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final BarRenderer renderer;

    public SeparationBarChart() {
        CategoryAxis runs = new CategoryAxis(null);
        runs.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        runs.setMaximumCategoryLabelWidthRatio(0.5f);
        runs.setMaximumCategoryLabelLines(3);
        runs.setTickLabelFont(ChartStyle.TICK_FONT);
        NumberAxis d = new NumberAxis("Cohen's d (pooled SDs)");
        d.setLabelFont(ChartStyle.LABEL_FONT);
        d.setTickLabelFont(ChartStyle.TICK_FONT);
        renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return WorkbenchColors.run(column);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(data, runs, d, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(WorkbenchColors.GRID);
        plot.setOutlineVisible(false);
        ValueMarker zero = new ValueMarker(0, WorkbenchColors.TEXT, new BasicStroke(1f));
        plot.addRangeMarker(zero);
        chart = new JFreeChart("Separation per run (Cohen's d)", ChartStyle.TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
    }

    public JFreeChart chart() { return chart; }

    public void show(List<CompareRow> rows) {
        chart.setNotify(false);
        data.clear();
        for (CompareRow r : rows) {
            if (Double.isFinite(r.cohensD())) {
                data.addValue(r.cohensD(), "d", r.name());
            }
        }
        chart.setNotify(true);
    }
}
