package org.entropyworkbench.core.tradeoff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.entropyworkbench.core.stats.SampleSummary;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.threshold.ThresholdResult;
import org.entropyworkbench.core.threshold.ThresholdSet;

/**
 * Held-out few-shot calibration, to measure "threshold equivalence" (method.md sections 5.5 and
 * 12, item 9): draw n labelled questions (5..20 in the paper's sense) with a seeded
 * {@link Random}, compute each rule's τ from those n only, and evaluate the gate on all the
 * other questions. Repeated for {@code draws} independent draws; the same seed gives the same
 * draws. Draws where a rule is unavailable (e.g. no incorrect example drawn) are counted and
 * left out of that rule's summaries.
 *
 * <p>The pool of drawable questions is the complete outcomes with a gradable step 1 and a finite
 * H1. Stateless, any thread. All outcomes are sorted once ({@link HeldOutTradeoff}); a draw then
 * subtracts its n examples from prefix sums instead of copying and re-sorting the N - n held-out
 * questions: O(N log N + draws · n log N), with exactly the figures a fresh {@link TradeoffEvaluator}
 * over the held-out list gives.
 */
public final class FewShotCalibration {

    private FewShotCalibration() {
    }

    /**
     * One draw.
     *
     * @param index       0-based draw number
     * @param exampleIds  the drawn calibration questions
     * @param nCorrect    drawn questions correct at step 1
     * @param nIncorrect  drawn questions incorrect at step 1
     * @param thresholds  the rules computed on the draw
     * @param heldOut     each rule's trade-off on the questions not drawn (τ NaN = nothing stopped
     *                    when the rule was unavailable)
     */
    public record Draw(int index, List<String> exampleIds, int nCorrect, int nIncorrect,
                       ThresholdSet thresholds, Map<ThresholdMethod, TradeoffPoint> heldOut) {
        public Draw {
            exampleIds = List.copyOf(exampleIds);
            heldOut = Collections.unmodifiableMap(new EnumMap<>(heldOut));
        }
    }

    /**
     * One rule over all draws.
     *
     * @param method              the rule
     * @param fullSetTau          τ computed in-sample on the whole pool, for comparison
     * @param availableDraws      draws where the rule could be computed
     * @param unavailableDraws    draws where it could not (with the first reason in {@code unavailableReason})
     * @param fallbackDraws       Bayes draws that fell back to the entropy mean (0 for other rules)
     * @param unavailableReason   reason given by the first unavailable draw, null when none
     * @param tau                 spread of τ over the available draws
     * @param tokenSavings        spread of held-out token savings
     * @param callSavings         spread of held-out call savings
     * @param gatedAccuracy       spread of held-out gated accuracy
     * @param deltaAccuracyPoints spread of held-out Δ-accuracy (points)
     */
    public record MethodSummary(ThresholdMethod method, double fullSetTau, int availableDraws, int unavailableDraws,
                                int fallbackDraws, String unavailableReason, SampleSummary tau,
                                SampleSummary tokenSavings, SampleSummary callSavings,
                                SampleSummary gatedAccuracy, SampleSummary deltaAccuracyPoints) {
    }

