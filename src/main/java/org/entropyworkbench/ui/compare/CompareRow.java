package org.entropyworkbench.ui.compare;

import java.util.EnumMap;
import java.util.Map;
import org.entropyworkbench.core.analysis.RunAnalysis;
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
 */
public record CompareRow(String name, String model, String dataset, int nCorrect, int nIncorrect, double cohensD,
                         double pValue, double overlap, double step1Accuracy, double finalAccuracy,
                         Map<ThresholdMethod, Double> tokenSavings, Map<ThresholdMethod, Double> deltaAccuracy) {

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
        return new CompareRow(name, a.header().model(), a.header().dataset(), s.correct().n(),
                s.incorrect().n(), s.cohensD(), s.pValue(), s.overlap(), a.step1Accuracy(), a.finalAccuracy(),
                savings, delta);
    }

    /** Whether the entropy signal separates the classes: p below 0.05 and correct answers lower. */
    public boolean separates() {
        return pValue < 0.05 && cohensD > 0;
    }
}
