package org.entropyworkbench.ui.app;

import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.MethodOption;
import org.entropyworkbench.ui.workspace.SampleMode;
import org.entropyworkbench.ui.workspace.Workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opens the sample-run folder in the background and shows the first run's analysis.
 * One window serves every test, in a fixed order (building it and loading the runs took most of the
 * class's 200 s when each test made its own); tests that add runs come last.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchWindowFxTest {

    @TempDir
    static Path dir;

    private static WorkbenchWindow window;
    private static FxTaskExecutor executor;
    private static Path samples;

    @Start
    void start(Stage stage) throws Exception {
        if (window != null) {
            stage.setScene(window.getScene());
            stage.show();
            window.show(WorkbenchWindow.Screen.ANALYSIS);
            return;
        }
        samples = dir.resolve("samples");
        Files.createDirectories(samples);
        UiTestRuns.write(samples, "reasoning", 40, 1);
        UiTestRuns.write(samples, "instruction", 40, 2);
        Files.writeString(samples.resolve("README.md"), "not a run");
        executor = new FxTaskExecutor();
        window = new WorkbenchWindow(new Workspace(executor), executor, new RecentFiles(dir.resolve("recent.json")));
        window.setShowProblemDialogs(false);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.show();
        window.show(WorkbenchWindow.Screen.ANALYSIS);
        window.openSampleRuns(samples);
    }

    @AfterAll
    static void stop() {
        if (executor != null) {
            executor.shutdown();
        }
        window = null;
    }

    @Test
    @Order(1)
    void sampleRunsLoadInTheBackgroundAndTheFirstIsAnalysed(FxRobot robot) throws Exception {
        // the first test also waits for the window's first layout and the JIT: allow a busy machine
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.workspace().runs().size() == 2
                && window.analysisModel().analysis() != null);
        WaitForAsyncUtils.waitForFxEvents();

        Path first = SampleRuns.list(samples).get(0);
        assertThat(SampleRuns.list(samples)).hasSize(2);
        assertThat(window.workspace().selectedRun().get().path()).isEqualTo(first);
        assertThat(window.analysisModel().analysis().summary().path()).isEqualTo(first);
        TabPane tabs = robot.lookup("#screens").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Analysis");
        assertThat(window.compareModel().rows()).hasSize(2);
        assertThat(new RecentFiles(dir.resolve("recent.json")).entries()).as("samples stay out of the recent list").isEmpty();
    }

    @Test
    @Order(2)
    void calibrationAndCompareScreensShowTheLoadedRuns(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.workspace().runs().size() == 2
                && window.analysisModel().analysis() != null);
        robot.clickOn("Calibration");
        TableView<?> calibration = robot.lookup("#calibration-table").queryAs(TableView.class);
        assertThat(calibration.getItems()).hasSize(4);
        robot.interact(() -> window.calibrationModel().modeProperty().set(
                SampleMode.FEW_SHOT));
        robot.clickOn("#compute-calibration");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.calibrationModel().fewShotProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#calibration-status").queryAs(Label.class).getText())
                .contains("draws of 10");

        robot.clickOn("Compare");
        TableView<?> compare = robot.lookup("#compare-table").queryAs(TableView.class);
        assertThat(compare.getItems()).hasSize(2);
        assertThat(robot.lookup("#compare-finding").queryAs(Label.class).getText()).isNotBlank();
    }

    @Test
    @Order(6)
    void aFileTheUserOpensIsRememberedAsRecent(FxRobot robot) throws Exception {
        Path own = UiTestRuns.write(dir, "reasoning", 12, 77);
        robot.interact(() -> window.opener().open(own));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.workspace().runs().stream()
                .anyMatch(r -> r.path().equals(own)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new RecentFiles(dir.resolve("recent.json")).entries()).contains(own.toAbsolutePath().normalize());
        assertThat(window.workspace().selectedRun().get().path()).isEqualTo(own);
    }

    @Test
    @Order(5)
    void selectingAnotherRunInTheListShowsItsAnalysis(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.workspace().runs().size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        LoadedRun other = window.workspace().runs().stream()
                .filter(r -> r != window.workspace().selectedRun().get()).findFirst().orElseThrow();
        Node cell = robot.lookup("#runs-list .list-cell")
                .match((Labeled l) -> l.getText() != null && l.getText().startsWith(other.shortName()))
                .query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.workspace().selectedRun().get()).isSameAs(other);
        assertThat(window.analysisModel().analysis()).isSameAs(other.analysis());
        assertThat(window.calibrationModel().analysisProperty().get()).isSameAs(other.analysis());
    }

    @Test
    @Order(7)
    void theStatusBarFollowsAReplayAndSaysHowItEnded(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.workspace().runs().size() >= 2);
        Path recorded = SampleRuns.list(samples).get(0);
        robot.interact(() -> {
            window.show(WorkbenchWindow.Screen.RUN);
            window.runModel().startReplay(recorded, 300);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.runModel().activity().get().isEmpty());
        robot.interact(() -> window.runModel().pause());
        WaitForAsyncUtils.waitForFxEvents();

        String whileStreaming = window.statusBar().getText();
        assertThat(whileStreaming).startsWith("Paused · Replaying " + recorded.getFileName()).contains("steps");
        assertThat(window.statusBar().getProgress()).isBetween(0.0, 1.0);

        robot.interact(() -> {
            window.runModel().replaySpeed().set(0);
            window.runModel().resume();
            window.runModel().cancel();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.runModel().running().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.statusBar().getText()).startsWith("Run cancelled");
        assertThat(window.statusBar().getProgress()).isZero();
    }

    @Test
    @Order(3)
    void anExportedCalibrationFileOpensBackWithTheSameThresholds(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.workspace().runs().size() == 2
                && window.calibrationModel().analysisProperty().get() != null);
        Path file = dir.resolve("exported-calibration.json");
        robot.interact(() -> {
            window.calibrationModel().modeProperty().set(SampleMode.ALL);
            window.calibrationModel().chosenMethodProperty().set(new MethodOption(ThresholdMethod.BAYES_OPTIMAL));
            window.calibrationModel().exportTo(file);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.workspace().calibration().get() != null);
        assertThat(window.calibrationModel().statusProperty().get()).startsWith("Saved calibration to");
        robot.interact(() -> {
            window.workspace().calibration().set(null);
            window.opener().open(file);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.workspace().calibration().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        CalibrationFile read = window.workspace().calibration().get();
        assertThat(read.chosenMethod()).isEqualTo(ThresholdMethod.BAYES_OPTIMAL);
        var analysed = window.calibrationModel().analysisProperty().get().thresholds();
        for (ThresholdMethod m : ThresholdMethod.values()) {
            if (Double.isFinite(analysed.tau(m))) {
                assertThat(read.tau(m)).as(m.name()).isCloseTo(analysed.tau(m), within(1e-9));
            }
        }
        assertThat(window.statusBar().getText()).isEqualTo("Opened " + file.getFileName());
    }

    @Test
    @Order(4)
    void everyTableOfEveryScreenExportsAsCsv(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.workspace().runs().size() >= 2);
        int tables = 0;
        for (WorkbenchWindow.Screen screen : WorkbenchWindow.Screen.values()) {
            robot.interact(() -> window.show(screen));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node node : robot.lookup(".table-view").queryAll()) {
                if (!(node instanceof TableView<?> table) || !table.isVisible() || table.getScene() == null) {
                    continue;
                }
                tables++;
                assertThat(table.getContextMenu()).as(screen + " table " + table.getId()).isNotNull();
                assertThat(table.getContextMenu().getItems()).extracting(MenuItem::getText).contains("Export CSV…");
            }
        }
        assertThat(tables).as("tables found on the screens").isGreaterThanOrEqualTo(7);
    }
}
