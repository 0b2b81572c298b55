package org.entropyworkbench.core.signal;

import java.util.function.ToDoubleFunction;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.run.StepScorer;
import org.entropyworkbench.core.run.StepSummary;

/**
 * Every signal's gate score kept in a step-1 {@link StepSummary}, so an analysis of any signal can run
 * from summaries (the summary cache) instead of re-parsing the run file (issues 11 and 12).
 *
 * <p>The scores are computed by {@link StepSignals#gateScore} (the one code path that turns step-1
 * tokens into a signal) at {@link SignalSettings#defaults()} with the summary's k, for every recorded
 * k, one per {@link Signal} in declaration order. An analysis whose settings differ from the defaults
 * in a way that changes a signal (custom DeepConf windows) is not {@link #covers covered}: it needs the
 * run file. Stateless; any thread.
 */
public final class SummarySignals {

    private static final Signal[] SIGNALS = Signal.values();

    /** Scores every signal of a step-1 record at the default settings with entropies at k. */
    public static final StepScorer SCORER = SummarySignals::scores;

    private SummarySignals() {
    }

    /**
     * One row per k: the entropy signals at that k; the signals that do not read entropies (DeepConf,
     * mean NLL) are computed once and repeated in every row.
     */
    private static double[] scores(StepRecord record, int[] ks) {
        int n = SIGNALS.length;
        double[] out = new double[n * ks.length];
        for (int row = 0; row < ks.length; row++) {
            int k = ks[row];
            StepTokenData data = StepTokenData.of(record, k);
            SignalSettings settings = SignalSettings.defaults().withK(k);
            for (Signal s : SIGNALS) {
                int at = row * n + s.ordinal();
                out[at] = row > 0 && !dependsOnK(s) ? out[s.ordinal()] : StepSignals.gateScore(s, data, settings);
            }
        }
        return out;
    }

    /** True for the signals computed from the entropies at k. */
    static boolean dependsOnK(Signal signal) {
        return signal.needs().contains(SignalNeed.ENTROPY);
    }

    /**
     * True when the summaries' stored scores are this signal at these settings: the settings are the
     * defaults (any k), or differ only in window sizes the signal does not use.
     */
    public static boolean covers(Signal signal, SignalSettings settings) {
        SignalSettings defaults = SignalSettings.defaults().withK(settings.k());
        if (settings.equals(defaults)) {
            return true;
        }
        return switch (signal) {
            case DEEPCONF_LOWEST_GROUP -> settings.groupWindow() == defaults.groupWindow();
            case DEEPCONF_BOTTOM_10 -> settings.groupWindow() == defaults.groupWindow()
                    && settings.bottomFraction() == defaults.bottomFraction();
            case DEEPCONF_TAIL -> settings.tailTokens() == defaults.tailTokens();
            default -> true;
        };
    }

    /**
     * The step-1 gate score (low = confident) of a summary built with {@link #SCORER}, at k; NaN for a
     * summary without scores. Use only where {@link #covers} holds.
     */
    public static ToDoubleFunction<StepSummary> gateScore(Signal signal, int k) {
        int index = signal.ordinal();
        return s -> s.scoresPerK() == SIGNALS.length ? s.gateScore(k, index) : Double.NaN;
    }

    /** True when a summary carries the scores {@link #SCORER} makes (a step-1 summary built with it). */
    public static boolean hasScores(StepSummary s) {
        return s.scoresPerK() == SIGNALS.length;
    }
}
