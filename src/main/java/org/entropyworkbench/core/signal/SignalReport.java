package org.entropyworkbench.core.signal;

import java.util.List;
import org.entropyworkbench.core.stats.PercentileInterval;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * One signal on one run: how well it separates correct from incorrect step-1 answers, and what each
 * threshold rule would do with it, every figure with its bootstrap interval. τ is in the signal's own
 * units; Cohen's d is oriented so that d &gt; 0 means incorrect answers look less confident (the
 * direction the gate needs), whichever way the signal points.
 *
 * @param signal        the signal
 * @param available     false when the run lacks what the signal needs (then only {@code reason} is meaningful)
 * @param reason        why it is unavailable, or a note about partly missing data; null when nothing to say
 * @param nCorrect      labelled questions correct at step 1 with a value
 * @param nIncorrect    labelled questions incorrect at step 1 with a value
 * @param auroc         AUROC (correct ranked more confident), 0.5 = chance
 * @param aurocInterval percentile bootstrap interval of the AUROC
 * @param auprc         average precision, correct answers as positives
 * @param auprcBaseline share of correct answers (the AUPRC of a useless signal)
 * @param cohensD       oriented Cohen's d
 * @param cohensDInterval its bootstrap interval
 * @param welchP        Welch t-test p
 * @param permutationP  label-permutation p (second opinion on {@code welchP})
 * @param rules         one entry per rule, enum order
 * @param resamples     bootstrap resamples drawn (0 = no intervals)
 * @param seed          bootstrap seed
 */
public record SignalReport(
        Signal signal,
        boolean available,
        String reason,
        int nCorrect,
        int nIncorrect,
        double auroc,
        PercentileInterval aurocInterval,
        double auprc,
        double auprcBaseline,
        double cohensD,
        PercentileInterval cohensDInterval,
        double welchP,
        double permutationP,
        List<RuleReport> rules,
        int resamples,
        long seed) {

    public SignalReport {
        rules = List.copyOf(rules);
    }

    /** A signal the run cannot give. */
    public static SignalReport unavailable(Signal signal, String reason) {
        PercentileInterval none = PercentileInterval.none();
        return new SignalReport(signal, false, reason, 0, 0, Double.NaN, none, Double.NaN, Double.NaN, Double.NaN,
                none, Double.NaN, Double.NaN, List.of(), 0, 0);
    }

    public RuleReport rule(ThresholdMethod method) {
        return rules.stream().filter(r -> r.method() == method).findFirst().orElse(null);
    }

    /**
     * One rule's threshold and trade-off on the run.
     *
     * @param method           the rule
     * @param available        whether the rule gives a τ on this run
     * @param tau              τ in the signal's own units
     * @param tauInterval      its bootstrap interval
     * @param tokenSavings     share of completion tokens saved (0..1)
     * @param savingsInterval  its bootstrap interval
     * @param deltaAccuracy    gated minus full-protocol accuracy, percentage points
     * @param deltaInterval    its bootstrap interval
     */
    public record RuleReport(ThresholdMethod method, boolean available, double tau, PercentileInterval tauInterval,
                             double tokenSavings, PercentileInterval savingsInterval, double deltaAccuracy,
                             PercentileInterval deltaInterval) {
    }
}
