package org.entropyworkbench.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.entropyworkbench.core.follow.ServeRecordLines;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.tradeoff.GradingState;
import org.entropyworkbench.ui.analysis.AnalysisViewModel;
import org.entropyworkbench.ui.analysis.QuestionRow;
import org.entropyworkbench.ui.calibration.CalibrationViewModel;
import org.entropyworkbench.ui.compare.CompareRow;
import org.entropyworkbench.ui.compare.CompareViewModel;
import org.entropyworkbench.ui.signals.SignalsViewModel;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.RunFileLoader;
import org.entropyworkbench.ui.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run without gold answers (a serve record) on every analysis screen: what needs no answers is shown
 * (the questions, the stop count at τ, token savings), what needs them says why instead of 0 % or NaN,
 * and the calibration export is refused with that reason.
 */
class UngradedRunScreensTest {

    @TempDir
    Path dir;

    private LoadedRun load() throws Exception {
        Path file = dir.resolve("serve.jsonl");
        try (RunFileWriter w = RunFileWriter.create(file, ServeRecordLines.header())) {
            double[] h = {0.2, 0.9, 0.4, 1.3};
            for (int i = 0; i < h.length; i++) {
                w.append(ServeRecordLines.step("r" + i, 1, h[i], 100));
                w.append(ServeRecordLines.step("r" + i, 2, 0.5, 300));
            }
        }
        return RunFileLoader.load(file);
    }

    @Test
    void everyScreenShowsWhatItCanAndSaysWhyForTheRest() throws Exception {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        Workspace workspace = new Workspace(executor);
        AnalysisViewModel analysis = new AnalysisViewModel(workspace, executor);
        CalibrationViewModel calibration = new CalibrationViewModel(workspace, executor);
        CompareViewModel compare = new CompareViewModel(workspace, executor);
        SignalsViewModel signals = new SignalsViewModel(workspace, executor);
        signals.setActive(true);
        LoadedRun run = load();
        workspace.addRun(run);

        assertThat(analysis.analysis().gradingState()).isEqualTo(GradingState.UNGRADED);
        assertThat(analysis.questions()).hasSize(4).allSatisfy(q -> assertThat(q.correctness()).isEqualTo(QuestionRow.NO_GOLD_MARK));
        analysis.setShownTau(0.5);
        assertThat(analysis.gatedAccuracyTextProperty().get()).isEqualTo("not graded");
        assertThat(analysis.deltaAccuracyTextProperty().get()).isEqualTo("not graded");
        assertThat(analysis.stoppedTextProperty().get()).startsWith("2");
        assertThat(analysis.tokenSavingsTextProperty().get()).isEqualTo("37.5 %"); // 2 × 300 of 1,600 tokens
        assertThat(analysis.messageProperty().get()).contains(GradingState.NO_GOLD_REASON);
        assertThat(analysis.baselineTextProperty().get()).startsWith("No gold answers").doesNotContain("0.0 %");
        assertThat(analysis.separationTextProperty().get()).contains("needs graded questions");

        calibration.compute();
        assertThat(calibration.rows()).isEmpty();
        assertThat(calibration.statusProperty().get()).contains(GradingState.NO_GOLD_REASON);
        calibration.exportTo(dir.resolve("cal.json"));
        assertThat(calibration.statusProperty().get()).startsWith("Cannot export: no gold answers");
        assertThat(dir.resolve("cal.json")).doesNotExist();

        compare.setSelected(run.displayName(), true);
        assertThat(compare.rows()).singleElement().satisfies(r -> {
            assertThat(r.classesText()).isEqualTo("no gold answers");
            assertThat(r.finalAccuracy()).isNaN();
            assertThat(r.auroc()).isNaN();
        });

        signals.refresh();
        assertThat(signals.rows()).isEmpty();
        assertThat(signals.messageProperty().get()).contains("no gold answers").contains("needs graded questions");
    }

    @Test
    void theRunsListCountsQuestionsAsTheAnalysisScreenDoes() throws Exception {
        Path file = dir.resolve("growing.jsonl");
        try (RunFileWriter w = RunFileWriter.create(file, ServeRecordLines.header())) {
            for (int i = 0; i < 3; i++) {
                w.append(ServeRecordLines.step("r" + i, 1, 0.3 * i, 100));
                w.append(ServeRecordLines.step("r" + i, 2, 0.5, 300));
            }
            w.append(ServeRecordLines.step("r3", 1, 1.4, 100));
        }
        LoadedRun growing = RunFileLoader.load(file);
        assertThat(RunsListPane.questionCount(growing)).isEqualTo("4 questions · 3 complete");
        assertThat(RunsListPane.questionCount(load())).isEqualTo("4 questions");
    }
}
