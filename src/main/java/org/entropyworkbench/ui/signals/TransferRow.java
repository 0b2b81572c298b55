package org.entropyworkbench.ui.signals;

import org.entropyworkbench.core.analysis.SignalTransfer;
import org.entropyworkbench.ui.common.Formats;

/**
 * One rule in the transfer table, formatted: τ, token savings and Δ-Acc on the evaluation run with its own
 * (in-sample) τ and with the τ calibrated on the other run, and the rule's verdict. Plain data, any thread.
 *
 * @param rule              the rule's name
 * @param tauInSample       e.g. "0.876"
 * @param tauTransferred    e.g. "0.912"
 * @param savingsInSample   e.g. "28.4 %"
 * @param savingsTransferred e.g. "31.0 %"
 * @param deltaInSample     e.g. "-1.5 pts"
 * @param deltaTransferred  e.g. "-3.0 pts"
 * @param losesAccuracy     true when the transferred τ loses accuracy on the evaluation run
 * @param verdict           the rule's plain verdict
 */
public record TransferRow(String rule, String tauInSample, String tauTransferred, String savingsInSample,
                          String savingsTransferred, String deltaInSample, String deltaTransferred,
                          boolean losesAccuracy, String verdict) {

    static TransferRow of(SignalTransfer.Row r) {
        return new TransferRow(r.method().label(), Formats.number(r.tauInSample(), 3), Formats.number(r.tauTransferred(), 3),
                Formats.percent(r.savingsInSample()), Formats.percent(r.savingsTransferred()),
                Formats.points(r.deltaInSample()), Formats.points(r.deltaTransferred()), r.losesAccuracy(), r.verdict());
    }
}
