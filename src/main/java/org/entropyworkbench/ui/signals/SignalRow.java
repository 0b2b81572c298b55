package org.entropyworkbench.ui.signals;

import java.util.Locale;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.core.stats.PercentileInterval;
import org.entropyworkbench.ui.common.Formats;

/**
 * One line of the Signals table: a signal's discrimination on the selected run, formatted for display.
 * Plain data, any thread.
 *
 * @param rank      1 for the highest AUROC; 0 for a signal the run cannot give
 * @param signal    the signal
 * @param available whether the run has what the signal needs
 * @param auroc     AUROC (NaN when unavailable)
 * @param aurocText e.g. "0.726"
 * @param interval  e.g. "[0.596, 0.836]", or "–" when there are no resamples
 * @param auprcText e.g. "0.777 (base 0.638)"
 * @param cohensD   e.g. "0.88 [0.40, 1.41]"
 * @param pText     Welch p and the permutation p, e.g. "0.0009 / 0.0005"
 * @param counts    e.g. "51 / 29"
 * @param note      why the signal is unavailable, or a note on partly missing data; empty when none
 */
public record SignalRow(int rank, Signal signal, boolean available, double auroc, String aurocText, String interval,
                        String auprcText, String cohensD, String pText, String counts, String note) {

    /** The row of a report; {@code rank} is its place among the available signals. */
    public static SignalRow of(SignalReport r, int rank) {
        if (!r.available()) {
            return new SignalRow(0, r.signal(), false, Double.NaN, Formats.MISSING, Formats.MISSING, Formats.MISSING,
                    Formats.MISSING, Formats.MISSING, Formats.MISSING, "Unavailable: " + r.reason());
        }
        return new SignalRow(rank, r.signal(), true, r.auroc(), Formats.number(r.auroc(), 3),
                interval(r.aurocInterval(), 3),
                Formats.number(r.auprc(), 3) + " (base " + Formats.number(r.auprcBaseline(), 3) + ")",
                Formats.number(r.cohensD(), 2) + " " + interval(r.cohensDInterval(), 2),
                Formats.pValue(r.welchP()) + " / " + Formats.pValue(r.permutationP()),
                r.nCorrect() + " / " + r.nIncorrect(), r.reason() == null ? "" : r.reason());
    }

    /** "Step-1 mean entropy", the name users see. */
    public String label() {
        return signal.label();
    }

    /** "low = confident, bits". */
    public String direction() {
        return signal.direction().label() + ", " + signal.unit();
    }

    static String interval(PercentileInterval i, int decimals) {
        if (i == null || !i.defined()) {
            return Formats.MISSING;
        }
        return String.format(Locale.ROOT, "[%s, %s]", Formats.number(i.lower(), decimals), Formats.number(i.upper(), decimals));
    }
}
