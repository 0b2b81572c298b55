package org.entropyworkbench.ui.signals;

import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;

/**
 * One signal's savings-vs-accuracy trade-off over every τ on the selected run, for the Signals screen's
 * overlay: token savings (%) and gated accuracy (%) at each τ, thinned to at most {@link #MAX_POINTS}
 * (every k-th point, the last always kept: enough for a line a few hundred pixels wide). Plain data;
 * built off the FX thread.
 *
 * @param signal        the signal
 * @param savings       x: token savings, percent
 * @param gatedAccuracy y: gated accuracy, percent
 * @param auroc         the signal's AUROC on the run (legend order)
 */
public record SignalCurve(Signal signal, double[] savings, double[] gatedAccuracy, double auroc) {

    /** Points kept per curve. */
    static final int MAX_POINTS = 400;

    /** The curve of {@code analysis} (null when the run has no complete question, so no trade-off). */
    static SignalCurve of(RunAnalysis analysis, double auroc) {
        List<TradeoffPoint> all = analysis.tradeoff().curve();
        List<TradeoffPoint> finite = new ArrayList<>(all.size());
        for (TradeoffPoint p : all) {
            if (Double.isFinite(p.tokenSavings()) && Double.isFinite(p.gatedAccuracy())) {
                finite.add(p);
            }
        }
        if (finite.isEmpty()) {
            return null;
        }
        int stride = Math.max(1, (int) Math.ceil(finite.size() / (double) MAX_POINTS));
        int n = (finite.size() - 1) / stride + 1 + ((finite.size() - 1) % stride == 0 ? 0 : 1);
        double[] x = new double[n];
        double[] y = new double[n];
        int j = 0;
        for (int i = 0; i < finite.size(); i += stride) {
            x[j] = 100 * finite.get(i).tokenSavings();
            y[j++] = 100 * finite.get(i).gatedAccuracy();
        }
        if (j < n) {
            TradeoffPoint last = finite.get(finite.size() - 1);
            x[j] = 100 * last.tokenSavings();
            y[j] = 100 * last.gatedAccuracy();
        }
        return new SignalCurve(analysis.signal(), x, y, auroc);
    }

    /** Number of points drawn. */
    public int size() { return savings.length; }
}
