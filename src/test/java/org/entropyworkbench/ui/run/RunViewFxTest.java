package org.entropyworkbench.ui.run;

import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Run screen in a real window (Xvfb): a replay runs to the end through the engine and the 25 Hz tick. */
@ExtendWith(ApplicationExtension.class)
class RunViewFxTest {

    @TempDir
    static Path dir;

    private RunViewModel viewModel;
    private RunView view;
    private Workspace workspace;

    @Start
    void start(Stage stage) {
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        viewModel = new RunViewModel(workspace, new FxTaskExecutor());
        view = new RunView(viewModel);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    @Test
    void replayAtHighSpeedFillsTheStatusTableAndTheProgressBarReachesOne(FxRobot robot) throws Exception {
        Path recorded = SimulatedRuns.write(dir, 10);
        Set<String> recordedIds = RunFileReader.read(recorded).steps().stream()
                .map(StepRecord::questionId).collect(Collectors.toSet());

        robot.interact(() -> viewModel.startReplay(recorded, 20_000));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !viewModel.running().get()
                && !viewModel.status().get().startsWith("Reading"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.status().get()).startsWith("Run finished");
        assertThat(view.progressBar().getProgress()).isEqualTo(1.0);
        assertThat(view.statusTable().getItems()).extracting(QuestionStatusRow::questionId)
                .containsExactlyInAnyOrderElementsOf(recordedIds);
        assertThat(view.statusTable().getItems()).allSatisfy(r -> {
            assertThat(r.stepsDone().get()).isEqualTo(4);
            assertThat(r.step1Entropy().get()).isNotNull();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workspace.runs().size() == 1);
        assertThat(workspace.runs().get(0).file().steps()).hasSize(40);
    }
}
