package org.entropyworkbench.ui.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.ui.app.RecentFiles;
import org.entropyworkbench.ui.app.WorkbenchApp;
import org.entropyworkbench.ui.app.WorkbenchWindow;
import org.entropyworkbench.ui.common.TableCsvExporter;
import org.entropyworkbench.ui.task.FxTaskExecutor;
import org.entropyworkbench.ui.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Signals screen in the real window on a bundled sample run: opening it ranks every signal by AUROC
 * (computed in the background), and "Analyse with this signal" moves Analysis to the chosen one.
 */
@ExtendWith(ApplicationExtension.class)
class SignalsViewFxTest {

    private WorkbenchWindow window;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        window = new WorkbenchWindow(new Workspace(executor), executor,
                new RecentFiles(Path.of("target", "signals-fx-recent.json")));
        window.setShowProblemDialogs(false);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
        window.opener().open(Path.of("sample-runs", "2-reasoning-gpqa.jsonl.gz"));
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheSampleRunsSignalsRankedAndSendsOneToAnalysis(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.analysisModel().analysis() != null);
        robot.clickOn("#tab-signals");
        TableView<SignalRow> table = robot.lookup("#signals-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == Signal.values().length
                && !window.signalsModel().busyProperty().get());

        List<SignalRow> rows = List.copyOf(table.getItems());
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).auroc()).as("ranked by AUROC").isLessThanOrEqualTo(rows.get(i - 1).auroc());
        }
        assertThat(rows).allSatisfy(r -> assertThat(r.interval()).matches("\\[0\\.\\d{3}, [01]\\.\\d{3}]"));
        List<List<String>> csv = TableCsvExporter.rows(table);
        assertThat(csv.get(0)).contains("Signal", "AUROC", "95 % interval");
        assertThat(csv.get(1)).contains("1", rows.get(0).label(), rows.get(0).aurocText(), rows.get(0).interval());

        SignalRow deepconf = rows.stream().filter(r -> r.signal() == Signal.DEEPCONF_TAIL).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(deepconf));
        robot.clickOn("#use-signal");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.analysisModel().analysis() != null
                && window.analysisModel().analysis().signal() == Signal.DEEPCONF_TAIL);
        assertThat(window.workspace().session().signalProperty().get()).isEqualTo(Signal.DEEPCONF_TAIL);
    }
}
