package org.entropyworkbench.ui.calibration;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Random;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.FewShotCalibration;
import org.entropyworkbench.ui.common.ChartStyle;
import org.entropyworkbench.ui.common.WorkbenchColors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Strip chart of τ per rule: one dot per few-shot draw (jittered vertically), a box from
 * mean - sd to mean + sd, a whisker from min to max, a diamond at the in-sample τ and a
 * cross at the imported τ. In-sample mode shows only the diamonds. FX thread only.
 */
public final class TauSpreadChart {

    private final XYSeries draws = new XYSeries("τ of each draw", false, true);
    private final XYSeries inSample = new XYSeries("τ from all questions", false, true);
    private final XYSeries imported = new XYSeries("Imported τ", false, true);
    private final JFreeChart chart;
    private final XYPlot plot;

    public TauSpreadChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(draws);
        data.addSeries(inSample);
        data.addSeries(imported);
        NumberAxis x = new NumberAxis("Threshold τ (bits)");
        x.setAutoRangeIncludesZero(false);
        String[] names = new String[ThresholdMethod.values().length];
        for (ThresholdMethod m : ThresholdMethod.values()) {
            names[m.ordinal()] = m.label();
        }
        SymbolAxis y = new SymbolAxis(null, names);
        y.setGridBandsVisible(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        r.setSeriesPaint(0, new Color(0x34, 0x49, 0x5E, 90));
        r.setSeriesShape(1, diamond(6));
        r.setSeriesPaint(1, WorkbenchColors.CORRECT.darker());
        r.setSeriesShape(2, cross(6));
        r.setSeriesPaint(2, WorkbenchColors.INCORRECT);
        plot = new XYPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        chart = new JFreeChart("Spread of τ per rule", ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        y.setTickLabelFont(ChartStyle.LABEL_FONT);
        y.setRange(-0.6, names.length - 0.4);
    }

    public JFreeChart chart() { return chart; }

    /** Shows the rows (and the individual draws when {@code fewShot} is not null). */
    public void show(List<CalibrationRow> rows, FewShotCalibration.Result fewShot) {
        chart.setNotify(false);
        try {
            fill(rows, fewShot);
        } finally {
            chart.setNotify(true);
        }
    }

    private void fill(List<CalibrationRow> rows, FewShotCalibration.Result fewShot) {
        draws.clear();
        inSample.clear();
        imported.clear();
        plot.clearAnnotations();
        draws.setNotify(false);
        if (fewShot != null) {
            Random jitter = new Random(1);
            for (FewShotCalibration.Draw d : fewShot.draws()) {
                for (ThresholdMethod m : ThresholdMethod.values()) {
                    double t = d.thresholds().tau(m);
                    if (Double.isFinite(t)) {
                        draws.add(t, m.ordinal() + (jitter.nextDouble() - 0.5) * 0.45);
                    }
                }
            }
        }
        draws.setNotify(true);
        for (CalibrationRow row : rows) {
            int yi = row.method().ordinal();
            if (Double.isFinite(row.inSampleTau())) {
                inSample.add(row.inSampleTau(), yi);
            }
            if (Double.isFinite(row.importedTau())) {
                imported.add(row.importedTau(), yi);
            }
            if (fewShot != null && Double.isFinite(row.tau())) {
                Color c = WorkbenchColors.method(row.method());
                double sd = Double.isFinite(row.tauSd()) ? row.tauSd() : 0;
                plot.addAnnotation(new XYBoxAnnotation(row.tau() - sd, yi - 0.3, row.tau() + sd, yi + 0.3,
                        new BasicStroke(1.2f), c, WorkbenchColors.withAlpha(c, 45)), false);
                plot.addAnnotation(new XYLineAnnotation(row.tauMin(), yi, row.tauMax(), yi, new BasicStroke(1f), c), false);
                plot.addAnnotation(new XYLineAnnotation(row.tau(), yi - 0.3, row.tau(), yi + 0.3,
                        new BasicStroke(2.2f), c), false);
            }
        }
    }

    private static Shape diamond(double s) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, -s);
        p.lineTo(s, 0);
        p.lineTo(0, s);
        p.lineTo(-s, 0);
        p.closePath();
        return p;
    }

    private static Shape cross(double s) {
        BasicStroke pen = new BasicStroke(2.5f);
        Area area = new Area(pen.createStrokedShape(new Line2D.Double(-s, -s, s, s)));
        area.add(new Area(pen.createStrokedShape(new Line2D.Double(-s, s, s, -s))));
        return area;
    }
}
