package org.entropyworkbench.core.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.entropyworkbench.core.tradeoff.SyntheticRunFixture.step;

import java.util.Map;
import org.entropyworkbench.core.run.RunFile;
import org.junit.jupiter.api.Test;

class RunOutcomesTest {

    @Test
    void buildsOutcomesForCompleteQuestionsAndListsIncompleteOnes() {
        RunFile run = new SyntheticRunFixture(4)
                .question("q1", 0.6, new Boolean[] {true, true, true, true}, new int[] {100, 200, 300, 400})
                .add(step("q2", 1, false, 50, 1.2))
                .add(step("q2", 2, true, 60, 0.9))
                .question("q3", 0.9, new Boolean[] {false, false, true, true}, new int[] {10, 20, 30, 40})
                .build();
        RunOutcomes.Result r = RunOutcomes.fromRun(run, 20, 4);
        assertThat(r.outcomes()).extracting(QuestionOutcome::questionId).containsExactly("q1", "q3");
        assertThat(r.incompleteQuestionIds()).containsExactly("q2");
        QuestionOutcome q1 = r.outcomes().get(0);
        assertThat(q1.h1()).isCloseTo(0.6, within(1e-12));
        assertThat(q1.tokensByStep()).containsExactly(100, 200, 300, 400);
        assertThat(q1.correctByStep()).containsExactly(true, true, true, true);
        // step-1 labels include the incomplete question, so a gated run still calibrates
        assertThat(r.step1Labels()).extracting(RunOutcomes.Step1Label::questionId).containsExactly("q1", "q2", "q3");
        assertThat(r.correctH()).containsExactly(0.6);
        assertThat(r.incorrectH()).containsExactly(1.2, 0.9);
        assertThat(r.step1Accuracy()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void h1IsTheMeanOfStepOneEntropiesAtKIgnoringNaN() {
        Map<Integer, double[]> byK = Map.of(
                5, new double[] {0.1, 0.3, Double.NaN},
                20, new double[] {1.0, 2.0, Double.NaN});
        RunFile run = new SyntheticRunFixture(1).add(step("q", 1, true, 3, byK)).build();
        assertThat(RunOutcomes.fromRun(run, 20, 1).outcomes().get(0).h1()).isCloseTo(1.5, within(1e-12));
        assertThat(RunOutcomes.fromRun(run, 5, 1).outcomes().get(0).h1()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void ungradableStepOneStaysOutOfLabelsAndCountsAsWrong() {
        RunFile run = new SyntheticRunFixture(2)
                .question("a", 0.5, new Boolean[] {null, true}, new int[] {1, 1})
                .question("b", 0.7, new Boolean[] {true, true}, new int[] {1, 1})
                .build();
        RunOutcomes.Result r = RunOutcomes.fromRun(run, 20, 2);
        assertThat(r.ungradableStep1Ids()).containsExactly("a");
        assertThat(r.step1Labels()).extracting(RunOutcomes.Step1Label::questionId).containsExactly("b");
        assertThat(r.outcomes().get(0).correctAtStep1()).isFalse();
        assertThat(r.outcomes().get(0).gradableAtStep1()).isFalse();
        assertThat(r.step1Accuracy()).isEqualTo(0.5);
    }

    @Test
    void stepWithoutLogprobsHasNaNEntropyAndNoLabel() {
        RunFile run = new SyntheticRunFixture(1)
                .add(step("a", 1, true, 5, Map.of(20, new double[] {Double.NaN, Double.NaN})))
                .add(step("b", 1, true, 5, Map.of()))
                .build();
        RunOutcomes.Result r = RunOutcomes.fromRun(run, 20, 1);
        assertThat(r.noEntropyStep1Ids()).containsExactly("a", "b");
        assertThat(r.step1Labels()).isEmpty();
        assertThat(r.outcomes()).hasSize(2);
        assertThat(r.outcomes().get(0).h1()).isNaN();
    }

    @Test
    void extraStepsBeyondSAreIgnoredAndDuplicatesKeepTheFirst() {
        RunFile run = new SyntheticRunFixture(2)
                .add(step("a", 1, true, 10, 0.4))
                .add(step("a", 1, false, 99, 2.0))
                .add(step("a", 2, true, 20, 0.4))
                .add(step("a", 3, false, 30, 0.4))
                .build();
        QuestionOutcome a = RunOutcomes.fromRun(run, 20, 2).outcomes().get(0);
        assertThat(a.steps()).isEqualTo(2);
        assertThat(a.tokensByStep()).containsExactly(10, 20);
        assertThat(a.h1()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void rejectsStepsBelowOne() {
        RunFile run = new SyntheticRunFixture(1).build();
        assertThatThrownBy(() -> RunOutcomes.fromRun(run, 20, 0)).hasMessageContaining("steps");
    }
}
