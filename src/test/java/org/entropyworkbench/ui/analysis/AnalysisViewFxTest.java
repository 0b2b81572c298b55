package org.entropyworkbench.ui.analysis;

import org.entropyworkbench.ui.workspace.MethodOption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.app.RecentFiles;
import org.entropyworkbench.ui.app.WorkbenchApp;
import org.entropyworkbench.ui.app.WorkbenchWindow;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.common.DomainDragHandler;
import org.entropyworkbench.ui.common.Formats;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Analysis screen in the real window: slider, chart drag and rule selector drive the labels. */
@ExtendWith(ApplicationExtension.class)
class AnalysisViewFxTest {

    @TempDir
    static Path dir;

    private WorkbenchWindow window;
    private LoadedRun run;

    @Start
    void start(Stage stage) throws Exception {
        Path file = UiTestRuns.write(dir, "reasoning", 200, 31);
        window = new WorkbenchWindow(new Workspace(new CurrentThreadTaskExecutor()), new CurrentThreadTaskExecutor(),
                new RecentFiles(dir.resolve("recent.json")));
        window.setShowProblemDialogs(false);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.show();
        window.show(WorkbenchWindow.Screen.ANALYSIS);
        window.opener().open(file);
        run = window.workspace().selectedRun().get();
    }

    @Test
    void draggingTheSliderUpdatesTheLabelsToTheEvaluatorsNumbers(FxRobot robot) {
        AnalysisView view = window.analysisView();
        Slider slider = view.tauSlider();
        double before = window.analysisModel().tauProperty().get();
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(90, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        double tau = window.analysisModel().tauProperty().get();
        assertThat(tau).isGreaterThan(before);
        assertThat(tau).isEqualTo(slider.getValue());
        assertThat(window.analysisModel().methodProperty().get().isCustom()).isTrue();
        assertLabels(robot, run.analysis().tradeoff().evaluate(tau));
    }

    @Test
    void draggingOnTheHistogramMovesTauToTheValueUnderTheMouse(FxRobot robot) {
        ChartViewer viewer = window.analysisView().histogramViewer();
        Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        double y = area.getCenterY();
        double fromX = area.getMinX() + area.getWidth() * 0.25;
        double toX = area.getMinX() + area.getWidth() * 0.7;
        Point2D from = viewer.getCanvas().localToScreen(fromX, y);
        Point2D to = viewer.getCanvas().localToScreen(toX, y);

        robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();
        WaitForAsyncUtils.waitForFxEvents();

        double tau = window.analysisModel().tauProperty().get();
        double expected = DomainDragHandler.domainValueAt(viewer, toX);
        double onePixel = Math.abs(DomainDragHandler.domainValueAt(viewer, toX + 1) - expected);
        assertThat(tau).isCloseTo(expected, within(3 * onePixel));
        assertThat(window.analysisView().tauLine().value()).isEqualTo(tau);
        assertThat(window.analysisView().tauLine().canvasX()).isCloseTo(toX, within(3.0));
        assertLabels(robot, run.analysis().tradeoff().evaluate(tau));
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingARuleSnapsTauToItsThreshold(FxRobot robot) {
        RunAnalysis analysis = run.analysis();
        ComboBox<?> box = robot.lookup("#method-selector").queryAs(ComboBox.class);
        robot.clickOn(box);
        Node cell = robot.lookup(".combo-box-popup .list-cell")
                .match((Labeled l) -> ThresholdMethod.BAYES_OPTIMAL.label().equals(l.getText()))
                .query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();

        double tau = analysis.thresholds().tau(ThresholdMethod.BAYES_OPTIMAL);
        assertThat(window.analysisModel().tauProperty().get()).isEqualTo(tau);
        assertThat(window.analysisView().tauSlider().getValue()).isCloseTo(tau, within(1e-12));
        assertLabels(robot, analysis.atMethod(ThresholdMethod.BAYES_OPTIMAL));

        robot.interact(() -> ((ComboBox<MethodOption>) (ComboBox<?>) box).setValue(new MethodOption(ThresholdMethod.ENTROPY_MEAN)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.analysisModel().tauProperty().get())
                .isEqualTo(analysis.thresholds().tau(ThresholdMethod.ENTROPY_MEAN));
        assertLabels(robot, analysis.atMethod(ThresholdMethod.ENTROPY_MEAN));
    }

    @Test
    void aQuestionsStepsSayHowManyOfTheirTokensTheFileRecords(FxRobot robot) {
        robot.interact(() -> window.analysisView().questionTable().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        String id = window.analysisView().questionTable().getItems().get(0).questionId();
        int k = window.analysisModel().kProperty().get();
        long recorded = 0;
        long produced = 0;
        for (var step : run.file().steps()) {
            if (step.questionId().equals(id)) {
                recorded += step.entropies(k).length;
                produced += Math.max(step.entropies(k).length, step.completionTokens());
            }
        }
        assertThat(recorded).as("the test run caps token records").isLessThan(produced);

        Label note = robot.lookup("#token-records-note").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains(String.format(java.util.Locale.ROOT, "%,d of these steps' %,d tokens", recorded, produced));
    }

    @Test
    void theQuestionTableListsEveryCompleteQuestion(FxRobot robot) {
        assertThat(window.analysisView().questionTable().getItems()).hasSize(run.analysis().outcomes().size());
        assertThat(robot.lookup("#separation-text").queryAs(Label.class).getText())
                .contains(Formats.number(run.analysis().separation().cohensD(), 3));
    }

    @Test
    void exportAllWritesEveryChartAndTable(FxRobot robot) throws Exception {
        Path folder = dir.resolve("export-" + System.nanoTime());
        AtomicReference<List<Path>> written = new AtomicReference<>();
        robot.interact(() -> {
            try {
                written.set(window.analysisView().exportAll(folder));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(written.get()).hasSize(6);
        assertThat(folder.resolve("entropy-histogram.png")).isNotEmptyFile();
        assertThat(folder.resolve("entropy-histogram.svg")).isNotEmptyFile();
        assertThat(folder.resolve("savings-vs-accuracy.svg")).isNotEmptyFile();
        List<String> rows = Files.readAllLines(folder.resolve("questions.csv"));
        assertThat(rows).hasSize(run.analysis().outcomes().size() + 1);
        assertThat(rows.get(0)).startsWith("Question,H1 (bits),");
    }

    private static void assertLabels(FxRobot robot, TradeoffPoint p) {
        assertThat(text(robot, "#token-savings")).isEqualTo(Formats.percent(p.tokenSavings()));
        assertThat(text(robot, "#call-savings")).isEqualTo(Formats.percent(p.callSavings()));
        assertThat(text(robot, "#gated-accuracy")).isEqualTo(Formats.percent(p.gatedAccuracy()));
        assertThat(text(robot, "#thresh-accuracy")).isEqualTo(Formats.percent(p.threshAccuracy()));
        assertThat(text(robot, "#delta-accuracy")).isEqualTo(Formats.points(p.deltaAccuracyPoints()));
        assertThat(text(robot, "#stopped")).isEqualTo(p.stopped() + " of " + p.n());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
