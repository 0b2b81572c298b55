package org.entropyworkbench.ui.calibration;

import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * One rule on the Calibration screen. For the in-sample mode the spread fields equal the single
 * τ (sd NaN); for few-shot they summarise the draws and the effects are held-out means.
 *
 * @param method              the rule
 * @param tau                 τ (in-sample) or mean τ over the available draws, NaN when unavailable
 * @param tauSd               sd of τ over the draws, NaN in-sample
 * @param tauMin              smallest τ of the draws
 * @param tauMax              largest τ of the draws
 * @param inSampleTau         τ from every labelled question, for comparison
 * @param tokenSavings        expected token savings (fraction)
 * @param callSavings         expected call savings (fraction)
 * @param gatedAccuracy       expected gated accuracy (fraction)
 * @param deltaAccuracyPoints expected Δ-Acc (points)
 * @param availableDraws      draws where the rule was available (1 in-sample when available)
 * @param importedTau         τ of the imported calibration file, NaN when none is imported
 * @param note                warnings or why the rule is unavailable, empty when none
 */
public record CalibrationRow(ThresholdMethod method, double tau, double tauSd, double tauMin, double tauMax,
                             double inSampleTau, double tokenSavings, double callSavings, double gatedAccuracy,
                             double deltaAccuracyPoints, int availableDraws, double importedTau, String note) {

    /** The same row with an imported τ. */
    public CalibrationRow withImportedTau(double imported) {
        return new CalibrationRow(method, tau, tauSd, tauMin, tauMax, inSampleTau, tokenSavings, callSavings,
                gatedAccuracy, deltaAccuracyPoints, availableDraws, imported, note);
    }
}
