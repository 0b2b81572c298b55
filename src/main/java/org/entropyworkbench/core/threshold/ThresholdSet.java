package org.entropyworkbench.core.threshold;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.entropyworkbench.core.stats.Separation;

/**
 * The four rules' thresholds computed from one calibration set, with the class statistics they
 * came from. Immutable, any thread.
 *
 * @param results    one result per {@link ThresholdMethod}, in enum order
 * @param separation the class statistics, Cohen's d and t-test of the calibration set
 * @param options    the options used (priors)
 */
public record ThresholdSet(Map<ThresholdMethod, ThresholdResult> results, Separation separation, ThresholdOptions options) {

    public ThresholdSet {
        EnumMap<ThresholdMethod, ThresholdResult> copy = new EnumMap<>(ThresholdMethod.class);
        copy.putAll(results);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            if (!copy.containsKey(m)) {
                throw new IllegalArgumentException("missing result for " + m.id());
            }
        }
        results = Collections.unmodifiableMap(copy);
    }

    /** The rule's threshold in bits, NaN when unavailable. */
    public double tau(ThresholdMethod method) {
        return results.get(method).tau();
    }

    public ThresholdResult result(ThresholdMethod method) {
        return results.get(method);
    }

    public boolean available(ThresholdMethod method) {
        return results.get(method).available();
    }
}