    /**
     * Everything the few-shot experiment produced.
     *
     * @param n         examples per draw
     * @param drawCount number of draws
     * @param seed      seed of the {@link Random}
     * @param poolSize  questions that could be drawn
     * @param draws     each draw
     * @param summaries one summary per rule, enum order
     */
    public record Result(int n, int drawCount, long seed, int poolSize, List<Draw> draws,
                         Map<ThresholdMethod, MethodSummary> summaries) {
        public Result {
            draws = List.copyOf(draws);
            summaries = Collections.unmodifiableMap(new EnumMap<>(summaries));
        }

        public MethodSummary summary(ThresholdMethod method) {
            return summaries.get(method);
        }

        /** Distinct ids of every drawn example, in the order first drawn. */
        public List<String> allExampleIds() {
            List<String> ids = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Draw d : draws) {
                for (String id : d.exampleIds()) {
                    if (seen.add(id)) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        }
    }

    /**
     * Runs the experiment.
     *
     * @param outcomes complete outcomes of a run
     * @param n        examples per draw, at least 2 and smaller than the pool
     * @param draws    number of draws, at least 1
     * @param seed     seed; the same seed reproduces the same draws
     * @param options  threshold options (priors)
     * @throws IllegalArgumentException naming the bad parameter
     */
    public static Result run(List<QuestionOutcome> outcomes, int n, int draws, long seed, ThresholdOptions options) {
        List<QuestionOutcome> pool = new ArrayList<>();
        for (QuestionOutcome q : outcomes) {
            if (q.gradableAtStep1() && !Double.isNaN(q.h1())) {
                pool.add(q);
            }
        }
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1, got " + draws);
        }
        if (n < 2 || n >= pool.size()) {
            throw new IllegalArgumentException("few-shot n must be between 2 and " + (pool.size() - 1)
                    + " (the run has " + pool.size() + " complete questions with a gradable step 1), got " + n);
        }
        ThresholdCalculator calculator = new ThresholdCalculator();
        ThresholdSet fullSet = calculator.compute(h(pool, true), h(pool, false), options);
        Random random = new Random(seed);
        HeldOutTradeoff everything = new HeldOutTradeoff(outcomes);
        int[] occurrences = occurrencesInOutcomes(outcomes, pool);
        int[] order = new int[pool.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int[] swappedWith = new int[n];
        List<Draw> result = new ArrayList<>(draws);
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(order.length - i);
                swappedWith[i] = j;
                swap(order, i, j);
            }
            List<QuestionOutcome> sample = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sample.add(pool.get(order[i]));
            }
            result.add(evaluateDraw(d, sample, excluded(pool, order, n, occurrences), everything, calculator, options));
            for (int i = n - 1; i >= 0; i--) {
                swap(order, i, swappedWith[i]);
            }
        }
        Map<ThresholdMethod, MethodSummary> summaries = new EnumMap<>(ThresholdMethod.class);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            summaries.put(m, summarise(m, fullSet.tau(m), result));
        }
        return new Result(n, draws, seed, pool.size(), result, summaries);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** How often each pool question occurs (by identity) in the outcomes; held-out sets drop every occurrence. */
    private static int[] occurrencesInOutcomes(List<QuestionOutcome> outcomes, List<QuestionOutcome> pool) {
        Map<QuestionOutcome, Integer> counts = new IdentityHashMap<>();
        for (QuestionOutcome q : outcomes) {
            counts.merge(q, 1, Integer::sum);
        }
        int[] occurrences = new int[pool.size()];
        for (int i = 0; i < occurrences.length; i++) {
            occurrences[i] = counts.get(pool.get(i));
        }
        return occurrences;
    }

    /** The drawn questions (the first n of {@code order}), each once, with their occurrence counts. */
    private static HeldOutTradeoff.Excluded excluded(List<QuestionOutcome> pool, int[] order, int n, int[] occurrences) {
        Set<QuestionOutcome> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<QuestionOutcome> distinct = new ArrayList<>(n);
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            QuestionOutcome q = pool.get(order[i]);
            if (seen.add(q)) {
                counts[distinct.size()] = occurrences[order[i]];
                distinct.add(q);
            }
        }
        return new HeldOutTradeoff.Excluded(distinct, counts);
    }

    private static Draw evaluateDraw(int index, List<QuestionOutcome> sample, HeldOutTradeoff.Excluded drawn,
                                     HeldOutTradeoff everything, ThresholdCalculator calculator, ThresholdOptions options) {
        double[] correct = h(sample, true);
        double[] incorrect = h(sample, false);
        ThresholdSet set = calculator.compute(correct, incorrect, options);
        Map<ThresholdMethod, TradeoffPoint> points = new EnumMap<>(ThresholdMethod.class);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            points.put(m, everything.evaluate(set.tau(m), drawn));
        }
        List<String> ids = sample.stream().map(QuestionOutcome::questionId).toList();
        return new Draw(index, ids, correct.length, incorrect.length, set, points);
    }

    private static MethodSummary summarise(ThresholdMethod m, double fullSetTau, List<Draw> draws) {
        int available = 0;
        int fallback = 0;
        String reason = null;
        List<Double> tau = new ArrayList<>();
        List<TradeoffPoint> points = new ArrayList<>();
        for (Draw d : draws) {
            ThresholdResult r = d.thresholds().result(m);
            if (!r.available()) {
                if (reason == null) {
                    reason = r.note();
                }
                continue;
            }
            available++;
            if (r.bayes() != null && r.bayes().fallback()) {
                fallback++;
            }
            tau.add(r.tau());
            points.add(d.heldOut().get(m));
        }
        return new MethodSummary(m, fullSetTau, available, draws.size() - available, fallback, reason,
                SampleSummary.of(tau.stream().mapToDouble(Double::doubleValue).toArray()),
                SampleSummary.of(points.stream().mapToDouble(TradeoffPoint::tokenSavings).toArray()),
                SampleSummary.of(points.stream().mapToDouble(TradeoffPoint::callSavings).toArray()),
                SampleSummary.of(points.stream().mapToDouble(TradeoffPoint::gatedAccuracy).toArray()),
                SampleSummary.of(points.stream().mapToDouble(TradeoffPoint::deltaAccuracyPoints).toArray()));
    }

    private static double[] h(List<QuestionOutcome> qs, boolean correct) {
        return qs.stream().filter(q -> q.gradableAtStep1() && q.correctAtStep1() == correct)
                .mapToDouble(QuestionOutcome::h1).toArray();
    }
}
