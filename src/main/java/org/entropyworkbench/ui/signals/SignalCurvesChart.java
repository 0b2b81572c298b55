package org.entropyworkbench.ui.signals;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalDirection;
import org.entropyworkbench.ui.common.ChartStyle;
import org.entropyworkbench.ui.common.WorkbenchColors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Every available signal's savings-vs-accuracy curve on one chart: one colour per signal
 * ({@link WorkbenchColors#signal}), dashed for the high-is-confident ones, the highlighted signal drawn
 * thick and on top, the others thin and lighter. The legend lists signals by AUROC, as the table. FX thread.
 */
public final class SignalCurvesChart {

    private static final float[] DASH = {6f, 3f};

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    /** The highlighted curve again, drawn after the others so it is on top; not in the legend. */
    private final XYSeriesCollection topData = new XYSeriesCollection();
    private final XYLineAndShapeRenderer topRenderer = new XYLineAndShapeRenderer(true, false);
    private final JFreeChart chart;
    private final XYPlot plot;
    private List<SignalCurve> curves = List.of();
    private Signal highlighted;

    public SignalCurvesChart() {
        NumberAxis x = new NumberAxis("Token savings (%)");
        NumberAxis y = new NumberAxis("Gated accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        plot = new XYPlot(data, x, y, renderer);
        chart = new JFreeChart("Savings vs accuracy over all τ, every signal", ChartStyle.TITLE_FONT, plot, true);
        plot.setDataset(1, topData);
        plot.setRenderer(1, topRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        topRenderer.setDefaultSeriesVisibleInLegend(false);
        ChartStyle.apply(chart);
        ChartStyle.minimumSpan(x, 4);
        ChartStyle.minimumSpan(y, 4);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemFont(ChartStyle.SMALL_FONT);
        plot.setNoDataMessage("No curves: the run has no complete question (every step graded)");
        plot.setNoDataMessageFont(ChartStyle.LABEL_FONT);
    }

    public JFreeChart chart() { return chart; }

    /** Draws {@code curves} (legend in this order), highlighting {@code signal}. */
    public void setCurves(List<SignalCurve> curves, Signal signal) {
        this.curves = List.copyOf(curves);
        this.highlighted = signal;
        chart.setNotify(false);
        try {
            topData.removeAllSeries();
            data.removeAllSeries();
            for (SignalCurve c : this.curves) {
                data.addSeries(series(c));
            }
            style();
        } finally {
            chart.setNotify(true);
        }
    }

    /** Highlights another signal (null: none) without rebuilding the data. */
    public void highlight(Signal signal) {
        highlighted = signal;
        style();
        chart.fireChartChanged();
    }

    /** The signal drawn thick, or null. */
    public Signal highlighted() { return highlighted; }

    /** The series (one per curve) drawn now (tests). */
    public int seriesCount() { return data.getSeriesCount(); }

    private void style() {
        for (int i = 0; i < curves.size(); i++) {
            Signal s = curves.get(i).signal();
            boolean on = s == highlighted;
            Color c = WorkbenchColors.signal(s);
            renderer.setSeriesPaint(i, on || highlighted == null ? c : WorkbenchColors.withAlpha(c, 130), false);
            float width = on ? 3.2f : 1.4f;
            renderer.setSeriesStroke(i, s.direction() == SignalDirection.HIGH_IS_CONFIDENT
                    ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, DASH, 0f)
                    : new BasicStroke(width), false);
        }
        topData.removeAllSeries();
        int top = indexOf(highlighted);
        if (top >= 0) {
            topData.addSeries(series(curves.get(top)));
            topRenderer.setSeriesPaint(0, WorkbenchColors.signal(highlighted), false);
            topRenderer.setSeriesStroke(0, renderer.getSeriesStroke(top), false);
        }
    }

    private static XYSeries series(SignalCurve c) {
        XYSeries s = new XYSeries(c.signal().label(), false, true);
        for (int i = 0; i < c.size(); i++) {
            s.add(c.savings()[i], c.gatedAccuracy()[i], false);
        }
        return s;
    }

    private int indexOf(Signal s) {
        for (int i = 0; i < curves.size(); i++) {
            if (curves.get(i).signal() == s) {
                return i;
            }
        }
        return -1;
    }
}
