package org.entropyworkbench.ui.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.ui.app.RecentFiles;
import org.entropyworkbench.ui.app.WorkbenchApp;
import org.entropyworkbench.ui.app.WorkbenchWindow;
import org.entropyworkbench.ui.common.IntervalFigure;
import org.entropyworkbench.ui.common.WhiskerBar;
import org.entropyworkbench.ui.task.FxTaskExecutor;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11's window side on two bundled sample runs: the Analysis tiles show bootstrap intervals that change
 * when the signal is switched, and the Signals screen's transfer view says the reasoning model's τ loses
 * accuracy on the instruction model and holds the other way round.
 */
@ExtendWith(ApplicationExtension.class)
class IntervalsAndTransferFxTest {

    private static final Path REASONING = Path.of("sample-runs", "2-reasoning-gpqa.jsonl.gz");
    private static final Path INSTRUCTION = Path.of("sample-runs", "4-instruction-gpqa.jsonl.gz");

    private WorkbenchWindow window;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        window = new WorkbenchWindow(new Workspace(executor), executor,
                new RecentFiles(Path.of("target", "intervals-fx-recent.json")));
        window.setShowProblemDialogs(false);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
        window.show(WorkbenchWindow.Screen.ANALYSIS);
        window.opener().open(REASONING);
        window.opener().open(INSTRUCTION);
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void tilesIntervalsFollowTheSignalAndATransferBetweenTwoSampleRunsGivesTheVerdict(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.workspace().runs().size() == 2
                && window.analysisModel().analysis() != null);
        Label auroc = robot.lookup("#auroc-interval").queryAs(Label.class);
        Label savings = robot.lookup("#token-savings-interval").queryAs(Label.class);
        WhiskerBar aurocBar = robot.lookup("#auroc-interval-bar").queryAs(WhiskerBar.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> auroc.getText().startsWith("["));
        String entropyAuroc = auroc.getText();
        assertThat(entropyAuroc).matches("\\[0\\.\\d{3}, [01]\\.\\d{3}]");
        assertThat(aurocBar.isVisible()).isTrue();
        assertThat(aurocBar.figure().lower()).isLessThan(aurocBar.figure().upper());

        ComboBox<Signal> signalBox = robot.lookup("#signal-selector").queryAs(ComboBox.class);
        robot.interact(() -> signalBox.setValue(Signal.MAX_ENTROPY));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.analysisModel().analysis() != null
                && window.analysisModel().analysis().signal() == Signal.MAX_ENTROPY
                && auroc.getText().startsWith("[") && !auroc.getText().equals(entropyAuroc));
        assertThat(window.analysisModel().intervals().report().signal()).isEqualTo(Signal.MAX_ENTROPY);
        assertThat(auroc.getText()).isNotEqualTo(IntervalFigure.PENDING_TEXT).matches("\\[0\\.\\d{3}, [01]\\.\\d{3}]");
        assertThat(savings.getText()).matches("\\[-?\\d+\\.\\d, \\d+\\.\\d] %|custom τ: no interval");

        robot.interact(() -> signalBox.setValue(Signal.MEAN_ENTROPY));
        robot.clickOn("#tab-signals");
        robot.interact(() -> robot.lookup("#signals-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ComboBox<LoadedRun> calibrate = robot.lookup("#transfer-calibration").queryAs(ComboBox.class);
        ComboBox<LoadedRun> evaluate = robot.lookup("#transfer-evaluation").queryAs(ComboBox.class);
        robot.interact(() -> {
            calibrate.setValue(runAt(REASONING));
            evaluate.setValue(runAt(INSTRUCTION));
        });
        Label verdict = robot.lookup("#transfer-verdict").queryAs(Label.class);
        TableView<TransferRow> table = robot.lookup("#transfer-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 4
                && verdict.getText().startsWith("The gate would lose accuracy"));
        assertThat(table.getItems()).anyMatch(TransferRow::losesAccuracy);
        assertThat(verdict.getStyleClass()).contains("warning-text");

        robot.clickOn("#transfer-swap");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> verdict.getText().startsWith("Holds"));
        assertThat(calibrate.getValue().path()).isEqualTo(INSTRUCTION);
        assertThat(table.getItems()).hasSize(4).noneMatch(TransferRow::losesAccuracy);
    }

    private LoadedRun runAt(Path path) {
        return window.workspace().runs().stream().filter(r -> path.equals(r.path())).findFirst().orElseThrow();
    }
}
