package org.entropyworkbench.core.tradeoff;

/**
 * Whether a run's questions had gold answers, which decides what an analysis can show. Live traffic
 * recorded by {@code ew serve} has none: its step-1 scores, stop rate and token savings can be shown,
 * its accuracy, class separation (d, p, AUROC) and the rules that need classes cannot.
 */
public enum GradingState {
    /** Every question had a gold answer (an unreadable answer still counts, as not correct). */
    ALL_GRADED,
    /** Some questions had none: the analysis works on the graded ones and says how many were left out. */
    PARTLY_GRADED,
    /** No question had a gold answer. */
    UNGRADED;

    /** The plain reason shown wherever a figure needs graded questions. */
    public static final String NO_GOLD_REASON =
            "no gold answers in this run: accuracy and the rules need graded questions";

    /** The state of a run with {@code graded} graded and {@code ungraded} ungraded questions. */
    public static GradingState of(int graded, int ungraded) {
        if (ungraded == 0) {
            return ALL_GRADED;
        }
        return graded == 0 ? UNGRADED : PARTLY_GRADED;
    }

    /** True when accuracy and the class-based figures can be computed. */
    public boolean hasClasses() {
        return this != UNGRADED;
    }

    /**
     * One sentence for the user about this state, or null when every question was graded.
     *
     * @param ungradedCount questions without a gold answer
     */
    public String note(int ungradedCount) {
        return switch (this) {
            case ALL_GRADED -> null;
            case PARTLY_GRADED -> ungradedCount + " question(s) without a gold answer left out: accuracy, classes"
                    + " and savings are over the graded questions";
            case UNGRADED -> NO_GOLD_REASON;
        };
    }
}
