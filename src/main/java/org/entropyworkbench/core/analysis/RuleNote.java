package org.entropyworkbench.core.analysis;

import java.util.Locale;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalDirection;
import org.entropyworkbench.core.threshold.BayesDetails;
import org.entropyworkbench.core.threshold.ThresholdResult;

/**
 * A rule's note in the signal's own units. The rules run on gate scores (low = confident), so for a
 * high-is-confident signal the Bayes note's roots ("the boundary -0.41 …", "roots -3.2 and -0.95") are on
 * the negated scale, which a user reading the signal's τ cannot place. This rewrites those numbers on the
 * signal's scale (the quadratic in the signal's units has exactly the negated roots). Stateless; any thread.
 */
public final class RuleNote {

    private RuleNote() {
    }

    /** The note of {@code result} for a user of {@code signal}; null when the result has none. */
    public static String inSignalUnits(ThresholdResult result, Signal signal) {
        String note = result.note();
        BayesDetails bayes = result.bayes();
        if (note == null || bayes == null || signal.direction() == SignalDirection.LOW_IS_CONFIDENT) {
            return note;
        }
        String rootsPhrase = "(roots " + fmt(bayes.root1()) + " and " + fmt(bayes.root2()) + ")";
        if (note.contains(rootsPhrase)) {
            double lower = Math.min(-bayes.root1(), -bayes.root2());
            double upper = Math.max(-bayes.root1(), -bayes.root2());
            return note.replace(rootsPhrase, "(roots " + fmt(lower) + " and " + fmt(upper) + ")");
        }
        String boundary = "the boundary " + fmt(bayes.root1()) + " ";
        if (note.contains(boundary)) {
            return note.replace(boundary, "the boundary " + fmt(-bayes.root1()) + " ");
        }
        return note;
    }

    /** As ThresholdCalculator prints numbers in its notes. */
    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.5g", x);
    }
}
