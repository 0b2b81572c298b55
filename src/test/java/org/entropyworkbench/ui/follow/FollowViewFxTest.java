package org.entropyworkbench.ui.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileWriter;
import org.entropyworkbench.core.follow.ServeRecordLines;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.tradeoff.SyntheticRunFixture;
import org.entropyworkbench.ui.app.RecentFiles;
import org.entropyworkbench.ui.app.WorkbenchApp;
import org.entropyworkbench.ui.app.WorkbenchWindow;
import org.entropyworkbench.ui.common.DialogService;
import org.entropyworkbench.ui.common.ScriptedDialogService;
import org.entropyworkbench.ui.task.FxTaskExecutor;
import org.entropyworkbench.ui.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Follow screen in the real window: a serve record grows while the screen follows it (picked through
 * the dialog service, with the calibration it serves with), and the request count, the observed stop rate
 * against the calibration's expected one and the token figures follow the file.
 */
@ExtendWith(ApplicationExtension.class)
class FollowViewFxTest {

    @TempDir
    Path dir;

    private WorkbenchWindow window;
    private FxTaskExecutor executor;
    private final ScriptedDialogService dialogs = new ScriptedDialogService();

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor();
        window = new WorkbenchWindow(new Workspace(executor), executor,
                new RecentFiles(Path.of("target", "follow-fx-recent.json")));
        window.setShowProblemDialogs(false);
        DialogService.register(window, dialogs);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    /** τ 0.5; the calibration run: 4 of 8 questions at or below it. */
    private Path calibration() throws Exception {
        SyntheticRunFixture f = new SyntheticRunFixture(2);
        double[] h = {0.1, 0.2, 0.3, 0.45, 0.8, 0.9, 1.1, 0.6};
        boolean[] ok = {true, true, true, false, false, false, false, true};
        for (int i = 0; i < h.length; i++) {
            f.question("q" + i, h[i], new Boolean[] {ok[i], true}, new int[] {100, 300});
        }
        CalibrationFile cal = CalibrationFile.from(RunAnalysis.of(f.build(), AnalysisOptions.defaults()), null, "test",
                Instant.EPOCH).withCustomTau(0.5);
        Path file = dir.resolve("cal.json");
        CalibrationFileWriter.write(file, cal);
        return file;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void countsAndStopRateFollowAGrowingServeRecord(FxRobot robot) throws Exception {
        Path record = dir.resolve("serve.jsonl");
        try (RunFileWriter w = RunFileWriter.create(record, ServeRecordLines.header())) {
            w.append(ServeRecordLines.step("r1", 1, 0.2, 100));
        }
        robot.clickOn("#tab-follow");
        dialogs.nextFile(calibration());
        robot.clickOn("#follow-calibration");
        robot.clickOn("#tab-run");
        dialogs.nextFile(record);
        robot.clickOn("#run-follow");
        assertThat(robot.lookup("#screens").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedIndex()).as("the Run screen's action shows the Follow screen")
                .isEqualTo(WorkbenchWindow.Screen.FOLLOW.ordinal());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#follow-requests").equals("1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#follow-stop-rate")).startsWith("100").contains("(1 of 1)");
        assertThat(text(robot, "#follow-expected")).startsWith("50").contains("8 calibration questions");
        assertThat(text(robot, "#follow-saved")).isEqualTo("–");

        try (RunFileWriter w = RunFileWriter.openForAppend(record)) {
            w.append(ServeRecordLines.step("r2", 1, 0.9, 100));
            w.append(ServeRecordLines.step("r2", 2, 0.4, 300));
            w.append(ServeRecordLines.step("r3", 1, 1.2, 50));
            w.append(ServeRecordLines.step("r3", 2, 0.4, 100));
        }
        // the writer appends line by line: wait for the last line, then for the FX thread to finish the batch
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#follow-tokens").equals("650"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#follow-requests")).isEqualTo("3");
        assertThat(text(robot, "#follow-stop-rate")).contains("(1 of 3)");
        assertThat(text(robot, "#follow-tokens")).isEqualTo("650");
        // always refining: 650 + r1's estimated refinement (mean of 300 and 100) = 850, so 200 saved
        assertThat(text(robot, "#follow-saved")).startsWith("200 (");
        assertThat(text(robot, "#follow-savings-note")).contains("mean refinement cost of the 2 refined request(s)");
        assertThat(window.followModel().traffic().get().scores()).containsExactly(0.2, 0.9, 1.2);

        robot.clickOn("#follow-stop");
        try (RunFileWriter w = RunFileWriter.openForAppend(record)) {
            w.append(ServeRecordLines.step("r4", 1, 0.1, 10));
        }
        Thread.sleep(3 * FollowViewModel.POLL_MILLIS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#follow-requests")).as("stopped: no more polls").isEqualTo("3");
        assertThat(Files.exists(record)).isTrue();
    }
}
