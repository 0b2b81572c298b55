package org.entropyworkbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;
import org.entropyworkbench.core.tradeoff.TradeoffEvaluator;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.junit.jupiter.api.Test;

/** The analysis benchmark's baseline must compute what the fast evaluator computes. */
class NaiveTradeoffTest {

    @Test
    void naiveRescanAgreesWithTheEvaluator() {
        List<QuestionOutcome> outcomes = SyntheticOutcomes.generate(2000, 4, 9L);
        TradeoffEvaluator evaluator = new TradeoffEvaluator(outcomes);
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            double tau = 0.3 + 1.2 * random.nextDouble();
            double[] naive = NaiveTradeoff.evaluate(outcomes, tau);
            TradeoffPoint fast = evaluator.evaluate(tau);
            assertThat(naive[0]).isCloseTo(fast.tokenSavings(), within(1e-12));
            assertThat(naive[1]).isCloseTo(fast.gatedAccuracy(), within(1e-12));
            assertThat((int) naive[2]).isEqualTo(fast.stopped());
        }
    }

    @Test
    void syntheticOutcomesSeparateTheClasses() {
        List<QuestionOutcome> outcomes = SyntheticOutcomes.generate(5000, 4, 2L);
        double correct = outcomes.stream().filter(QuestionOutcome::correctAtStep1).mapToDouble(QuestionOutcome::h1).average().orElseThrow();
        double wrong = outcomes.stream().filter(q -> !q.correctAtStep1()).mapToDouble(QuestionOutcome::h1).average().orElseThrow();
        assertThat(wrong - correct).isBetween(0.2, 0.35);
    }
}
