package org.entropyworkbench.core.dataset;

/** How a dataset's answers are graded. */
public enum AnswerKind {
    /** AIME-style integer 0..999, answer in the last \boxed{} else the last integer. */
    INTEGER("integer"),
    /** Options shuffled per question with a recorded seed; one letter answer. */
    MULTIPLE_CHOICE("multiple-choice"),
    /** Exact (normalised) or numeric match for user datasets. */
    FREE("free");

    private final String wireName;

    AnswerKind(String wireName) { this.wireName = wireName; }

    /** Name used in run files and calibration files. */
    public String wireName() { return wireName; }

    public static AnswerKind fromWireName(String s) {
        for (AnswerKind k : values()) {
            if (k.wireName.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown answer kind '" + s + "' (expected integer, multiple-choice or free)");
    }
}
