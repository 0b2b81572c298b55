package org.entropyworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;
import org.entropyworkbench.core.tradeoff.SyntheticRunFixture;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.junit.jupiter.api.Test;

class RunAnalysisTest {

    /**
     * A full run of n questions, 4 steps; step 1 has a different entropy for each k (smaller k,
     * slightly lower entropy, with k-dependent noise) so the ablation rows differ.
     */
    static RunFile reasoningRun(int n, long seed) {
        Random r = new Random(seed);
        SyntheticRunFixture f = new SyntheticRunFixture(4);
        for (int i = 0; i < n; i++) {
            boolean ok1 = r.nextDouble() < 0.6;
            double h = (ok1 ? 0.8 : 1.07) + r.nextGaussian() * 0.15;
            Map<Integer, double[]> byK = new HashMap<>();
            for (int k : new int[] {5, 10, 15, 20}) {
                double hk = h * (0.85 + 0.0075 * k) + r.nextGaussian() * 0.01;
                byK.put(k, new double[] {hk, hk});
            }
            String id = "q" + i;
            f.add(SyntheticRunFixture.step(id, 1, ok1, 100 + r.nextInt(900), byK));
            for (int s = 2; s <= 4; s++) {
                f.add(SyntheticRunFixture.step(id, s, r.nextDouble() < 0.7, 100 + r.nextInt(900), 0.5));
            }
        }
        return f.build();
    }

