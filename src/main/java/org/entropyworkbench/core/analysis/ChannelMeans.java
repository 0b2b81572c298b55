package org.entropyworkbench.core.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.stats.ClassStatistics;
import org.entropyworkbench.core.tradeoff.RunOutcomes;

/**
 * Step-1 class means per channel (issue 2: "keep the per-channel means, reasoning vs answer tokens,
 * when the record tells them apart"). For every labelled question (gradable step 1 with a finite H,
 * see {@link RunOutcomes.Result#step1Labels()}) whose step-1 record carries channel codes, the mean
 * entropy over its reasoning tokens only and over its answer tokens only; then, per class, the
 * statistics of those means. A question counts in a channel only when it has at least one token
 * of that channel with a usable entropy, so the n of each cell says how many questions it covers.
 *
 * <p>The main H of the analysis is not one of these: it is the mean over every token with usable
 * logprobs, whatever its channel (method.md section 12, item 1). Immutable; any thread.
 *
 * @param correctReasoning   reasoning-token means of the questions answered correctly at step 1
 * @param correctAnswer      answer-token means of the questions answered correctly at step 1
 * @param incorrectReasoning reasoning-token means of the questions answered incorrectly at step 1
 * @param incorrectAnswer    answer-token means of the questions answered incorrectly at step 1
 * @param withChannels       labelled questions whose step-1 record has channel codes
 */
public record ChannelMeans(
        ClassStatistics correctReasoning,
        ClassStatistics correctAnswer,
        ClassStatistics incorrectReasoning,
        ClassStatistics incorrectAnswer,
        int withChannels) {

    /** What the main H averages over, for reports. */
    public static final String MAIN_H_TOKENS = "all tokens with logprobs (reasoning, answer and control),"
            + " method.md section 12 item 1";

    /** True when some step-1 record told reasoning and answer tokens apart. */
    public boolean available() {
        return withChannels > 0;
    }

    /**
     * @param records the run's step records (the first record of a question-step counts, as in the analysis)
     * @param labels  the labelled step-1 questions of the same run
     * @param k       top-k whose entropies are averaged (falls back to the largest recorded k)
     */
    public static ChannelMeans of(List<StepRecord> records, List<RunOutcomes.Step1Label> labels, int k) {
        Map<String, StepRecord> firstSteps = new HashMap<>();
        for (StepRecord r : records) {
            if (r.step() == 1) {
                firstSteps.putIfAbsent(r.questionId(), r);
            }
        }
        Cells correct = new Cells(labels.size());
        Cells incorrect = new Cells(labels.size());
        int withChannels = 0;
        for (RunOutcomes.Step1Label label : labels) {
            StepRecord first = firstSteps.get(label.questionId());
            if (first == null || first.channels() == null || first.channels().isEmpty()) {
                continue;
            }
            withChannels++;
            double[] entropies = first.entropies(k);
            (label.correct() ? correct : incorrect).add(
                    StepEntropyAccumulator.mean(entropies, first.channels(), Channel.REASONING),
                    StepEntropyAccumulator.mean(entropies, first.channels(), Channel.ANSWER));
        }
        return new ChannelMeans(correct.reasoning(), correct.answer(), incorrect.reasoning(), incorrect.answer(),
                withChannels);
    }

    /** Per-question channel means of one class; NaN (no token of that channel) is skipped by the statistics. */
    private static final class Cells {
        private final double[] reasoning;
        private final double[] answer;
        private int n;

        Cells(int capacity) {
            reasoning = new double[capacity];
            answer = new double[capacity];
        }

        void add(double reasoningMean, double answerMean) {
            reasoning[n] = reasoningMean;
            answer[n] = answerMean;
            n++;
        }

        ClassStatistics reasoning() {
            return ClassStatistics.of(Arrays.copyOf(reasoning, n));
        }

        ClassStatistics answer() {
            return ClassStatistics.of(Arrays.copyOf(answer, n));
        }
    }
}
