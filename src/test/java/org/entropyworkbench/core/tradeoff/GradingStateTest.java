package org.entropyworkbench.core.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.follow.ServeRecordLines;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.junit.jupiter.api.Test;

class GradingStateTest {

    private static RunFile run(List<StepRecord> steps) {
        return new RunFile(Path.of("t.jsonl"), SyntheticRunFixture.header(2), steps, List.of(), false);
    }

    @Test
    void aRunWithoutGoldAnswersIsUngradedAndKeepsEveryQuestionForWhatNeedsNoAnswers() {
        List<StepRecord> steps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            steps.add(ServeRecordLines.step("q" + i, 1, 0.1 * i, 100));
            steps.add(ServeRecordLines.step("q" + i, 2, 0.3, 200));
        }
        RunOutcomes.Result r = RunOutcomes.fromRun(run(steps), 20, 2);
        assertThat(r.gradingState()).isEqualTo(GradingState.UNGRADED);
        assertThat(r.step1Count()).isZero();
        assertThat(r.step1Accuracy()).isNaN();
        assertThat(r.questionCount()).isEqualTo(6);
        assertThat(r.ungradedIds()).hasSize(6);
        assertThat(r.ungradableStep1Ids()).isEmpty();
        assertThat(r.step1Labels()).isEmpty();
        assertThat(r.outcomes()).hasSize(6);
        assertThat(r.allStep1H()).hasSize(6);
        assertThat(r.gradingState().note(6)).isEqualTo(GradingState.NO_GOLD_REASON);

        RunAnalysis a = RunAnalysis.of(run(steps), AnalysisOptions.defaults());
        assertThat(a.thresholds().result(ThresholdMethod.values()[0]).available()).isFalse();
        assertThat(a.stopRate(0.25)).isEqualTo(3 / 6.0);
    }

    @Test
    void aPartlyGradedRunAnalysesTheGradedQuestionsAndListsTheOthers() {
        List<StepRecord> steps = new ArrayList<>();
        steps.add(SyntheticRunFixture.step("g1", 1, true, 100, 0.1));
        steps.add(SyntheticRunFixture.step("g1", 2, true, 100, 0.1));
        steps.add(SyntheticRunFixture.step("g2", 1, false, 100, 0.9));
        steps.add(SyntheticRunFixture.step("g2", 2, true, 100, 0.9));
        steps.add(ServeRecordLines.step("u1", 1, 0.2, 100));
        steps.add(ServeRecordLines.step("u1", 2, 0.2, 100));
        RunOutcomes.Result r = RunOutcomes.fromRun(run(steps), 20, 2);
        assertThat(r.gradingState()).isEqualTo(GradingState.PARTLY_GRADED);
        assertThat(r.step1Count()).isEqualTo(2);
        assertThat(r.step1Accuracy()).isEqualTo(0.5);
        assertThat(r.ungradedIds()).containsExactly("u1");
        assertThat(r.outcomes()).extracting(QuestionOutcome::questionId).containsExactly("g1", "g2");
        assertThat(r.gradingState().note(1)).startsWith("1 question(s) without a gold answer left out");
    }

    @Test
    void anUnreadableAnswerWithAGoldAnswerStaysGradedAndCountsAsNotCorrect() {
        StepRecord unreadable = new StepRecord("x", 1, "h", "m", "s", 0.7, 100, 20, "??", null, null, "7", null, 5, 50,
                "stop", null, null, java.util.Map.of(20, new double[] {0.4}), null, null, List.of(), 0L, 1L);
        List<StepRecord> steps = List.of(SyntheticRunFixture.step("g1", 1, true, 100, 0.1), unreadable);
        RunOutcomes.Result r = RunOutcomes.fromRun(run(steps), 20, 1);
        assertThat(r.gradingState()).isEqualTo(GradingState.ALL_GRADED);
        assertThat(r.step1Count()).isEqualTo(2);
        assertThat(r.step1Accuracy()).isEqualTo(0.5);
        assertThat(r.ungradableStep1Ids()).containsExactly("x");
        assertThat(r.gradingState().note(0)).isNull();
    }
}