    @Test
    void exposesThresholdsAndTradeoffAtEachMethod() {
        RunAnalysis a = RunAnalysis.of(reasoningRun(300, 1), AnalysisOptions.defaults());
        assertThat(a.outcomes()).hasSize(300);
        assertThat(a.incompleteQuestionIds()).isEmpty();
        assertThat(a.steps()).isEqualTo(4);
        double[] c = a.runOutcomes().correctH();
        double[] i = a.runOutcomes().incorrectH();
        assertThat(c.length + i.length).isEqualTo(300);
        var expected = new ThresholdCalculator().compute(c, i, ThresholdOptions.defaults());
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertThat(a.thresholds().tau(m)).isEqualTo(expected.tau(m));
            TradeoffPoint p = a.atMethod(m);
            assertThat(p).isEqualTo(a.tradeoff().evaluate(expected.tau(m)));
            assertThat(p.stopped()).isPositive();
        }
        assertThat(a.separation().cohensD()).isGreaterThan(1.0);
        assertThat(a.separation().pValue()).isLessThan(1e-6);
        assertThat(a.step1Accuracy()).isEqualTo(a.atMethod(ThresholdMethod.ENTROPY_MEAN).step1Accuracy());
        long okFinal = a.outcomes().stream().filter(QuestionOutcome::correctAtLastStep).count();
        assertThat(a.finalAccuracy()).isCloseTo(okFinal / 300.0, within(1e-12));
    }

    @Test
    void topKAblationRowsEqualSeparateAnalysesAtThatK() {
        RunFile run = reasoningRun(200, 2);
        RunAnalysis a = RunAnalysis.of(run, AnalysisOptions.defaults());
        List<TopKAblationRow> rows = a.topKAblation();
        assertThat(rows).extracting(TopKAblationRow::k).containsExactly(5, 10, 15, 20);
        for (TopKAblationRow row : rows) {
            RunAnalysis atK = RunAnalysis.of(run, new AnalysisOptions(row.k(), BayesPriors.EMPIRICAL));
            assertThat(row.recorded()).isTrue();
            assertThat(row.cohensD()).isEqualTo(atK.separation().cohensD());
            assertThat(row.pValue()).isEqualTo(atK.separation().pValue());
            for (ThresholdMethod m : ThresholdMethod.values()) {
                assertThat(row.tau().get(m)).isEqualTo(atK.thresholds().tau(m));
                assertThat(row.tokenSavings().get(m)).isEqualTo(atK.atMethod(m).tokenSavings());
                assertThat(row.callSavings().get(m)).isEqualTo(atK.atMethod(m).callSavings());
            }
        }
        assertThat(rows.get(0).tau().get(ThresholdMethod.ENTROPY_MEAN))
                .isLessThan(rows.get(3).tau().get(ThresholdMethod.ENTROPY_MEAN));
        assertThat(a.topKAblation()).isSameAs(rows);
    }

    @Test
    void ablationMarksMissingK() {
        SyntheticRunFixture f = new SyntheticRunFixture(1);
        f.add(SyntheticRunFixture.step("a", 1, true, 5, Map.of(20, new double[] {0.5})));
        f.add(SyntheticRunFixture.step("b", 1, false, 5, Map.of(20, new double[] {0.9})));
        List<TopKAblationRow> rows = RunAnalysis.of(f.build(), AnalysisOptions.defaults()).topKAblation();
        assertThat(rows.get(0).recorded()).isFalse();
        assertThat(rows.get(3).recorded()).isTrue();
    }

    @Test
    void gatedRunStillCalibratesFromStepOne() {
        SyntheticRunFixture f = new SyntheticRunFixture(4);
        f.question("full-1", 1.2, new Boolean[] {false, false, true, true}, new int[] {10, 10, 10, 10});
        f.question("full-2", 1.1, new Boolean[] {false, true, true, true}, new int[] {10, 10, 10, 10});
        f.add(SyntheticRunFixture.step("stop-1", 1, true, 10, 0.5));
        f.add(SyntheticRunFixture.step("stop-2", 1, true, 10, 0.6));
        f.add(SyntheticRunFixture.step("stop-3", 1, null, 10, 0.6));
        RunAnalysis a = RunAnalysis.of(f.build(), AnalysisOptions.defaults());
        assertThat(a.outcomes()).hasSize(2);
        assertThat(a.incompleteQuestionIds()).containsExactly("stop-1", "stop-2", "stop-3");
        assertThat(a.separation().correct().n()).isEqualTo(2);
        assertThat(a.separation().incorrect().n()).isEqualTo(2);
        assertThat(a.thresholds().tau(ThresholdMethod.ENTROPY_MEAN)).isCloseTo(0.55, within(1e-12));
        assertThat(a.step1Accuracy()).isCloseTo(2.0 / 5, within(1e-12));
        assertThat(a.finalAccuracy()).isEqualTo(1.0);
    }

    @Test
    void unavailableMethodGivesNothingStopped() {
        SyntheticRunFixture f = new SyntheticRunFixture(2);
        f.question("a", 0.5, new Boolean[] {true, true}, new int[] {10, 10});
        f.question("b", 0.7, new Boolean[] {true, true}, new int[] {10, 10});
        RunAnalysis a = RunAnalysis.of(f.build(), AnalysisOptions.defaults());
        assertThat(a.thresholds().available(ThresholdMethod.BAYES_OPTIMAL)).isFalse();
        TradeoffPoint p = a.atMethod(ThresholdMethod.BAYES_OPTIMAL);
        assertThat(p.tau()).isNaN();
        assertThat(p.stopped()).isZero();
        assertThat(a.atMethod(ThresholdMethod.ENTROPY_MEAN).stopped()).isEqualTo(1);
    }

    @Test
    void emptyRunIsDefined() {
        RunAnalysis a = RunAnalysis.of(new SyntheticRunFixture(4).build(), AnalysisOptions.defaults());
        assertThat(a.outcomes()).isEmpty();
        assertThat(a.step1Accuracy()).isNaN();
        assertThat(a.finalAccuracy()).isNaN();
        assertThat(a.tradeoff().curve()).isEmpty();
        assertThat(a.topKAblation()).hasSize(4);
    }

    @Test
    void twoThousandQuestionRunAnalyses() {
        RunAnalysis a = RunAnalysis.of(reasoningRun(2000, 3), new AnalysisOptions(20, BayesPriors.EQUAL));
        assertThat(a.outcomes()).hasSize(2000);
        assertThat(a.tradeoff().curve().size()).isGreaterThan(1000);
        assertThat(a.thresholds().result(ThresholdMethod.BAYES_OPTIMAL).bayes().priorCorrect()).isEqualTo(0.5);
        assertThat(a.topKAblation()).hasSize(4);
    }
}
