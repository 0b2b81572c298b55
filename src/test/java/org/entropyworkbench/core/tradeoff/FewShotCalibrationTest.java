package org.entropyworkbench.core.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.junit.jupiter.api.Test;

class FewShotCalibrationTest {

    private final List<QuestionOutcome> outcomes = SyntheticRunFixture.randomOutcomes(200, 4, 11);

    @Test
    void sameSeedGivesSameDrawsAndNumbers() {
        FewShotCalibration.Result a = FewShotCalibration.run(outcomes, 10, 25, 99, ThresholdOptions.defaults());
        FewShotCalibration.Result b = FewShotCalibration.run(outcomes, 10, 25, 99, ThresholdOptions.defaults());
        for (int d = 0; d < 25; d++) {
            assertThat(a.draws().get(d).exampleIds()).isEqualTo(b.draws().get(d).exampleIds());
        }
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertThat(a.summary(m)).isEqualTo(b.summary(m));
        }
        FewShotCalibration.Result other = FewShotCalibration.run(outcomes, 10, 25, 100, ThresholdOptions.defaults());
        assertThat(other.draws().get(0).exampleIds()).isNotEqualTo(a.draws().get(0).exampleIds());
    }

    @Test
    void eachDrawHasNDistinctExamplesAndIsEvaluatedOnTheRest() {
        FewShotCalibration.Result r = FewShotCalibration.run(outcomes, 8, 10, 5, ThresholdOptions.defaults());
        for (FewShotCalibration.Draw d : r.draws()) {
            assertThat(new HashSet<>(d.exampleIds())).hasSize(8);
            assertThat(d.nCorrect() + d.nIncorrect()).isEqualTo(8);
            for (ThresholdMethod m : ThresholdMethod.values()) {
                assertThat(d.heldOut().get(m).n()).isEqualTo(200 - 8);
            }
            Set<String> drawn = new HashSet<>(d.exampleIds());
            List<QuestionOutcome> rest = new ArrayList<>();
            for (QuestionOutcome q : outcomes) {
                if (!drawn.contains(q.questionId())) {
                    rest.add(q);
                }
            }
            double tau = d.thresholds().tau(ThresholdMethod.ENTROPY_MEAN);
            TradeoffPoint expected = new TradeoffEvaluator(rest).evaluate(tau);
            assertThat(d.heldOut().get(ThresholdMethod.ENTROPY_MEAN).tokenSavings())
                    .isCloseTo(expected.tokenSavings(), within(1e-12));
            double[] c = outcomes.stream()
                    .filter(q -> drawn.contains(q.questionId()) && q.gradableAtStep1() && q.correctAtStep1())
                    .mapToDouble(QuestionOutcome::h1).toArray();
            double[] i = outcomes.stream()
                    .filter(q -> drawn.contains(q.questionId()) && q.gradableAtStep1() && !q.correctAtStep1())
                    .mapToDouble(QuestionOutcome::h1).toArray();
            assertThat(d.thresholds().tau(ThresholdMethod.INFORMATION_THEORETIC)).isCloseTo(
                    new ThresholdCalculator().compute(c, i, ThresholdOptions.defaults()).tau(ThresholdMethod.INFORMATION_THEORETIC),
                    within(1e-12));
        }
    }

    @Test
    void summariesAggregateAvailableDrawsOnly() {
        FewShotCalibration.Result r = FewShotCalibration.run(outcomes, 5, 200, 1, ThresholdOptions.defaults());
        FewShotCalibration.MethodSummary bayes = r.summary(ThresholdMethod.BAYES_OPTIMAL);
        assertThat(bayes.availableDraws() + bayes.unavailableDraws()).isEqualTo(200);
        // with 5 examples some draws have fewer than 2 incorrect answers
        assertThat(bayes.unavailableDraws()).isPositive();
        assertThat(bayes.unavailableReason()).contains("at least 2 correct and 2 incorrect");
        assertThat(bayes.tau().count()).isEqualTo(bayes.availableDraws());
        double mean = r.draws().stream().filter(d -> d.thresholds().available(ThresholdMethod.BAYES_OPTIMAL))
                .mapToDouble(d -> d.thresholds().tau(ThresholdMethod.BAYES_OPTIMAL)).average().orElseThrow();
        assertThat(bayes.tau().mean()).isCloseTo(mean, within(1e-12));
        assertThat(r.summary(ThresholdMethod.ENTROPY_MEAN).availableDraws()).isGreaterThan(bayes.availableDraws());
    }

    @Test
    void fewShotThresholdsAreNearTheFullSetOnes() {
        FewShotCalibration.Result r = FewShotCalibration.run(outcomes, 20, 300, 3, ThresholdOptions.defaults());
        FewShotCalibration.MethodSummary mean = r.summary(ThresholdMethod.ENTROPY_MEAN);
        assertThat(mean.tau().mean()).isCloseTo(mean.fullSetTau(), within(0.05));
        assertThat(mean.tau().min()).isLessThan(mean.tau().max());
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThatThrownBy(() -> FewShotCalibration.run(outcomes, 1, 5, 1, ThresholdOptions.defaults()))
                .hasMessageContaining("between 2 and");
        assertThatThrownBy(() -> FewShotCalibration.run(outcomes.subList(0, 5), 10, 5, 1, ThresholdOptions.defaults()))
                .hasMessageContaining("got 10");
        assertThatThrownBy(() -> FewShotCalibration.run(outcomes, 5, 0, 1, ThresholdOptions.defaults()))
                .hasMessageContaining("draws");
    }

    @Test
    void allExampleIdsAreDistinctInDrawOrder() {
        FewShotCalibration.Result r = FewShotCalibration.run(outcomes, 5, 3, 8, ThresholdOptions.defaults());
        List<String> ids = r.allExampleIds();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids.subList(0, 5)).isEqualTo(r.draws().get(0).exampleIds());
    }
}
