package org.entropyworkbench.core.tradeoff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.run.StepSummary;

/**
 * Turns the step lines of a run into what the analysis needs, in one pass over the steps.
 *
 * <p>Two views are built: {@link Result#outcomes()} has every question with all steps 1..S (the
 * full-protocol trade-off), and {@link Result#step1Labels()} has every question whose step 1 was
 * gradable and has a finite entropy (class statistics and calibration; a gated run, where most
 * questions stop after step 1, still calibrates). Ungradable step-1 answers stay out of the
 * labels and count as not correct in the outcomes. Stateless, any thread.
 */
public final class RunOutcomes {

    private RunOutcomes() {
    }

    /**
     * One question's step-1 signal and label.
     *
     * @param questionId question id
     * @param h1         step-1 mean token entropy in bits at the chosen k
     * @param correct    step-1 correctness (gradable answers only)
     */
    public record Step1Label(String questionId, double h1, boolean correct) {
    }

    /**
     * What a run yields for the analysis.
     *
     * @param outcomes              questions with every step 1..S, in order of first appearance
     * @param incompleteQuestionIds questions missing at least one of steps 1..S
     * @param step1Labels           questions with a gradable step 1 and a finite entropy
     * @param ungradableStep1Ids    questions whose step-1 answer could not be graded
     * @param noEntropyStep1Ids     questions whose step 1 has no usable logprobs (H1 is NaN)
     * @param step1Count            questions with a step-1 record
     * @param step1CorrectCount     of those, graded correct at step 1
     */
    public record Result(
            List<QuestionOutcome> outcomes,
            List<String> incompleteQuestionIds,
            List<Step1Label> step1Labels,
            List<String> ungradableStep1Ids,
            List<String> noEntropyStep1Ids,
            int step1Count,
            int step1CorrectCount) {

        public Result {
            outcomes = List.copyOf(outcomes);
            incompleteQuestionIds = List.copyOf(incompleteQuestionIds);
            step1Labels = List.copyOf(step1Labels);
            ungradableStep1Ids = List.copyOf(ungradableStep1Ids);
            noEntropyStep1Ids = List.copyOf(noEntropyStep1Ids);
        }

        /** Step-1 accuracy over every question with a step 1 (ungradable = not correct); NaN when none. */
        public double step1Accuracy() {
            return step1Count == 0 ? Double.NaN : (double) step1CorrectCount / step1Count;
        }

        /** Step-1 entropies of the correctly answered labelled questions. */
        public double[] correctH() {
            return step1Labels.stream().filter(Step1Label::correct).mapToDouble(Step1Label::h1).toArray();
        }

        /** Step-1 entropies of the incorrectly answered labelled questions. */
        public double[] incorrectH() {
            return step1Labels.stream().filter(l -> !l.correct()).mapToDouble(Step1Label::h1).toArray();
        }
    }

    /**
     * Builds the outcomes of a run.
     *
     * @param run   the run as read
     * @param k     top-k whose entropies give H1 (falls back to the largest recorded k when missing)
     * @param steps S, the steps a question needs to count as complete
     */
    public static Result fromRun(RunFile run, int k, int steps) {
        return fromSteps(run.steps(), k, steps);
    }

    /** As {@link #fromRun} for bare step records (first record of a question-step wins). */
    public static Result fromSteps(List<StepRecord> records, int k, int steps) {
        List<StepSummary> summaries = new ArrayList<>(records.size());
        for (StepRecord r : records) {
            summaries.add(StepSummary.of(r));
        }
        return fromSummaries(summaries, k, steps);
    }

    /**
     * As {@link #fromSteps} for step summaries (what the summary cache holds; first summary of a
     * question-step wins).
     */
    public static Result fromSummaries(List<StepSummary> records, int k, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        Map<String, StepSummary[]> byQuestion = new LinkedHashMap<>();
        for (StepSummary r : records) {
            StepSummary[] slots = byQuestion.computeIfAbsent(r.questionId(), id -> new StepSummary[steps]);
            int s = r.step();
            if (s >= 1 && s <= steps && slots[s - 1] == null) {
                slots[s - 1] = r;
            }
        }
        List<QuestionOutcome> outcomes = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        List<Step1Label> labels = new ArrayList<>();
        List<String> ungradable = new ArrayList<>();
        List<String> noEntropy = new ArrayList<>();
        int step1Count = 0;
        int step1Correct = 0;
        for (Map.Entry<String, StepSummary[]> e : byQuestion.entrySet()) {
            String id = e.getKey();
            StepSummary[] slots = e.getValue();
            StepSummary first = slots[0];
            double h1 = Double.NaN;
            if (first != null) {
                step1Count++;
                if (Boolean.TRUE.equals(first.correct())) {
                    step1Correct++;
                }
                h1 = first.meanAll(k);
                if (Double.isNaN(h1)) {
                    noEntropy.add(id);
                }
                if (first.correct() == null) {
                    ungradable.add(id);
                } else if (!Double.isNaN(h1)) {
                    labels.add(new Step1Label(id, h1, first.correct()));
                }
            }
            if (!complete(slots)) {
                incomplete.add(id);
                continue;
            }
            Boolean[] correct = new Boolean[steps];
            int[] tokens = new int[steps];
            for (int s = 0; s < steps; s++) {
                correct[s] = slots[s].correct();
                tokens[s] = Math.max(0, slots[s].completionTokens());
            }
            outcomes.add(new QuestionOutcome(id, h1, correct, tokens));
        }
        return new Result(outcomes, incomplete, labels, ungradable, noEntropy, step1Count, step1Correct);
    }

    private static boolean complete(StepSummary[] slots) {
        for (StepSummary r : slots) {
            if (r == null) {
                return false;
            }
        }
        return true;
    }
}
