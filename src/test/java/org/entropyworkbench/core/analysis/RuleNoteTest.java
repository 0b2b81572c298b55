package org.entropyworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalDirection;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.threshold.ThresholdResult;
import org.junit.jupiter.api.Test;

/**
 * The Bayes fallback note of a high-is-confident signal names its roots on the signal's own scale: the
 * roots the same quadratic has when solved directly on the signal's values, not the negated gate scores.
 */
class RuleNoteTest {

    private static final Pattern ROOTS = Pattern.compile("roots (\\S+) and (\\S+)\\)");
    private static final Pattern BOUNDARY = Pattern.compile("the boundary (\\S+) is not");

    @Test
    void fallbackRootsOfAHighIsConfidentSignalAreOnItsOwnScale() {
        // DeepConf-like confidences: correct answers tight around 5, incorrect ones spread widely around 4.9,
        // so both Gaussian crossings lie outside [μ_i, μ_c] and the rule falls back.
        double[] correct = {4, 6, 4, 6, 4, 6};
        double[] incorrect = {1.9, 7.9, 1.9, 7.9, 1.9, 7.9};
        Signal signal = Signal.DEEPCONF_MEAN;
        assertThat(signal.direction()).isEqualTo(SignalDirection.HIGH_IS_CONFIDENT);

        ThresholdResult onGateScores = bayes(negated(correct), negated(incorrect));
        assertThat(onGateScores.bayes().fallback()).isTrue();
        String shown = RuleNote.inSignalUnits(onGateScores, signal);

        double[] expected = roots(bayes(correct, incorrect).note());
        double[] printed = roots(shown);
        assertThat(printed[0]).isCloseTo(expected[0], within(1e-3));
        assertThat(printed[1]).isCloseTo(expected[1], within(1e-3));
        assertThat(printed[0]).as("both roots are positive like the confidences").isPositive();
        assertThat(shown).doesNotContain(String.format(java.util.Locale.ROOT, "%.5g", onGateScores.bayes().root1()));
    }

    @Test
    void theLinearBoundaryIsMirroredAndLowIsConfidentNotesAreUntouched() {
        // equal spreads: the linear case, and unequal priors push the boundary outside the means
        double dc = Math.sqrt(0.02 * 11 / 12);
        double[] correct = new double[12];
        for (int i = 0; i < correct.length; i++) {
            correct[i] = 5.1 + (i % 2 == 0 ? dc : -dc);
        }
        double[] incorrect = {4.9, 5.1};
        ThresholdResult onGateScores = bayes(negated(correct), negated(incorrect));
        ThresholdResult onValues = bayes(correct, incorrect);
        assertThat(onGateScores.note()).contains("the boundary");
        double printed = Double.parseDouble(group(BOUNDARY, RuleNote.inSignalUnits(onGateScores, Signal.DEEPCONF_MEAN), 1));
        assertThat(printed).isCloseTo(Double.parseDouble(group(BOUNDARY, onValues.note(), 1)), within(1e-3)).isPositive();

        assertThat(RuleNote.inSignalUnits(onValues, Signal.MEAN_ENTROPY)).isEqualTo(onValues.note());
    }

    private static ThresholdResult bayes(double[] correct, double[] incorrect) {
        return new ThresholdCalculator().compute(correct, incorrect, new ThresholdOptions(BayesPriors.EMPIRICAL))
                .result(ThresholdMethod.BAYES_OPTIMAL);
    }

    private static double[] negated(double[] values) {
        return Arrays.stream(values).map(v -> -v).toArray();
    }

    private static double[] roots(String note) {
        double a = Double.parseDouble(group(ROOTS, note, 1));
        double b = Double.parseDouble(group(ROOTS, note, 2));
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }

    private static String group(Pattern p, String text, int g) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as("'%s' in %s", p, text).isTrue();
        return m.group(g);
    }
}
