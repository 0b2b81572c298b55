package org.entropyworkbench.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;

/**
 * Does a τ calibrated on one run hold on another (same model on another dataset, or another model)?
 * For each rule: τ, token savings and Δ-Acc on the evaluation run with its own in-sample τ, and with
 * the τ calibrated on the other run, plus a plain verdict. Both runs are analysed under the same
 * signal and options. Stateless; the caller's thread.
 *
 * @param signal       the signal both τ are on
 * @param calibratedOn title (or file name) of the calibration run
 * @param evaluatedOn  title (or file name) of the evaluation run
 * @param rows         one row per rule, enum order
 * @param evaluationComplete questions of the evaluation run with all steps (0: no trade-off can be evaluated)
 */
public record SignalTransfer(Signal signal, String calibratedOn, String evaluatedOn, List<Row> rows,
                             int evaluationComplete) {

    public SignalTransfer {
        rows = List.copyOf(rows);
    }

    /**
     * One rule in sample vs transferred. τ in the signal's own units; savings a fraction; Δ-Acc in
     * percentage points (gated minus the evaluation run's full-protocol accuracy).
     */
    public record Row(ThresholdMethod method, double tauInSample, double tauTransferred, double savingsInSample,
                      double savingsTransferred, double deltaInSample, double deltaTransferred, boolean losesAccuracy,
                      String verdict) {
    }

    /** Calibrates on {@code calibrateOn}, evaluates on {@code evaluateOn}. */
    public static SignalTransfer of(RunFile calibrateOn, RunFile evaluateOn, AnalysisOptions options) {
        RunAnalysis a = RunAnalysis.of(calibrateOn, options);
        RunAnalysis b = RunAnalysis.of(evaluateOn, options);
        int complete = b.outcomes().size();
        List<Row> rows = new ArrayList<>();
        for (ThresholdMethod m : ThresholdMethod.values()) {
            double tauA = a.thresholds().tau(m);
            TradeoffPoint inSample = b.atMethod(m);
            TradeoffPoint transferred = b.tradeoff().evaluate(tauA);
            boolean loses = complete > 0 && !Double.isNaN(tauA) && transferred.deltaAccuracyPoints() < 0;
            rows.add(new Row(m, b.tauInSignalUnits(m), options.signal().direction().orient(tauA),
                    complete > 0 ? inSample.tokenSavings() : Double.NaN,
                    complete > 0 && !Double.isNaN(tauA) ? transferred.tokenSavings() : Double.NaN,
                    complete > 0 ? inSample.deltaAccuracyPoints() : Double.NaN,
                    complete > 0 && !Double.isNaN(tauA) ? transferred.deltaAccuracyPoints() : Double.NaN,
                    loses, verdict(a, m, complete, transferred, inSample)));
        }
        return new SignalTransfer(options.signal(), a.header().title(), b.header().title(), rows, complete);
    }

    /** Rules whose transferred τ would lose accuracy on the evaluation run. */
    public List<Row> losingRows() {
        return rows.stream().filter(Row::losesAccuracy).toList();
    }

    private static String verdict(RunAnalysis a, ThresholdMethod m, int complete, TradeoffPoint transferred,
                                  TradeoffPoint inSample) {
        if (!a.thresholds().available(m)) {
            return "no τ: the rule is unavailable on the calibration run (" + a.thresholds().result(m).note() + ")";
        }
        if (complete == 0) {
            return "cannot judge: the evaluation run has no question with all steps";
        }
        double delta = transferred.deltaAccuracyPoints();
        String savings = pct(transferred.tokenSavings()) + " of tokens";
        if (delta < 0) {
            return String.format(Locale.ROOT, "loses accuracy: the transferred τ costs %.1f points (gated %s vs full %s) "
                    + "while saving %s; in-sample Δ-Acc would be %+.1f", -delta, pct(transferred.gatedAccuracy()),
                    pct(transferred.finalAccuracy()), savings, inSample.deltaAccuracyPoints());
        }
        return String.format(Locale.ROOT, "holds: no accuracy lost (Δ-Acc %+.1f points), saves %s", delta, savings);
    }

    private static String pct(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
