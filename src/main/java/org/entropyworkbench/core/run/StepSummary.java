package org.entropyworkbench.core.run;

import java.util.Arrays;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.token.Channel;

/**
 * What the analysis needs of one question-step, without its per-token arrays: correctness, the
 * token count used for savings, and for every recorded k the mean entropy over all tokens with
 * logprobs and over the reasoning and answer tokens only. A few dozen bytes instead of the step's
 * megabytes, so a run's summaries can be cached and re-read in milliseconds (issue 12).
 *
 * <p>{@link #meanAll(int)} equals {@code StepEntropyAccumulator.mean(record.entropies(k), channels, null)}
 * of the record it came from, including the fallback to the largest recorded k. Immutable; any thread.
 *
 * @param questionId       dataset id of the question
 * @param step             1-based protocol step
 * @param correct          TRUE/FALSE, or null when ungradable
 * @param completionTokens completion tokens of the step (as recorded)
 * @param tokenRecords     number of token records
 * @param hasChannels      true when the record carried channel codes
 * @param ks               recorded k values, ascending
 * @param means            per k (index of {@code ks}): mean over all, reasoning-only, answer-only tokens
 *                         (three doubles each, NaN when there is no such token)
 * @param gateScores       step-1 records only (empty otherwise, or when built without a {@link StepScorer}):
 *                         per k (index of {@code ks}; one row when no k was recorded) the scorer's scores, row
 *                         after row, {@link #scoresPerK()} each; see {@link #gateScore(int, int)}
 * @param hasGoldAnswer    false when the step had no gold answer to grade against (live traffic recorded by
 *                         {@code ew serve}, imports without expected answers): {@code correct} is then null
 *                         because nothing could be graded, not because the answer was unreadable
 */
public record StepSummary(String questionId, int step, Boolean correct, int completionTokens, int tokenRecords,
                          boolean hasChannels, int[] ks, double[] means, double[] gateScores, boolean hasGoldAnswer) {

    /** Which mean of {@link #means} to take. */
    public enum Tokens { ALL, REASONING, ANSWER }

    public StepSummary {
        if (means.length != ks.length * 3) {
            throw new IllegalArgumentException("means must hold 3 values per k");
        }
        gateScores = gateScores == null ? new double[0] : gateScores;
        if (gateScores.length % Math.max(1, ks.length) != 0) {
            throw new IllegalArgumentException("gate scores must hold the same number of values per k");
        }
    }

    /** A summary of a step with a gold answer. */
    public StepSummary(String questionId, int step, Boolean correct, int completionTokens, int tokenRecords,
                       boolean hasChannels, int[] ks, double[] means, double[] gateScores) {
        this(questionId, step, correct, completionTokens, tokenRecords, hasChannels, ks, means, gateScores, true);
    }

    /** A summary without gate scores. */
    public StepSummary(String questionId, int step, Boolean correct, int completionTokens, int tokenRecords,
                       boolean hasChannels, int[] ks, double[] means) {
        this(questionId, step, correct, completionTokens, tokenRecords, hasChannels, ks, means, null);
    }

    /** The summary of a record as read, without gate scores; one pass over each per-token array. */
    public static StepSummary of(StepRecord r) {
        return of(r, StepScorer.NONE);
    }

    /**
     * The summary of a record as read; for a step-1 record also the {@code scorer}'s gate scores at every
     * recorded k (at k = 20 when none was recorded: the scores then come from the other per-token arrays).
     */
    public static StepSummary of(StepRecord r, StepScorer scorer) {
        int[] ks = r.entropyByK().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] means = new double[ks.length * 3];
        String channels = r.channels();
        boolean hasChannels = channels != null && !channels.isEmpty();
        for (int i = 0; i < ks.length; i++) {
            double[] e = r.entropyByK().get(ks[i]);
            means[3 * i] = StepEntropyAccumulator.mean(e, channels, null);
            means[3 * i + 1] = hasChannels ? StepEntropyAccumulator.mean(e, channels, Channel.REASONING) : Double.NaN;
            means[3 * i + 2] = hasChannels ? StepEntropyAccumulator.mean(e, channels, Channel.ANSWER) : Double.NaN;
        }
        double[] scores = r.step() == 1 ? gateScores(r, ks, scorer) : null;
        return new StepSummary(r.questionId(), r.step(), r.correct(), r.completionTokens(), r.tokenRecordCount(),
                hasChannels, ks, means, scores, hasGoldAnswer(r));
    }

    /** True when the record had an answer to grade against: a verdict, or an expected answer (then unreadable). */
    public static boolean hasGoldAnswer(StepRecord r) {
        return r.correct() != null || r.expectedAnswer() != null;
    }

    private static double[] gateScores(StepRecord r, int[] ks, StepScorer scorer) {
        return scorer.scores(r, ks.length == 0 ? new int[] {20} : ks);
    }

    /** How many gate scores this summary holds per k (0 when it holds none). */
    public int scoresPerK() {
        return gateScores.length / Math.max(1, ks.length);
    }

    /**
     * The scorer's score number {@code index} at k (falls back to the largest recorded k, as the per-token
     * entropies do); NaN when this summary holds no such score.
     */
    public double gateScore(int k, int index) {
        int perK = scoresPerK();
        if (index < 0 || index >= perK) {
            return Double.NaN;
        }
        int row = 0;
        if (ks.length > 0) {
            row = Arrays.binarySearch(ks, k);
            if (row < 0) {
                row = ks.length - 1;
            }
        }
        return gateScores[row * perK + index];
    }

    /** True when entropies for exactly this k were recorded. */
    public boolean recorded(int k) {
        return Arrays.binarySearch(ks, k) >= 0;
    }

    /** Mean entropy over all tokens with logprobs at k (falls back to the largest recorded k); NaN when none. */
    public double meanAll(int k) {
        return mean(k, Tokens.ALL);
    }

    /** The chosen mean at k (falls back to the largest recorded k); NaN when none. */
    public double mean(int k, Tokens which) {
        if (ks.length == 0) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(ks, k);
        if (i < 0) {
            i = ks.length - 1;
        }
        return means[3 * i + which.ordinal()];
    }
}
