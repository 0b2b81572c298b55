package org.entropyworkbench.core.tradeoff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.entropyworkbench.core.run.FailedStep;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunSummary;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.run.StepSummary;

/**
 * Turns the step lines of a run into what the analysis needs, in one pass over the steps.
 *
 * <p>Two views are built: {@link Result#outcomes()} has every question with all steps 1..S (the
 * full-protocol trade-off), and {@link Result#step1Labels()} has every question whose step 1 was
 * gradable and has a finite entropy (class statistics and calibration; a gated run, where most
 * questions stop after step 1, still calibrates). Ungradable step-1 answers stay out of the
 * labels and count as not correct in the outcomes.
 *
 * <p>A question whose step 1 had no gold answer at all (live traffic recorded by {@code ew serve}, an
 * import without expected answers) is <em>ungraded</em>, which is not the same as ungradable: when the
 * run has graded questions, ungraded ones are left out of everything (labels, accuracy, outcomes) and
 * listed in {@link Result#ungradedIds()}; when nothing is graded, the outcomes keep every complete
 * question so that what needs no answers (stop rate, token savings) can still be shown, see
 * {@link GradingState}. Stateless, any thread.
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
     * @param failedQuestionIds     questions stopped by a failed step (the server refused it as too long for its
     *                              context); a failed step 1 counts in {@code step1Count}, never as correct,
     *                              and the question is incomplete
     * @param ungradedIds           questions whose step 1 had no gold answer (not in {@code step1Count})
     * @param ungradedH             the finite step-1 scores of those questions, in run order
     */
    public record Result(
            List<QuestionOutcome> outcomes,
            List<String> incompleteQuestionIds,
            List<Step1Label> step1Labels,
            List<String> ungradableStep1Ids,
            List<String> noEntropyStep1Ids,
            int step1Count,
            int step1CorrectCount,
            List<String> failedQuestionIds,
            List<String> ungradedIds,
            double[] ungradedH) {

        public Result {
            ungradedIds = ungradedIds == null ? List.of() : List.copyOf(ungradedIds);
            ungradedH = ungradedH == null ? new double[0] : ungradedH;
            outcomes = List.copyOf(outcomes);
            incompleteQuestionIds = List.copyOf(incompleteQuestionIds);
            step1Labels = List.copyOf(step1Labels);
            ungradableStep1Ids = List.copyOf(ungradableStep1Ids);
            noEntropyStep1Ids = List.copyOf(noEntropyStep1Ids);
            failedQuestionIds = failedQuestionIds == null ? List.of() : List.copyOf(failedQuestionIds);
        }

        /** A run where every question had a gold answer. */
        public Result(List<QuestionOutcome> outcomes, List<String> incompleteQuestionIds, List<Step1Label> step1Labels,
                      List<String> ungradableStep1Ids, List<String> noEntropyStep1Ids, int step1Count,
                      int step1CorrectCount, List<String> failedQuestionIds) {
            this(outcomes, incompleteQuestionIds, step1Labels, ungradableStep1Ids, noEntropyStep1Ids, step1Count,
                    step1CorrectCount, failedQuestionIds, List.of(), null);
        }

        /** Whether the run's questions had gold answers: all, some (the rest left out) or none. */
        public GradingState gradingState() {
            return GradingState.of(step1Count, ungradedIds.size());
        }

        /** Every question with a step-1 record, graded or not. */
        public int questionCount() {
            return step1Count + ungradedIds.size();
        }

        /**
         * The finite step-1 scores of every question the analysis works on: the labelled ones and, in a run
         * without gold answers, the ungraded ones (what a histogram of "all questions" shows).
         */
        public double[] allStep1H() {
            double[] labelled = step1Labels.stream().mapToDouble(Step1Label::h1).toArray();
            if (gradingState() != GradingState.UNGRADED) {
                return labelled;
            }
            return ungradedH.clone();
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
        return withFailedSteps(fromSteps(run.steps(), k, steps), run.failedSteps());
    }

    /** As {@link #fromRun} with another step-1 signal (see {@link #fromSteps(List, int, ToDoubleFunction)}). */
    public static Result fromRun(RunFile run, int steps, ToDoubleFunction<StepRecord> step1Score) {
        return withFailedSteps(fromSteps(run.steps(), steps, step1Score), run.failedSteps());
    }

    /**
     * As {@link #fromRun} for a run's summaries (what the summary cache holds), with any step-1 score
     * over the summaries (see {@link #fromSteps(List, int, ToDoubleFunction)}); failed steps included.
     */
    public static Result fromSummary(RunSummary run, int steps, ToDoubleFunction<StepSummary> step1Score) {
        return withFailedSteps(fromSummaries(run.steps(), steps, step1Score), run.failedSteps());
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
     * As {@link #fromSteps(List, int, int)} with another step-1 signal: {@code step1Score} gives each
     * question's gate score from its step-1 record, low = confident (a high-is-confident signal comes
     * negated), NaN when it cannot be computed. The result's "h1" fields then hold that score.
     */
    public static Result fromSteps(List<StepRecord> records, int steps, ToDoubleFunction<StepRecord> step1Score) {
        return build(records, steps, StepRecord::questionId, StepRecord::step, StepRecord::correct,
                StepSummary::hasGoldAnswer, StepRecord::completionTokens, step1Score);
    }

    /**
     * As {@link #fromSteps(List, int, int)} for step summaries (what the summary cache holds; first
     * summary of a question-step wins): H1 is the step-1 mean entropy at k.
     */
    public static Result fromSummaries(List<StepSummary> records, int k, int steps) {
        return fromSummaries(records, steps, first -> first.meanAll(k));
    }

    /** As {@link #fromSteps(List, int, ToDoubleFunction)} for step summaries with a score over the summary. */
    public static Result fromSummaries(List<StepSummary> records, int steps, ToDoubleFunction<StepSummary> step1Score) {
        return build(records, steps, StepSummary::questionId, StepSummary::step, StepSummary::correct,
                StepSummary::hasGoldAnswer, StepSummary::completionTokens, step1Score);
    }

    /**
     * Adds a run's failed steps: each refused question is listed once, counts as incomplete and, when
     * step 1 was refused, in the step-1 count (never as correct).
     */
    private static Result withFailedSteps(Result r, List<FailedStep> failedSteps) {
        if (failedSteps.isEmpty()) {
            return r;
        }
        List<String> failed = new ArrayList<>();
        List<String> incomplete = new ArrayList<>(r.incompleteQuestionIds());
        int failedAtStep1 = 0;
        for (FailedStep f : failedSteps) {
            if (failed.contains(f.questionId())) {
                continue;
            }
            failed.add(f.questionId());
            if (f.step() == 1) {
                failedAtStep1++;
            }
            if (!incomplete.contains(f.questionId())) {
                incomplete.add(f.questionId());
            }
        }
        return new Result(r.outcomes(), incomplete, r.step1Labels(), r.ungradableStep1Ids(), r.noEntropyStep1Ids(),
                r.step1Count() + failedAtStep1, r.step1CorrectCount(), failed, r.ungradedIds(), r.ungradedH());
    }

    /** The one pass over a run's steps, for step records and step summaries alike. */
    /** {@code steps} empty slots (a loop: copying {@code Collections.nCopies} showed in the signals profile). */
    private static <T> List<T> emptySlots(int steps) {
        List<T> slots = new ArrayList<>(steps);
        for (int s = 0; s < steps; s++) {
            slots.add(null);
        }
        return slots;
    }

    private static <T> Result build(List<T> records, int steps, Function<T, String> questionId, ToIntFunction<T> step,
                                    Function<T, Boolean> correctness, Predicate<T> hasGold,
                                    ToIntFunction<T> completionTokens,
                                    ToDoubleFunction<T> step1Score) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        Map<String, List<T>> byQuestion = new LinkedHashMap<>();
        for (T r : records) {
            List<T> slots = byQuestion.computeIfAbsent(questionId.apply(r), id -> emptySlots(steps));
            int s = step.applyAsInt(r);
            if (s >= 1 && s <= steps && slots.get(s - 1) == null) {
                slots.set(s - 1, r);
            }
        }
        boolean anyGraded = false;
        for (List<T> slots : byQuestion.values()) {
            if (slots.get(0) != null && hasGold.test(slots.get(0))) {
                anyGraded = true;
                break;
            }
        }
        List<QuestionOutcome> outcomes = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        List<Step1Label> labels = new ArrayList<>();
        List<String> ungradable = new ArrayList<>();
        List<String> noEntropy = new ArrayList<>();
        List<String> ungraded = new ArrayList<>();
        double[] ungradedH = new double[16];
        int ungradedFinite = 0;
        int step1Count = 0;
        int step1Correct = 0;
        for (Map.Entry<String, List<T>> e : byQuestion.entrySet()) {
            String id = e.getKey();
            List<T> slots = e.getValue();
            T first = slots.get(0);
            double h1 = Double.NaN;
            if (first != null && !hasGold.test(first)) {
                ungraded.add(id);
                h1 = step1Score.applyAsDouble(first);
                if (Double.isNaN(h1)) {
                    if (!anyGraded) {
                        noEntropy.add(id);
                    }
                } else {
                    if (ungradedFinite == ungradedH.length) {
                        ungradedH = java.util.Arrays.copyOf(ungradedH, ungradedFinite * 2);
                    }
                    ungradedH[ungradedFinite++] = h1;
                }
                if (anyGraded) {
                    continue;
                }
            } else if (first != null) {
                step1Count++;
                Boolean firstCorrect = correctness.apply(first);
                if (Boolean.TRUE.equals(firstCorrect)) {
                    step1Correct++;
                }
                h1 = step1Score.applyAsDouble(first);
                if (Double.isNaN(h1)) {
                    noEntropy.add(id);
                }
                if (firstCorrect == null) {
                    ungradable.add(id);
                } else if (!Double.isNaN(h1)) {
                    labels.add(new Step1Label(id, h1, firstCorrect));
                }
            }
            if (slots.contains(null)) {
                incomplete.add(id);
                continue;
            }
            Boolean[] correct = new Boolean[steps];
            int[] tokens = new int[steps];
            for (int s = 0; s < steps; s++) {
                correct[s] = correctness.apply(slots.get(s));
                tokens[s] = Math.max(0, completionTokens.applyAsInt(slots.get(s)));
            }
            outcomes.add(new QuestionOutcome(id, h1, correct, tokens));
        }
        return new Result(outcomes, incomplete, labels, ungradable, noEntropy, step1Count, step1Correct, List.of(),
                ungraded, java.util.Arrays.copyOf(ungradedH, ungradedFinite));
    }
}
