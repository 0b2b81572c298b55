package org.entropyworkbench.ui.compare;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.stats.Discrimination;
import org.entropyworkbench.core.stats.PercentileInterval;
import org.entropyworkbench.core.stats.Separation;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.entropyworkbench.ui.workspace.LoadedRun;

/**
 * One run on the Compare screen.
 *
 * @param name          display name
 * @param model         model name from the header
 * @param dataset       dataset name from the header
 * @param nCorrect      labelled step-1 answers that were correct
 * @param nIncorrect    labelled step-1 answers that were incorrect
 * @param cohensD       signed Cohen's d of step-1 entropy (incorrect minus correct)
 * @param pValue        Welch two-sided p
 * @param overlap       overlapping coefficient of the two class histograms (1 = same distribution)
 * @param step1Accuracy step-1 accuracy
 * @param finalAccuracy S-step accuracy
 * @param tokenSavings  each rule's token savings
 * @param deltaAccuracy each rule's Δ-Acc (points)
 * @param signal        the confidence signal the row is computed on (the session's)
 * @param auroc         AUROC of that signal, correct vs incorrect at step 1 (0.5 = chance)
 * @param aurocInterval its 95 % percentile bootstrap interval; {@link PercentileInterval#none()} until computed
 * @param graded        false for a run without gold answers: its accuracy and class figures are NaN (shown "–")
 */
public record CompareRow(String name, String model, String dataset, int nCorrect, int nIncorrect, double cohensD,
                         double pValue, double overlap, double step1Accuracy, double finalAccuracy,
                         Map<ThresholdMethod, Double> tokenSavings, Map<ThresholdMethod, Double> deltaAccuracy,
                         Signal signal, double auroc, PercentileInterval aurocInterval, boolean graded) {

    /** The row of an analysed run, labelled {@code name}. */
    public static CompareRow of(LoadedRun run, String name) {
        RunAnalysis a = run.analysis();
        Separation s = a.separation();
        Map<ThresholdMethod, Double> savings = new EnumMap<>(ThresholdMethod.class);
        Map<ThresholdMethod, Double> delta = new EnumMap<>(ThresholdMethod.class);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            TradeoffPoint p = a.atMethod(m);
            boolean available = a.thresholds().available(m);
            savings.put(m, available ? p.tokenSavings() : Double.NaN);
            delta.put(m, available ? p.deltaAccuracyPoints() : Double.NaN);
        }
        if (!a.gradingState().hasClasses()) {
            for (ThresholdMethod m : ThresholdMethod.values()) {
                delta.put(m, Double.NaN);
            }
            return new CompareRow(name, a.header().model(), a.header().dataset(), 0, 0, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, savings, delta, a.signal(), Double.NaN, PercentileInterval.none(),
                    false);
        }
        return new CompareRow(name, a.header().model(), a.header().dataset(), s.correct().n(),
                s.incorrect().n(), s.cohensD(), s.pValue(), s.overlap(), a.step1Accuracy(), a.finalAccuracy(),
                savings, delta, a.signal(), Discrimination.auroc(a.runOutcomes().correctH(), a.runOutcomes().incorrectH()),
                PercentileInterval.none(), true);
    }

    /** "18 / 12", or why there are no classes. */
    public String classesText() {
        return graded ? nCorrect + " / " + nIncorrect : "no gold answers";
    }

    /** This row with the AUROC's bootstrap interval. */
    public CompareRow withAurocInterval(PercentileInterval interval) {
        return new CompareRow(name, model, dataset, nCorrect, nIncorrect, cohensD, pValue, overlap, step1Accuracy,
                finalAccuracy, tokenSavings, deltaAccuracy, signal, auroc, interval, graded);
    }

    /** "0.714 [0.639, 0.787]", or the AUROC alone while the interval is computed. */
    public String aurocText() {
        String point = Double.isNaN(auroc) ? "–" : String.format(Locale.ROOT, "%.3f", auroc);
        return aurocInterval.defined() ? String.format(Locale.ROOT, "%s [%.3f, %.3f]", point, aurocInterval.lower(),
                aurocInterval.upper()) : point;
    }

    /** Whether the entropy signal separates the classes: p below 0.05 and correct answers lower. */
    public boolean separates() {
        return pValue < 0.05 && cohensD > 0;
    }
}
