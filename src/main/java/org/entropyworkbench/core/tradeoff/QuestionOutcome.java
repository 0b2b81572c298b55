package org.entropyworkbench.core.tradeoff;

/**
 * What the analysis needs of one question of a full run: its step-1 entropy, the correctness
 * after each step and the tokens each step cost. Built from run records by {@code RunOutcomes}.
 *
 * @param questionId    question id
 * @param h1            step-1 mean token entropy (bits) at the chosen k
 * @param correctByStep correctness after step s (index s-1); null entries are ungradable answers
 * @param tokensByStep  completion tokens of step s (index s-1)
 */
public record QuestionOutcome(String questionId, double h1, Boolean[] correctByStep, int[] tokensByStep) {

    /** Steps this question has records for. */
    public int steps() { return correctByStep.length; }

    /** True only when step 1 was graded correct (ungradable counts as not correct). */
    public boolean correctAtStep1() { return Boolean.TRUE.equals(correctByStep[0]); }

    /** True only when the last step was graded correct. */
    public boolean correctAtLastStep() { return Boolean.TRUE.equals(correctByStep[correctByStep.length - 1]); }

    /** Whether step 1 could be graded at all; ungradable questions stay out of the class statistics. */
    public boolean gradableAtStep1() { return correctByStep[0] != null; }

    public long totalTokens() {
        long t = 0;
        for (int x : tokensByStep) {
            t += x;
        }
        return t;
    }

    /** Tokens saved by stopping after step 1. */
    public long tokensAfterStep1() { return totalTokens() - tokensByStep[0]; }
}
