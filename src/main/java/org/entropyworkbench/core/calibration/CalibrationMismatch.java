package org.entropyworkbench.core.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings for applying a calibration to a run it was not made for: another model, a top-k too
 * small to compute H at the calibration's k, or another dataset. Thresholds are specific to all
 * three (docs/calibration.md). The CLI and the window show the same texts. Stateless, any thread.
 */
public final class CalibrationMismatch {

    private CalibrationMismatch() {
    }

    /**
     * @param source   how to name the calibration in the message (file name or "the loaded calibration")
     * @param runModel model of the run, or null when unknown
     * @param runTopK  top-k logprobs the run requests, or 0 when unknown
     * @param dataset  dataset name of the run, or null when unknown
     * @return one line per mismatch, empty when none
     */
    public static List<String> warnings(CalibrationFile calibration, String source, String runModel, int runTopK,
                                        String dataset) {
        List<String> out = new ArrayList<>();
        if (calibration.model() != null && runModel != null && !calibration.model().equals(runModel)) {
            out.add(source + " was calibrated on model '" + calibration.model() + "', this run uses '" + runModel
                    + "': thresholds are model-specific");
        }
        if (runTopK > 0 && runTopK < calibration.k()) {
            out.add(source + " was calibrated at k = " + calibration.k() + ", this run requests only " + runTopK
                    + " top logprobs: H cannot be computed as calibrated");
        }
        if (calibration.dataset() != null && dataset != null && !calibration.dataset().equals(dataset)) {
            out.add(source + " was calibrated on dataset '" + calibration.dataset() + "', this run uses '" + dataset
                    + "': thresholds may not transfer between datasets");
        }
        return out;
    }
}
