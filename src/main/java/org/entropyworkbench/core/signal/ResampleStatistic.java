package org.entropyworkbench.core.signal;

import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * Layout of the statistics one bootstrap resample yields, shared by the fast kernel and the naive
 * reference so their outputs compare slot by slot: AUROC, Cohen's d, then per rule (enum order) τ in
 * the signal's own units, token savings (fraction) and Δ-Acc (percentage points).
 */
public final class ResampleStatistic {

    public static final int AUROC = 0;
    public static final int COHENS_D = 1;
    private static final int RULES_FROM = 2;
    private static final int PER_RULE = 3;
    public static final int COUNT = RULES_FROM + PER_RULE * ThresholdMethod.values().length;

    private ResampleStatistic() {
    }

    public static int tau(ThresholdMethod m) {
        return RULES_FROM + PER_RULE * m.ordinal();
    }

    public static int savings(ThresholdMethod m) {
        return tau(m) + 1;
    }

    public static int deltaAccuracy(ThresholdMethod m) {
        return tau(m) + 2;
    }
}
