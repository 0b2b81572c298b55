package org.entropyworkbench.ui.follow;

import java.awt.BasicStroke;
import java.awt.Color;
import org.entropyworkbench.core.calibration.ClassDistribution;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.ui.common.ChartStyle;
import org.entropyworkbench.ui.common.HistogramBins;
import org.entropyworkbench.ui.common.WorkbenchColors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The live traffic's step-1 signal as a histogram (bars, density) against the calibration run's correct
 * and incorrect classes (step lines, density over the same bins), with τ as a vertical line. Traffic that
 * piles up where the calibration's incorrect answers were is traffic the gate is unsure about. FX thread.
 */
final class FollowChart {

    private static final int BINS = 30;

    private final XYSeriesCollection live = new XYSeriesCollection();
    private final XYSeriesCollection classes = new XYSeriesCollection();
    private final ValueMarker tauMarker = new ValueMarker(0, WorkbenchColors.TAU, new BasicStroke(2f));
    private final JFreeChart chart;

    FollowChart() {
        NumberAxis x = new NumberAxis("Step-1 mean token entropy (bits)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("Density");
        XYBarRenderer bars = new XYBarRenderer(0.08);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x4C, 0x6E, 0xB1, 170));
        XYPlot plot = new XYPlot(live, x, y, bars);
        XYStepRenderer lines = new XYStepRenderer();
        lines.setSeriesPaint(0, WorkbenchColors.CORRECT);
        lines.setSeriesPaint(1, WorkbenchColors.INCORRECT);
        lines.setSeriesStroke(0, new BasicStroke(2.2f));
        lines.setSeriesStroke(1, new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {7f, 5f}, 0f));
        plot.setDataset(1, classes);
        plot.setRenderer(1, lines);
        plot.setNoDataMessage("No traffic yet: requests appear here as the record grows");
        tauMarker.setLabelFont(ChartStyle.SMALL_BOLD_FONT);
        tauMarker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        tauMarker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        tauMarker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(6, 4, 0, 0));
        y.setUpperMargin(0.12);
        chart = new JFreeChart("Live traffic vs the calibration's classes", ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
    }

    JFreeChart chart() { return chart; }

    /**
     * Redraws: {@code scores} of the traffic (signal units), the calibration's classes (null: none), τ (NaN:
     * none).
     */
    void show(double[] scores, ClassDistribution calibration, Signal signal, double tau) {
        chart.setNotify(false);
        try {
            XYPlot plot = chart.getXYPlot();
            plot.getDomainAxis().setLabel("Step-1 " + (signal == Signal.DEFAULT ? "mean token entropy" : signal.label())
                    + " (" + signal.unit() + ")");
            live.removeAllSeries();
            classes.removeAllSeries();
            double[] correct = calibration == null ? new double[0] : calibration.correct();
            double[] incorrect = calibration == null ? new double[0] : calibration.incorrect();
            if (scores.length == 0 && correct.length + incorrect.length == 0) {
                return;
            }
            HistogramBins bins = HistogramBins.covering(BINS, scores, correct, incorrect);
            live.setIntervalWidth(bins.width());
            if (scores.length > 0) {
                live.addSeries(bars("Live traffic (" + scores.length + ")", bins, scores));
            }
            if (correct.length > 0 || incorrect.length > 0) {
                classes.addSeries(steps("Calibration: correct (" + correct.length + ")", bins, correct));
                classes.addSeries(steps("Calibration: incorrect (" + incorrect.length + ")", bins, incorrect));
            }
            plot.clearDomainMarkers();
            if (Double.isFinite(tau)) {
                tauMarker.setValue(tau);
                tauMarker.setLabel("τ " + String.format(java.util.Locale.ROOT, "%.3f", tau));
                plot.addDomainMarker(tauMarker);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    private static XYSeries bars(String name, HistogramBins bins, double[] values) {
        double[] d = bins.density(values);
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < d.length; i++) {
            s.add(bins.start(i) + bins.width() / 2, d[i], false);
        }
        return s;
    }

    /** A step line over the bins (the value holds from a bin's start to the next). */
    private static XYSeries steps(String name, HistogramBins bins, double[] values) {
        double[] d = values.length == 0 ? new double[bins.binCount()] : bins.density(values);
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < d.length; i++) {
            s.add(bins.start(i), d[i], false);
        }
        s.add(bins.upper(), d.length == 0 ? 0 : d[d.length - 1], false);
        return s;
    }
}
