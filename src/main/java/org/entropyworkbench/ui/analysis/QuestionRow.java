package org.entropyworkbench.ui.analysis;

import org.entropyworkbench.core.tradeoff.QuestionOutcome;

/**
 * One row of the per-question table: a complete question of the run.
 *
 * @param questionId    question id
 * @param h1            step-1 mean token entropy in bits
 * @param correctness   correctness after each step, e.g. "✗ ✓ ✓ ✓" (✓ correct, ✗ wrong, ? ungradable)
 * @param step1Tokens   completion tokens of step 1
 * @param totalTokens   completion tokens of all steps
 * @param correctAtStep1 whether step 1 was right (for colouring)
 */
public record QuestionRow(String questionId, double h1, String correctness, int step1Tokens, long totalTokens,
                          boolean correctAtStep1) {

    /** The correctness column's short mark for a question without a gold answer (its tooltip says so). */
    public static final String NO_GOLD_MARK = "–";

    /** A row of a run without gold answers: correctness cannot be known. */
    public static QuestionRow ungraded(QuestionOutcome q) {
        return new QuestionRow(q.questionId(), q.h1(), NO_GOLD_MARK, q.tokensByStep()[0], q.totalTokens(), false);
    }

    public static QuestionRow of(QuestionOutcome q) {
        StringBuilder sb = new StringBuilder();
        for (Boolean c : q.correctByStep()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(c == null ? "?" : c ? "✓" : "✗");
        }
        return new QuestionRow(q.questionId(), q.h1(), sb.toString(), q.tokensByStep()[0], q.totalTokens(),
                q.correctAtStep1());
    }

    /** Whether the gate stops this question after step 1 at threshold {@code tau} (H ≤ τ). */
    public boolean stoppedAt(double tau) {
        return !Double.isNaN(h1) && h1 <= tau;
    }
}
