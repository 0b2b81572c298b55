package org.entropyworkbench.core.signal;

import java.util.Arrays;
import org.entropyworkbench.core.token.Channel;

/**
 * Computes a confidence signal from one step's token data: the one place that turns step-1 tokens into
 * the number a gate compares with τ. Used by the analysis (per question of a run file), by gated runs
 * (after each step 1) and meant for any live caller such as a proxy: build a {@link StepTokenData} from
 * the step's arrays, then call {@link #value} or {@link #stops}.
 *
 * <p>Definitions (docs/signals.md): positions whose value is NaN (no usable logprobs) are left out of
 * every mean, minimum and window; the DeepConf windows slide over the usable positions only. A signal
 * is NaN when no position counts. Stateless and allocation-light; any thread.
 */
public final class StepSignals {

    private StepSignals() {
    }

    /**
     * Why {@code signal} cannot be computed from this step's data (a field it needs is absent), or
     * null when the data is there. A step whose data is present may still give NaN (e.g. no token on
     * the reasoning channel).
     */
    public static String unavailableReason(Signal signal, StepTokenData data) {
        for (SignalNeed need : signal.needs()) {
            boolean missing = switch (need) {
                case ENTROPY -> data.entropies().length == 0;
                case CHANNELS -> data.channels() == null;
                case CHOSEN_LOGPROB -> data.chosenLogprob() == null;
                case TOKEN_CONFIDENCE -> data.tokenConfidence() == null;
            };
            if (missing) {
                return need.missingReason();
            }
        }
        return null;
    }

    /** The signal in its own units (bits or nats), NaN when it cannot be computed from this step. */
    public static double value(Signal signal, StepTokenData data, SignalSettings settings) {
        if (unavailableReason(signal, data) != null) {
            return Double.NaN;
        }
        double[] e = data.entropies();
        return switch (signal) {
            case MEAN_ENTROPY -> meanOfFirst(e, e.length);
            case FIRST_64_ENTROPY, FIRST_256_ENTROPY, FIRST_1024_ENTROPY -> meanOfFirst(e, signal.firstTokens());
            case REASONING_ENTROPY -> channelMean(e, data.channels(), Channel.REASONING.code());
            case ANSWER_ENTROPY -> channelMean(e, data.channels(), Channel.ANSWER.code());
            case MAX_ENTROPY -> max(e);
            case MEAN_NLL -> -meanOfFirst(data.chosenLogprob(), Integer.MAX_VALUE);
            case DEEPCONF_MEAN -> meanOfFirst(data.tokenConfidence(), Integer.MAX_VALUE);
            case DEEPCONF_LOWEST_GROUP -> lowestGroup(usable(data.tokenConfidence()), settings.groupWindow());
            case DEEPCONF_BOTTOM_10 -> bottomGroups(usable(data.tokenConfidence()), settings.groupWindow(),
                    settings.bottomFraction());
            case DEEPCONF_TAIL -> tail(usable(data.tokenConfidence()), settings.tailTokens());
        };
    }

    /** The value as a gate score where low = confident (high-is-confident signals negated). */
    public static double gateScore(Signal signal, StepTokenData data, SignalSettings settings) {
        return signal.direction().orient(value(signal, data, settings));
    }

    /**
     * Whether a question with this step-1 value stops after step 1 under τ (both in the signal's own
     * units): value ≤ τ for low-is-confident signals, value ≥ τ for high-is-confident ones. A NaN value
     * or τ never stops.
     */
    public static boolean stops(Signal signal, double value, double tau) {
        if (Double.isNaN(value) || Double.isNaN(tau)) {
            return false;
        }
        return signal.direction().orient(value) <= signal.direction().orient(tau);
    }

    /** Mean of the non-NaN values among the first {@code limit} positions. */
    private static double meanOfFirst(double[] values, int limit) {
        int end = Math.min(limit, values.length);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < end; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double channelMean(double[] values, String channels, char code) {
        int end = Math.min(values.length, channels.length());
        double sum = 0;
        int count = 0;
        for (int i = 0; i < end; i++) {
            double v = values[i];
            if (!Double.isNaN(v) && channels.charAt(i) == code) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double max(double[] values) {
        double best = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && !(v <= best)) {
                best = v;
            }
        }
        return best;
    }

    /** The non-NaN values in order (the array itself when none is NaN). */
    private static double[] usable(double[] values) {
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        if (count == values.length) {
            return values;
        }
        double[] out = new double[count];
        int j = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[j++] = v;
            }
        }
        return out;
    }

    /**
     * Means of every full window of {@code window} consecutive values (n - window + 1 of them), from a
     * prefix sum so the whole set costs O(n); a single mean of everything when n ≤ window.
     */
    static double[] groupMeans(double[] c, int window) {
        int n = c.length;
        if (n == 0) {
            return new double[0];
        }
        if (n <= window) {
            double sum = 0;
            for (double v : c) {
                sum += v;
            }
            return new double[] {sum / n};
        }
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + c[i];
        }
        double[] means = new double[n - window + 1];
        for (int j = 0; j < means.length; j++) {
            means[j] = (prefix[j + window] - prefix[j]) / window;
        }
        return means;
    }

    private static double lowestGroup(double[] c, int window) {
        double[] g = groupMeans(c, window);
        double low = Double.NaN;
        for (double v : g) {
            if (!(v >= low)) {
                low = v;
            }
        }
        return low;
    }

    /** Mean of the lowest ceil(fraction × groups) group means. */
    private static double bottomGroups(double[] c, int window, double fraction) {
        double[] g = groupMeans(c, window);
        if (g.length == 0) {
            return Double.NaN;
        }
        int take = Math.max(1, (int) Math.ceil(fraction * g.length - 1e-9));
        Arrays.sort(g);
        double sum = 0;
        for (int i = 0; i < take; i++) {
            sum += g[i];
        }
        return sum / take;
    }

    private static double tail(double[] c, int tokens) {
        int n = c.length;
        if (n == 0) {
            return Double.NaN;
        }
        int from = Math.max(0, n - tokens);
        double sum = 0;
        for (int i = from; i < n; i++) {
            sum += c[i];
        }
        return sum / (n - from);
    }
}
