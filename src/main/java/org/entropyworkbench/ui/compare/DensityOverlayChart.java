package org.entropyworkbench.ui.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.entropyworkbench.core.tradeoff.RunOutcomes;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.common.ChartStyle;
import org.entropyworkbench.ui.common.KernelDensity;
import org.entropyworkbench.ui.common.WorkbenchColors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalDirection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Overlaid step-1 entropy densities of several runs (Gaussian kernel estimates): one colour
 * per run, correct answers solid, incorrect dashed. Where the two curves of a run coincide the
 * signal does not separate right from wrong. FX thread only.
 */
public final class DensityOverlayChart {

    private static final int GRID_POINTS = 160;

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final JFreeChart chart;

    public DensityOverlayChart() {
        NumberAxis x = new NumberAxis("Step-1 mean token entropy (bits)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("Density (1/bit)");
        renderer.setDrawSeriesLineAsPath(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        chart = new JFreeChart("Step-1 entropy: correct (solid) vs incorrect (dashed)", ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
    }

    public JFreeChart chart() { return chart; }

    /** Redraws the densities of {@code runs} (each must have an analysis). */
    public void show(List<LoadedRun> runs) {
        chart.setNotify(false);
        try {
            fill(runs);
        } finally {
            chart.setNotify(true);
        }
    }

    private void fill(List<LoadedRun> runs) {
        data.removeAllSeries();
        Signal signal = runs.isEmpty() ? Signal.DEFAULT : runs.get(0).analysis().signal();
        SignalDirection direction = signal.direction();
        label(signal);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LoadedRun r : runs) {
            for (RunOutcomes.Step1Label l : r.analysis().runOutcomes().step1Labels()) {
                if (Double.isFinite(l.h1())) {
                    lo = Math.min(lo, direction.orient(l.h1()));
                    hi = Math.max(hi, direction.orient(l.h1()));
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return;
        }
        double pad = 0.1 * Math.max(hi - lo, 0.1);
        double[] grid = KernelDensity.grid(Math.max(0, lo - pad), hi + pad, GRID_POINTS);
        int series = 0;
        List<String> names = CompareViewModel.labels(runs);
        for (int i = 0; i < runs.size(); i++) {
            LoadedRun run = runs.get(i);
            Color c = WorkbenchColors.run(i);
            series = add(names.get(i), grid, shown(run.analysis().runOutcomes().correctH(), direction), series,
                    c, new BasicStroke(2.2f), true);
            series = add(names.get(i) + " · incorrect", grid, shown(run.analysis().runOutcomes().incorrectH(), direction),
                    series,
                    c, new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f),
                    false);
        }
    }

    /** Axis and title name the signal; values are drawn in its own units (high-is-confident ones turned back). */
    private void label(Signal signal) {
        XYPlot plot = chart.getXYPlot();
        boolean entropy = signal == Signal.DEFAULT;
        plot.getDomainAxis().setLabel(entropy ? "Step-1 mean token entropy (bits)"
                : "Step-1 " + signal.label() + " (" + signal.unit() + ", " + signal.direction().label() + ")");
        plot.getRangeAxis().setLabel("Density (1/" + (signal.unit().equals("bits") ? "bit" : "nat") + ")");
        chart.getTitle().setText((entropy ? "Step-1 entropy" : signal.label())
                + ": correct (solid) vs incorrect (dashed)");
    }

    private static double[] shown(double[] gateScores, SignalDirection direction) {
        double[] out = new double[gateScores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = direction.orient(gateScores[i]);
        }
        return out;
    }

    private int add(String name, double[] grid, double[] values, int index, Color color, BasicStroke stroke,
                    boolean inLegend) {
        if (values.length < 2) {
            return index;
        }
        double[] d = KernelDensity.density(values, grid);
        XYSeries s = new XYSeries(name, false, true);
        for (int g = 0; g < grid.length; g++) {
            s.add(grid[g], d[g], false);
        }
        data.addSeries(s);
        renderer.setSeriesPaint(index, color);
        renderer.setSeriesStroke(index, stroke);
        renderer.setSeriesVisibleInLegend(index, inLegend);
        return index + 1;
    }
}
