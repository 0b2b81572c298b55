package org.entropyworkbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayRunsTest {

    @TempDir
    Path dir;

    @Test
    void replayOfAGatedRunRepeatsItsPlanTextsEntropiesAndVerdicts() throws Exception {
        FakeChatProvider fake = new FakeChatProvider("fake").alternatives(q -> Integer.parseInt(q) % 2 == 0 ? 2 : 16);
        Path source = dir.resolve("source.jsonl");
        RunSummary made = RunEngine.start(TestRuns.config(source, 6, TestRuns.endpoint(fake, 2)).mode(RunMode.GATED)
                .gate(new GateSettings(2.0, ThresholdMethod.BAYES_OPTIMAL, 20, null)).build(), null)
                .awaitCompletion(30, TimeUnit.SECONDS);
        assertThat(made.status()).isEqualTo(RunStatus.COMPLETED);
        RunFile recorded = TestRuns.read(source);

        Path replay = dir.resolve("replay.jsonl");
        RecordingListener listener = new RecordingListener();
        RunSummary summary = RunEngine.start(ReplayRuns.config(recorded, 0, 3, replay).build(), listener)
                .awaitCompletion(30, TimeUnit.SECONDS);

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
        RunFile copy = TestRuns.read(replay);
        assertThat(copy.header().mode()).isEqualTo("gated");
        assertThat(copy.header().model()).isEqualTo(TestRuns.MODEL);
        assertThat(copy.header().calibration()).containsEntry("method", "bayes-optimal");
        assertThat(copy.header().generator()).containsEntry("replayOf", "source.jsonl");
        assertThat(TestRuns.textsByQuestionStep(copy)).isEqualTo(TestRuns.textsByQuestionStep(recorded));
        Map<String, StepRecord> original = new HashMap<>();
        recorded.steps().forEach(r -> original.put(r.questionId() + "#" + r.step(), r));
        for (StepRecord r : copy.steps()) {
            StepRecord o = original.get(r.questionId() + "#" + r.step());
            assertThat(r.correct()).isEqualTo(o.correct());
            assertThat(r.extractedAnswer()).isEqualTo(o.extractedAnswer());
            assertThat(r.expectedAnswer()).isEqualTo(o.expectedAnswer());
            assertThat(r.entropies(20)).containsExactly(o.entropies(20), org.assertj.core.api.Assertions.within(1e-3));
            assertThat(r.server()).isEqualTo("replay source.jsonl");
        }
        assertThat(summary.stoppedAfterStep1()).isEqualTo(3);
        assertThat(listener.tokenEntropies).isNotEmpty();
    }

    @Test
    void aFullRunReplaysOnlyQuestionsWithEveryStepRecordedAndCountsTheOthers() throws Exception {
        Path source = dir.resolve("full.jsonl");
        RunSummary made = RunEngine.start(TestRuns.config(source, 4, TestRuns.endpoint(new FakeChatProvider("fake"), 2))
                .build(), null).awaitCompletion(30, TimeUnit.SECONDS);
        assertThat(made.status()).isEqualTo(RunStatus.COMPLETED);
        RunFile recorded = TestRuns.read(source);
        List<StepRecord> gappy = recorded.steps().stream()
                .filter(r -> !(r.questionId().equals("2") && r.step() == 3))
                .filter(r -> !(r.questionId().equals("3") && r.step() == 1))
                .toList();
        RunFile partial = new RunFile(source, recorded.header(), gappy, List.of(), false);

        ReplayRuns.Plan plan = ReplayRuns.plan(partial, 0, 2, dir.resolve("replay.jsonl"));

        assertThat(plan.questionsLeftOut()).isEqualTo(2);
        RunConfig config = plan.config().build();
        assertThat(config.questions()).extracting(q -> q.problem().id()).containsExactly("1", "4");
        assertThat(config.fixedSteps()).containsEntry("1", 4).containsEntry("4", 4);
        assertThat(config.simulated()).isTrue();
    }

    @Test
    void aRunWithNoCompleteQuestionIsRefusedNamingTheFile() throws Exception {
        Path source = dir.resolve("cut.jsonl");
        RunSummary made = RunEngine.start(TestRuns.config(source, 2, TestRuns.endpoint(new FakeChatProvider("fake"), 1))
                .build(), null).awaitCompletion(30, TimeUnit.SECONDS);
        assertThat(made.status()).isEqualTo(RunStatus.COMPLETED);
        RunFile recorded = TestRuns.read(source);
        RunFile onlyStep1 = new RunFile(source, recorded.header(),
                recorded.steps().stream().filter(r -> r.step() == 1).toList(), List.of(), false);

        assertThatThrownBy(() -> ReplayRuns.plan(onlyStep1, 0, 1, dir.resolve("replay.jsonl")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut.jsonl").hasMessageContaining("nothing to replay");
    }
}
