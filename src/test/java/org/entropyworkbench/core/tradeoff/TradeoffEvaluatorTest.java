package org.entropyworkbench.core.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TradeoffEvaluatorTest {

    /** O(n) definition of method.md section 6, the reference for the prefix-sum evaluator. */
    private static TradeoffPoint bruteForce(List<QuestionOutcome> qs, double tau) {
        int n = qs.size();
        int stopped = 0;
        int ok1 = 0;
        int okS = 0;
        int gated = 0;
        int okStopped = 0;
        long tokens = 0;
        long saved = 0;
        long calls = 0;
        long savedCalls = 0;
        for (QuestionOutcome q : qs) {
            boolean stop = q.h1() <= tau;
            ok1 += q.correctAtStep1() ? 1 : 0;
            okS += q.correctAtLastStep() ? 1 : 0;
            tokens += q.totalTokens();
            calls += q.steps();
            if (stop) {
                stopped++;
                okStopped += q.correctAtStep1() ? 1 : 0;
                gated += q.correctAtStep1() ? 1 : 0;
                for (int s = 1; s < q.steps(); s++) {
                    saved += q.tokensByStep()[s];
                }
                savedCalls += q.steps() - 1;
            } else {
                gated += q.correctAtLastStep() ? 1 : 0;
            }
        }
        double fin = (double) okS / n;
        double g = (double) gated / n;
        return new TradeoffPoint(tau, stopped, n, (double) ok1 / n, fin, g,
                stopped == 0 ? Double.NaN : (double) okStopped / stopped, 100 * (g - fin),
                (double) saved / tokens, (double) savedCalls / calls);
    }

    private static void assertSame(TradeoffPoint actual, TradeoffPoint expected) {
        assertThat(actual.stopped()).isEqualTo(expected.stopped());
        assertThat(actual.n()).isEqualTo(expected.n());
        assertThat(actual.step1Accuracy()).isCloseTo(expected.step1Accuracy(), within(1e-12));
        assertThat(actual.finalAccuracy()).isCloseTo(expected.finalAccuracy(), within(1e-12));
        assertThat(actual.gatedAccuracy()).isCloseTo(expected.gatedAccuracy(), within(1e-12));
        if (Double.isNaN(expected.threshAccuracy())) {
            assertThat(actual.threshAccuracy()).isNaN();
        } else {
            assertThat(actual.threshAccuracy()).isCloseTo(expected.threshAccuracy(), within(1e-12));
        }
        assertThat(actual.deltaAccuracyPoints()).isCloseTo(expected.deltaAccuracyPoints(), within(1e-9));
        assertThat(actual.tokenSavings()).isCloseTo(expected.tokenSavings(), within(1e-12));
        assertThat(actual.callSavings()).isCloseTo(expected.callSavings(), within(1e-12));
    }

    @Test
    void matchesBruteForceOnRandomDataForManyThresholds() {
        for (long seed = 1; seed <= 5; seed++) {
            List<QuestionOutcome> qs = SyntheticRunFixture.randomOutcomes(300, 4, seed);
            TradeoffEvaluator ev = new TradeoffEvaluator(qs);
            Random r = new Random(seed);
            for (int t = 0; t < 400; t++) {
                double tau = t % 4 == 0 ? qs.get(r.nextInt(qs.size())).h1() : 0.2 + r.nextDouble() * 1.4;
                assertSame(ev.evaluate(tau), bruteForce(qs, tau));
            }
            assertSame(ev.evaluate(-1), bruteForce(qs, -1));
            assertSame(ev.evaluate(99), bruteForce(qs, 99));
        }
    }

    @Test
    void stopsInclusivelyAtTheThreshold() {
        List<QuestionOutcome> qs = List.of(
                outcome("a", 0.5, true, true),
                outcome("b", 0.7, false, true),
                outcome("c", 0.7, true, false),
                outcome("d", 0.9, false, false));
        TradeoffEvaluator ev = new TradeoffEvaluator(qs);
        assertThat(ev.evaluate(0.7).stopped()).isEqualTo(3);
        assertThat(ev.evaluate(Math.nextDown(0.7)).stopped()).isEqualTo(1);
        assertThat(ev.evaluate(0.5).stopped()).isEqualTo(1);
    }

    @Test
    void handComputedPoint() {
        // 100 tokens per step, 4 steps; at tau = 0.7 questions a, b and c stop, d runs all steps
        List<QuestionOutcome> qs = List.of(
                outcome("a", 0.5, true, true),
                outcome("b", 0.7, false, true),
                outcome("c", 0.7, true, false),
                outcome("d", 0.9, false, false));
        TradeoffPoint p = new TradeoffEvaluator(qs).evaluate(0.7);
        assertThat(p.step1Accuracy()).isEqualTo(0.5);
        assertThat(p.finalAccuracy()).isEqualTo(0.5);
        // gated: a ok1, b ok1=false, c ok1, d final=false -> 2/4
        assertThat(p.gatedAccuracy()).isEqualTo(0.5);
        assertThat(p.threshAccuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(p.deltaAccuracyPoints()).isEqualTo(0.0);
        assertThat(p.tokenSavings()).isCloseTo(900.0 / 1600, within(1e-12));
        assertThat(p.callSavings()).isCloseTo(3.0 * 3 / (4 * 4), within(1e-12));
    }

    @Test
    void nanEntropyNeverStopsAndNanTauStopsNothing() {
        List<QuestionOutcome> qs = List.of(
                outcome("a", Double.NaN, true, true),
                outcome("b", 0.4, true, true));
        TradeoffEvaluator ev = new TradeoffEvaluator(qs);
        assertThat(ev.evaluate(Double.POSITIVE_INFINITY).stopped()).isEqualTo(1);
        assertThat(ev.evaluate(Double.NaN).stopped()).isZero();
        assertThat(ev.evaluate(Double.NaN).threshAccuracy()).isNaN();
        assertThat(ev.sortedOutcomes().get(1).questionId()).isEqualTo("a");
        assertThat(ev.curve()).hasSize(2);
    }

    @Test
    void curveHasOnePointPerDistinctEntropyPlusOneBelow() {
        List<QuestionOutcome> qs = SyntheticRunFixture.randomOutcomes(500, 4, 42);
        TradeoffEvaluator ev = new TradeoffEvaluator(qs);
        List<TradeoffPoint> curve = ev.curve();
        long distinct = qs.stream().mapToDouble(QuestionOutcome::h1).distinct().count();
        assertThat(curve).hasSize((int) distinct + 1);
        assertThat(curve.get(0).stopped()).isZero();
        assertThat(curve.get(curve.size() - 1).stopped()).isEqualTo(500);
        List<Double> taus = new ArrayList<>();
        for (TradeoffPoint p : curve) {
            taus.add(p.tau());
            assertSame(p, bruteForce(qs, p.tau()));
        }
        assertThat(taus).isSorted();
        assertThat(curve.get(curve.size() - 1).callSavings()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void unequalStepCountsGeneraliseCallSavings() {
        List<QuestionOutcome> qs = List.of(
                new QuestionOutcome("a", 0.1, new Boolean[] {true, true}, new int[] {10, 10}),
                new QuestionOutcome("b", 0.9, new Boolean[] {false, false, false, true}, new int[] {10, 10, 10, 10}));
        TradeoffPoint p = new TradeoffEvaluator(qs).evaluate(0.5);
        assertThat(p.callSavings()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(p.tokenSavings()).isCloseTo(10.0 / 60, within(1e-12));
    }

    @Test
    void emptyOutcomesGiveNaNAndNoCurve() {
        TradeoffEvaluator ev = new TradeoffEvaluator(List.of());
        TradeoffPoint p = ev.evaluate(1.0);
        assertThat(p.n()).isZero();
        assertThat(p.gatedAccuracy()).isNaN();
        assertThat(p.tokenSavings()).isNaN();
        assertThat(ev.curve()).isEmpty();
    }

    private static QuestionOutcome outcome(String id, double h, boolean ok1, boolean okFinal) {
        return new QuestionOutcome(id, h, new Boolean[] {ok1, ok1, okFinal, okFinal}, new int[] {100, 100, 100, 100});
    }
}
