package org.entropyworkbench.ui.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdSet;
import org.entropyworkbench.ui.common.ChartStyle;
import org.entropyworkbench.ui.common.HistogramBins;
import org.entropyworkbench.ui.common.WorkbenchColors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalDirection;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Histogram of step-1 mean token entropy for correct (teal) and incorrect (orange) step-1
 * answers, drawn semi-transparent over the same bins, with the four rules' τ as labelled
 * dashed markers. The current τ moves too often to repaint the chart for it: the screen draws
 * it as an overlay, and {@link #exportChart(double)} adds it to a copy for PNG/SVG export.
 * FX thread only (the chart repaints its viewer on every change).
 */
public final class EntropyHistogramChart {

    private final XYIntervalSeries correct = new XYIntervalSeries("Correct at step 1");
    private final XYIntervalSeries incorrect = new XYIntervalSeries("Incorrect at step 1");
    private final XYIntervalSeries ungraded = new XYIntervalSeries("All questions (no gold answers)");
    private final JFreeChart chart;
    private final XYPlot plot;
    private final Map<ThresholdMethod, ValueMarker> methodMarkers = new EnumMap<>(ThresholdMethod.class);
    private double dataLower = 0;
    private double dataUpper = 2;
    private SignalDirection direction = SignalDirection.LOW_IS_CONFIDENT;

    public EntropyHistogramChart() {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(correct);
        data.addSeries(incorrect);
        data.addSeries(ungraded);
        NumberAxis x = new NumberAxis("Step-1 mean token entropy (bits)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("Questions (count)");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setUpperMargin(0.3);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesPaint(0, WorkbenchColors.withAlpha(WorkbenchColors.CORRECT, 150));
        renderer.setSeriesPaint(1, WorkbenchColors.withAlpha(WorkbenchColors.INCORRECT, 140));
        renderer.setSeriesOutlinePaint(0, WorkbenchColors.CORRECT.darker());
        renderer.setSeriesOutlinePaint(1, WorkbenchColors.INCORRECT.darker());
        renderer.setSeriesPaint(2, WorkbenchColors.withAlpha(WorkbenchColors.TAU, 110));
        renderer.setSeriesOutlinePaint(2, WorkbenchColors.TAU);
        renderer.setSeriesVisibleInLegend(2, false);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.6f));
        plot = new XYPlot(data, x, y, renderer);
        chart = new JFreeChart("Step-1 entropy by step-1 correctness", ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);

        plot.setNoDataMessage("No question with a graded step 1 and a step-1 entropy in this run");
        plot.setNoDataMessageFont(ChartStyle.LABEL_FONT);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            ValueMarker marker = new ValueMarker(Double.NaN);
            marker.setPaint(WorkbenchColors.method(m));
            marker.setStroke(MARKER_STROKE);
            methodMarkers.put(m, marker);
        }
    }

    private static final BasicStroke MARKER_STROKE =
            new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f);
    /** Narrowest x range, bits: one question (or equal entropies) still gets a readable axis. */
    static final double MIN_SPAN_BITS = 0.5;

    /**
     * The label of each rule's marker ("Bayes 0.798"), NaN-valued when the rule is unavailable. The
     * screen draws these above the plot (ChartOverlay.MarkerLabels); exports draw them in the chart.
     */
    public Map<ThresholdMethod, Double> methodTaus() {
        Map<ThresholdMethod, Double> out = new EnumMap<>(ThresholdMethod.class);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            ValueMarker marker = methodMarkers.get(m);
            boolean shown = plot.getDomainMarkers(Layer.FOREGROUND) != null
                    && plot.getDomainMarkers(Layer.FOREGROUND).contains(marker);
            out.put(m, shown ? marker.getValue() : Double.NaN);
        }
        return out;
    }

    /** Text of a rule's marker label. */
    public static String markerLabel(ThresholdMethod m, double tau) {
        return WorkbenchColors.shortLabel(m) + String.format(Locale.ROOT, " %.3f", tau);
    }

    public JFreeChart chart() { return chart; }

    public XYPlot plot() { return plot; }

    /**
     * Names the signal on the x axis and title; values and τs given afterwards are gate scores (low =
     * confident) and are drawn in the signal's own units. FX thread.
     */
    public void setSignal(Signal signal) {
        direction = signal.direction();
        plot.getDomainAxis().setLabel(signal == Signal.DEFAULT ? "Step-1 mean token entropy (bits)"
                : "Step-1 " + signal.label() + " (" + signal.unit() + ", " + direction.label() + ")");
        chart.getTitle().setText(signal == Signal.DEFAULT ? "Step-1 entropy by step-1 correctness"
                : signal.label() + " by step-1 correctness");
    }

    /**
     * A run without gold answers: one histogram of every question's step-1 score (gate scores, drawn in the
     * signal's units), no classes. FX thread.
     */
    public void setUngraded(double[] allH) {
        double[] all = shown(allH);
        chart.setNotify(false);
        HistogramBins bins = HistogramBins.covering(binTarget(all.length), all);
        fill(correct, bins, new int[0]);
        fill(incorrect, bins, new int[0]);
        fill(ungraded, bins, bins.counts(all));
        legend(false);
        chart.getTitle().setText(chart.getTitle().getText().replace("by step-1 correctness",
                "of every question (no gold answers)"));
        dataLower = bins.lower();
        dataUpper = bins.upper();
        updateRange();
        chart.setNotify(true);
    }

    /** Replaces the two histograms (gate scores, drawn in the signal's units; NaN skipped). */
    public void setClasses(double[] correctH, double[] incorrectH) {
        correctH = shown(correctH);
        incorrectH = shown(incorrectH);
        chart.setNotify(false);
        ungraded.clear();
        legend(true);
        HistogramBins bins = HistogramBins.covering(binTarget(correctH.length + incorrectH.length), correctH, incorrectH);
        fill(correct, bins, bins.counts(correctH));
        fill(incorrect, bins, bins.counts(incorrectH));
        dataLower = bins.lower();
        dataUpper = bins.upper();
        updateRange();
        chart.setNotify(true);
    }

    /** The legend names the two classes, or only "all questions" for a run without gold answers. */
    private void legend(boolean classes) {
        XYBarRenderer r = (XYBarRenderer) plot.getRenderer();
        r.setSeriesVisibleInLegend(0, classes);
        r.setSeriesVisibleInLegend(1, classes);
        r.setSeriesVisibleInLegend(2, !classes);
    }

    private double[] shown(double[] gateScores) {
        if (direction == SignalDirection.LOW_IS_CONFIDENT) {
            return gateScores;
        }
        double[] out = new double[gateScores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = direction.orient(gateScores[i]);
        }
        return out;
    }

    private static int binTarget(int n) {
        return Math.max(8, Math.min(40, (int) Math.round(2 * Math.sqrt(n))));
    }

    private static void fill(XYIntervalSeries series, HistogramBins bins, int[] counts) {
        series.clear();
        for (int i = 0; i < counts.length; i++) {
            double lo = bins.start(i);
            double hi = lo + bins.width();
            series.add((lo + hi) / 2, lo, hi, counts[i], 0, counts[i]);
        }
    }

    /** Shows each available rule's τ as a marker; unavailable rules are hidden. */
    public void setMethodTaus(ThresholdSet thresholds) {
        chart.setNotify(false);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            ValueMarker marker = methodMarkers.get(m);
            plot.removeDomainMarker(marker, Layer.FOREGROUND);
            double t = thresholds == null ? Double.NaN : direction.orient(thresholds.tau(m));
            if (Double.isFinite(t)) {
                marker.setValue(t);
                plot.addDomainMarker(0, marker, Layer.FOREGROUND, false);
            }
        }
        updateRange();
        chart.setNotify(true);
    }

    /**
     * A copy of the chart with the current τ drawn in (a solid line and a "τ = …" label), for
     * export. The copy shares the data, so draw it straight away.
     */
    public JFreeChart exportChart(double tau) {
        JFreeChart copy;
        try {
            copy = (JFreeChart) chart.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("JFreeChart could not be copied", e);
        }
        XYPlot labelled = copy.getXYPlot();
        labelled.setInsets(new RectangleInsets(4, 8, 4, 8));
        double labelTop = labelled.getRangeAxis().getUpperBound();
        int row = 0;
        for (Map.Entry<ThresholdMethod, Double> e : methodTaus().entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                continue;
            }
            XYTextAnnotation label = new XYTextAnnotation(" " + markerLabel(e.getKey(), e.getValue()), e.getValue(),
                    labelTop * (1 - 0.07 * row++));
            label.setFont(ChartStyle.SMALL_FONT);
            label.setPaint(WorkbenchColors.method(e.getKey()));
            label.setBackgroundPaint(new Color(255, 255, 255, 220));
            label.setTextAnchor(TextAnchor.TOP_LEFT);
            labelled.addAnnotation(label, false);
        }
        if (Double.isFinite(tau)) {
            XYPlot p = copy.getXYPlot();
            double top = p.getRangeAxis().getUpperBound();
            p.addAnnotation(new XYLineAnnotation(tau, 0, tau, top, new BasicStroke(2.6f), WorkbenchColors.TAU), false);
            XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, " τ = %.3f", tau), tau,
                    0.04 * top);
            label.setFont(ChartStyle.SMALL_BOLD_FONT);
            label.setPaint(WorkbenchColors.TAU);
            label.setBackgroundPaint(new Color(255, 255, 255, 220));
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            p.addAnnotation(label, false);
        }
        return copy;
    }

    private void updateRange() {
        double lo = dataLower;
        double hi = dataUpper;
        for (ValueMarker m : methodMarkers.values()) {
            if (Double.isFinite(m.getValue()) && plot.getDomainMarkers(Layer.FOREGROUND) != null
                    && plot.getDomainMarkers(Layer.FOREGROUND).contains(m)) {
                lo = Math.min(lo, m.getValue());
                hi = Math.max(hi, m.getValue());
            }
        }
        if (hi - lo < MIN_SPAN_BITS) {
            double mid = (lo + hi) / 2;
            lo = Math.max(0, mid - MIN_SPAN_BITS / 2);
            hi = lo + MIN_SPAN_BITS;
        }
        double pad = 0.04 * (hi - lo);
        plot.getDomainAxis().setRange(Math.max(0, lo - pad), hi + pad);
        // the count axis auto-ranges over the bars inside the x range, so it is redone once x moved (a new
        // signal or run can lie wholly outside the previous x range)
        plot.configureRangeAxes();
    }
}
