package org.entropyworkbench.ui.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.core.stats.PercentileInterval;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.entropyworkbench.ui.common.ChartStyle;
import org.entropyworkbench.ui.common.WorkbenchColors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.annotations.XYDrawableAnnotation;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The savings-versus-accuracy trade-off over every τ: token savings (%) on x, gated accuracy (%)
 * on y, the S-step accuracy as a reference line, the four rules as labelled points and the
 * current τ as a moving dot. FX thread only.
 */
public final class TradeoffCurveChart {

    private final XYSeries curve = new XYSeries("Every τ", false, true);
    private final XYSeries methods = new XYSeries("Rules", false, true);
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ValueMarker baseline = new ValueMarker(Double.NaN);
    private final List<RuleWhiskers> whiskers = new ArrayList<>();
    /** Narrowest percent axis: a flat curve (all answers correct) still gets readable ticks. */
    static final double MIN_PERCENT_SPAN = 4;

    public TradeoffCurveChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(curve);
        data.addSeries(methods);
        NumberAxis x = new NumberAxis("Token savings (%)");
        NumberAxis y = new NumberAxis("Gated accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(0, new Color(0x5D, 0x6B, 0x7A));
        renderer.setSeriesStroke(0, new BasicStroke(1.6f));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShapesVisible(1, true);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(1, new Color(0x2E, 0x86, 0xC1));
        plot = new XYPlot(data, x, y, renderer);
        chart = new JFreeChart("Savings vs accuracy over all τ", ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        ChartStyle.minimumSpan(x, MIN_PERCENT_SPAN);
        ChartStyle.minimumSpan(y, MIN_PERCENT_SPAN);
        plot.setNoDataMessage(NO_COMPLETE_QUESTION);
        plot.setNoDataMessageFont(ChartStyle.LABEL_FONT);
        baseline.setPaint(new Color(0x8A, 0x96, 0xA3));
        baseline.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        baseline.setLabelFont(ChartStyle.SMALL_FONT);
        baseline.setLabelAnchor(RectangleAnchor.RIGHT);
        baseline.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(baseline);
    }

    private static final String NO_COMPLETE_QUESTION = "No curve: the run has no complete question (every step graded)";

    public JFreeChart chart() { return chart; }

    /**
     * Draws each rule's 95 % bootstrap intervals at its point ({@link RuleWhiskers}): token savings across,
     * Δ-Acc up and down about the S-step accuracy. Null {@code report}, or one for another signal than
     * {@code analysis}, removes them. Call after {@link #setAnalysis} (which clears every annotation).
     */
    public void setIntervals(SignalReport report, RunAnalysis analysis) {
        for (RuleWhiskers w : whiskers) {
            plot.removeAnnotation(w, false);
        }
        whiskers.clear();
        if (report != null && analysis != null && report.available() && report.signal() == analysis.signal()
                && !analysis.outcomes().isEmpty()) {
            double fin = 100 * analysis.finalAccuracy();
            int i = 0;
            for (ThresholdMethod m : ThresholdMethod.values()) {
                TradeoffPoint p = analysis.atMethod(m);
                SignalReport.RuleReport r = report.rule(m);
                if (r == null || !r.available() || !Double.isFinite(p.tau()) || !Double.isFinite(p.tokenSavings())) {
                    continue;
                }
                PercentileInterval s = r.savingsInterval();
                PercentileInterval d = r.deltaInterval();
                RuleWhiskers w = new RuleWhiskers(100 * p.tokenSavings(), 100 * p.gatedAccuracy(),
                        s.defined() ? 100 * s.lower() : Double.NaN, s.defined() ? 100 * s.upper() : Double.NaN,
                        d.defined() ? fin + d.lower() : Double.NaN, d.defined() ? fin + d.upper() : Double.NaN,
                        WorkbenchColors.method(m), 3 * i - 4.5);
                whiskers.add(w);
                plot.addAnnotation(w, false);
                i++;
            }
        }
        chart.fireChartChanged();
    }

    /** The whiskers drawn now, one per rule with an interval (tests). */
    List<RuleWhiskers> whiskers() { return List.copyOf(whiskers); }

    /** Redraws the curve and the rules' points for an analysis (null clears). */
    public void setAnalysis(RunAnalysis analysis) {
        chart.setNotify(false);
        try {
            fill(analysis);
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * Fills the curve and the rules' points. Each rule's label hangs below its point, or above it
     * when the point lies in the lower half of the curve's accuracy range, so it stays inside the plot.
     */
    private void fill(RunAnalysis analysis) {
        curve.clear();
        methods.clear();
        plot.clearAnnotations();
        whiskers.clear();
        if (analysis == null || !analysis.gradingState().hasClasses()) {
            baseline.setValue(Double.NaN);
            plot.setNoDataMessage(analysis == null ? NO_COMPLETE_QUESTION
                    : "No curve: no gold answers in this run, and accuracy needs graded questions");
            return;
        }
        plot.setNoDataMessage(NO_COMPLETE_QUESTION);
        List<TradeoffPoint> points = analysis.tradeoff().curve();
        curve.setNotify(false);
        for (TradeoffPoint p : points) {
            if (Double.isFinite(p.tokenSavings()) && Double.isFinite(p.gatedAccuracy())) {
                curve.add(100 * p.tokenSavings(), 100 * p.gatedAccuracy());
            }
        }
        curve.setNotify(true);
        double middleY = curve.isEmpty() ? Double.NaN : (curve.getMinY() + curve.getMaxY()) / 2;
        int i = 0;
        for (ThresholdMethod m : ThresholdMethod.values()) {
            TradeoffPoint p = analysis.atMethod(m);
            if (!Double.isFinite(p.tau()) || !Double.isFinite(p.tokenSavings())) {
                continue;
            }
            double sx = 100 * p.tokenSavings();
            double sy = 100 * p.gatedAccuracy();
            methods.add(sx, sy);
            boolean below = !(sy < middleY);
            double angle = (below ? Math.PI / 2 : -Math.PI / 2) + (i - 1.5) * 0.35;
            XYPointerAnnotation label = new XYPointerAnnotation(WorkbenchColors.shortLabel(m), sx, sy, angle);
            label.setFont(ChartStyle.SMALL_FONT);
            label.setPaint(WorkbenchColors.method(m));
            label.setArrowPaint(WorkbenchColors.method(m));
            label.setTipRadius(5);
            label.setBaseRadius(22 + 16 * i);
            label.setArrowLength(5);
            label.setArrowWidth(3);
            label.setLabelOffset(2);
            label.setTextAnchor(below ? TextAnchor.TOP_CENTER : TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(label, false);
            i++;
        }
        double fin = analysis.finalAccuracy();
        keepAccuracyAxisWithin100(100 * fin);
        baseline.setValue(100 * fin);
        baseline.setLabel(String.format(Locale.ROOT, "%d-step accuracy %.1f %%", analysis.steps(), 100 * fin));
    }

    /**
     * A flat curve near 100 % (every answer correct) would get an axis up to 102 %: keep the
     * minimum span, but below 100 %. Other curves keep the automatic range.
     */
    private void keepAccuracyAxisWithin100(double baselinePercent) {
        var y = plot.getRangeAxis();
        y.setAutoRange(true);
        if (curve.isEmpty()) {
            return;
        }
        double lo = Math.min(curve.getMinY(), baselinePercent);
        double hi = Math.max(curve.getMaxY(), baselinePercent);
        if (hi - lo < MIN_PERCENT_SPAN && hi > 100 - MIN_PERCENT_SPAN / 2) {
            y.setRange(100 - MIN_PERCENT_SPAN, 100.5);
        }
    }

    /**
     * A copy of the chart with the current τ's point drawn in, for export (the screen draws that
     * point as an overlay). The copy shares the data, so draw it straight away.
     */
    public JFreeChart exportChart(TradeoffPoint p) {
        JFreeChart copy;
        try {
            copy = (JFreeChart) chart.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("JFreeChart could not be copied", e);
        }
        if (p != null && Double.isFinite(p.tokenSavings()) && Double.isFinite(p.gatedAccuracy())) {
            Drawable dot = (g2, area) -> {
                g2.setPaint(WorkbenchColors.TAU);
                g2.fill(new Ellipse2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight()));
            };
            copy.getXYPlot().addAnnotation(new XYDrawableAnnotation(100 * p.tokenSavings(), 100 * p.gatedAccuracy(),
                    12, 12, dot), false);
        }
        return copy;
    }
}
