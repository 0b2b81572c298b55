package org.entropyworkbench.core.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.threshold.ThresholdSet;
import org.junit.jupiter.api.Test;

/**
 * The prefix-sum exclusion must give exactly what a fresh {@link TradeoffEvaluator} over the
 * held-out list gives, and few-shot results must equal those of the former per-draw copy-and-sort.
 */
class HeldOutTradeoffTest {

    /** Outcomes with ties, NaN entropies, ungradable step 1, varying step counts and a repeated object. */
    private static List<QuestionOutcome> awkwardOutcomes(int n, long seed) {
        Random r = new Random(seed);
        List<QuestionOutcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double h = r.nextInt(10) == 0 ? Double.NaN : Math.round(r.nextDouble() * 20) / 10.0;
            int steps = 1 + r.nextInt(4);
            Boolean[] correct = new Boolean[steps];
            int[] tokens = new int[steps];
            for (int s = 0; s < steps; s++) {
                correct[s] = r.nextInt(12) == 0 ? null : r.nextBoolean();
                tokens[s] = r.nextInt(500);
            }
            out.add(new QuestionOutcome("q" + i, h, correct, tokens));
        }
        out.add(out.get(3));
        out.add(out.get(7));
        return out;
    }

    @Test
    void excludingGivesTheEvaluatorOfTheHeldOutList() {
        List<QuestionOutcome> all = awkwardOutcomes(300, 3);
        HeldOutTradeoff everything = new HeldOutTradeoff(all);
        Random r = new Random(9);
        for (int trial = 0; trial < 200; trial++) {
            Set<QuestionOutcome> drop = Collections.newSetFromMap(new IdentityHashMap<>());
            int k = 1 + r.nextInt(15);
            while (drop.size() < k) {
                drop.add(all.get(r.nextInt(all.size())));
            }
            List<QuestionOutcome> distinct = new ArrayList<>(drop);
            int[] occurrences = new int[distinct.size()];
            List<QuestionOutcome> rest = new ArrayList<>();
            for (QuestionOutcome q : all) {
                int at = indexOfIdentity(distinct, q);
                if (at >= 0) {
                    occurrences[at]++;
                } else {
                    rest.add(q);
                }
            }
            TradeoffEvaluator expected = new TradeoffEvaluator(rest);
            HeldOutTradeoff.Excluded excluded = new HeldOutTradeoff.Excluded(distinct, occurrences);
            double[] taus = {Double.NaN, -1, 0, 0.1, 0.5, 0.7, 1.0, 1.3, 2.0, 5, r.nextDouble() * 2};
            for (double tau : taus) {
                assertThat(everything.evaluate(tau, excluded)).as("tau %s trial %d", tau, trial)
                        .isEqualTo(expected.evaluate(tau));
            }
        }
    }

    private static int indexOfIdentity(List<QuestionOutcome> list, QuestionOutcome q) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == q) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void fewShotDrawsEqualThePerDrawCopyAndSort() {
        List<QuestionOutcome> all = awkwardOutcomes(400, 5);
        FewShotCalibration.Result result = FewShotCalibration.run(all, 10, 40, 77, ThresholdOptions.defaults());
        List<FewShotCalibration.Draw> reference = formerDraws(all, 10, 40, 77);
        assertThat(result.draws()).hasSize(reference.size());
        for (int d = 0; d < reference.size(); d++) {
            FewShotCalibration.Draw got = result.draws().get(d);
            FewShotCalibration.Draw want = reference.get(d);
            assertThat(got.exampleIds()).isEqualTo(want.exampleIds());
            assertThat(got.heldOut()).as("draw %d", d).isEqualTo(want.heldOut());
            for (ThresholdMethod m : ThresholdMethod.values()) {
                assertThat(Double.compare(got.thresholds().tau(m), want.thresholds().tau(m))).isZero();
            }
        }
    }

    /** The draw procedure as it was: reset the order, shuffle n, copy the held-out list, build an evaluator. */
    private static List<FewShotCalibration.Draw> formerDraws(List<QuestionOutcome> outcomes, int n, int draws, long seed) {
        List<QuestionOutcome> pool = new ArrayList<>();
        for (QuestionOutcome q : outcomes) {
            if (q.gradableAtStep1() && !Double.isNaN(q.h1())) {
                pool.add(q);
            }
        }
        ThresholdCalculator calculator = new ThresholdCalculator();
        Random random = new Random(seed);
        int[] order = new int[pool.size()];
        List<FewShotCalibration.Draw> result = new ArrayList<>();
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(order.length - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            List<QuestionOutcome> sample = new ArrayList<>();
            Set<QuestionOutcome> drawn = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < n; i++) {
                sample.add(pool.get(order[i]));
                drawn.add(pool.get(order[i]));
            }
            List<QuestionOutcome> rest = new ArrayList<>();
            for (QuestionOutcome q : outcomes) {
                if (!drawn.contains(q)) {
                    rest.add(q);
                }
            }
            double[] correct = sample.stream().filter(QuestionOutcome::correctAtStep1).mapToDouble(QuestionOutcome::h1).toArray();
            double[] incorrect = sample.stream().filter(q -> !q.correctAtStep1()).mapToDouble(QuestionOutcome::h1).toArray();
            ThresholdSet set = calculator.compute(correct, incorrect, ThresholdOptions.defaults());
            TradeoffEvaluator evaluator = new TradeoffEvaluator(rest);
            Map<ThresholdMethod, TradeoffPoint> points = new java.util.EnumMap<>(ThresholdMethod.class);
            for (ThresholdMethod m : ThresholdMethod.values()) {
                points.put(m, evaluator.evaluate(set.tau(m)));
            }
            result.add(new FewShotCalibration.Draw(d, sample.stream().map(QuestionOutcome::questionId).toList(),
                    correct.length, incorrect.length, set, points));
        }
        return result;
    }
}
