package org.entropyworkbench.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.ui.analysis.AnalysisView;
import org.entropyworkbench.ui.common.ChartOverlay;
import org.entropyworkbench.ui.common.TableColumns;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.entropyworkbench.ui.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a 1024 x 700 screen, as a new user on a laptop saw it: every screen fits or scrolls,
 * selections are readable, the runs list names files, help, the question reader and the τ keys work.
 * Synchronous task executor: each test builds the window in a second or two.
 */
@ExtendWith(ApplicationExtension.class)
class WindowAtLaptopSizeFxTest {

    @TempDir
    static Path dir;

    private WorkbenchWindow window;
    private Stage stage;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        file = UiTestRuns.write(dir, "reasoning", 60, 17);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        window = new WorkbenchWindow(new Workspace(executor), executor, new RecentFiles(dir.resolve("recent.json")));
        window.setShowProblemDialogs(false);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
        window.show(WorkbenchWindow.Screen.ANALYSIS);
        window.opener().open(file);
    }

    @Test
    void theAnalysisScreenFitsAndEveryCalibrationColumnStaysReachable(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = stage.getScene().getWidth();
        for (String id : List.of("#token-savings", "#call-savings", "#gated-accuracy", "#thresh-accuracy",
                "#delta-accuracy", "#stopped", "#tau-field", "#k-selector")) {
            Node n = robot.lookup(id).query();
            Bounds b = n.localToScene(n.getBoundsInLocal());
            assertThat(b.getMaxX()).as(id + " right edge").isLessThanOrEqualTo(sceneWidth);
            assertThat(b.getWidth()).as(id + " width").isGreaterThan(10);
        }

        robot.interact(() -> window.show(WorkbenchWindow.Screen.CALIBRATION));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#calibration-table").queryAs(TableView.class);
        double sum = 0;
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            assertThat(c.getWidth()).as("column " + c.getId()).isGreaterThanOrEqualTo(c.getMinWidth() - 0.5);
            sum += c.getWidth();
        }
        boolean fits = sum <= table.getWidth();
        assertThat(fits || horizontalBarShown(table)).as("all columns fit or a horizontal scroll bar reaches them")
                .isTrue();
        assertThat(fits).as("at 1024 x 700 the columns do not all fit beside the runs list").isFalse();
    }

    @Test
    void atFullHdTheScreensUseTheRoom(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        WaitForAsyncUtils.waitForFxEvents();
        AnalysisView view = window.analysisView();
        assertThat(view.getWidth()).isGreaterThan(1920 - 260);
        assertThat(view.getHeight()).isGreaterThan(1080 - 140);
        robot.interact(() -> window.show(WorkbenchWindow.Screen.CALIBRATION));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#calibration-table").queryAs(TableView.class);
        assertThat(horizontalBarShown(table)).as("wide enough: no scroll bar").isFalse();
    }

    @Test
    void selectedRowsAreReadableFocusedOrNot(FxRobot robot) {
        TableView<?> questions = window.analysisView().questionTable();
        for (int row : new int[] {0, 1, 2, 3}) {
            robot.interact(() -> {
                questions.requestFocus();
                questions.getSelectionModel().clearAndSelect(row);
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertReadable(selectedRowCells(robot, questions), "focused row " + row);
            robot.interact(() -> window.analysisView().tauSlider().requestFocus());
            WaitForAsyncUtils.waitForFxEvents();
            assertReadable(selectedRowCells(robot, questions), "unfocused row " + row);
        }
        ListCell<?> run = robot.lookup("#runs-list .list-cell").match((ListCell<?> c) -> c.isSelected()).query();
        assertThat(contrast(textFill(run), background(run))).as("selected run").isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void theRunsListNamesTheFileKeepsOneEntryPerFileAndRenamesAndRemoves(FxRobot robot) {
        Path sameFileOtherSpelling = dir.resolve(".").resolve(file.getFileName());
        robot.interact(() -> window.opener().open(sameFileOtherSpelling));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.workspace().runs()).hasSize(1);
        ListCell<?> cell = robot.lookup("#runs-list .list-cell").match((ListCell<?> c) -> c.getItem() != null).query();
        assertThat(cell.getText()).contains(file.getFileName().toString()).contains("60 questions");

        robot.rightClickOn(cell).clickOn("Rename…");
        robot.interact(() -> { });
        robot.eraseText(40).write("my run").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.workspace().selectedRun().get().displayName()).isEqualTo("my run");
        assertThat(window.analysisModel().runProperty().get().displayName()).isEqualTo("my run");

        robot.rightClickOn("#runs-list .list-cell").clickOn("Remove from list");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.workspace().runs()).isEmpty();
        assertThat(window.workspace().selectedRun().get()).isNull();
    }

    @Test
    void calibrationAndCompareMetricColumnsExplainThemselvesAndOpenTheGlossary(FxRobot robot) {
        robot.interact(() -> window.show(WorkbenchWindow.Screen.CALIBRATION));
        TableView<?> calibration = robot.lookup("#calibration-table").queryAs(TableView.class);
        TableColumn<?, ?> tokens = columnTitled(calibration, "Tokens saved");
        Label header = (Label) tokens.getGraphic();
        assertThat(header.getTooltip().getText()).startsWith("Token savings: ").contains("Right-click");
        robot.interact(() -> tokens.getContextMenu().getItems().get(0).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.help().shown().id()).isEqualTo("token-savings");
        robot.interact(() -> window.help().stage().hide());

        robot.interact(() -> window.show(WorkbenchWindow.Screen.COMPARE));
        TableView<?> compare = robot.lookup("#compare-table").queryAs(TableView.class);
        TableColumn<?, ?> step1 = columnTitled(compare, "Step-1 acc");
        robot.interact(() -> step1.getContextMenu().getItems().get(0).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.help().shown().id()).isEqualTo("step1-acc");
        robot.interact(() -> window.help().stage().hide());
    }

    private static TableColumn<?, ?> columnTitled(TableView<?> table, String title) {
        List<TableColumn<?, ?>> all = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getColumns()) {
            all.add(c);
            all.addAll(c.getColumns());
        }
        return all.stream().filter(c -> TableColumns.title(c).equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + title));
    }

    @Test
    void aMetricTileOpensItsGlossaryEntryAndTheHelpMenuTheGuide(FxRobot robot) {
        robot.clickOn("#thresh-accuracy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.help().stage().isShowing()).isTrue();
        assertThat(window.help().shown().id()).isEqualTo("thresh-acc");
        assertThat(robot.lookup("#help-body").queryAs(Label.class).getText()).contains("stopped questions");
        robot.interact(() -> window.help().stage().hide());

        robot.clickOn("Help").clickOn("Guide and glossary");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.help().shown().id()).isEqualTo("guide");
        robot.interact(() -> window.help().stage().hide());
    }

    @Test
    void theQuestionReaderShowsTheQuestionAndEachStepTintedByEntropy(FxRobot robot) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            problems.add(new Problem(String.format("q%03d", i), "Made-up question number " + i + "?", "A",
                    List.of("one", "two", "three", "four"), AnswerKind.MULTIPLE_CHOICE));
        }
        robot.interact(() -> {
            window.workspace().addDataset(new Dataset(window.workspace().selectedRun().get().file().header().dataset(),
                    null, AnswerKind.MULTIPLE_CHOICE, problems, List.of()));
            window.analysisView().questionTable().getSelectionModel().select(0);
        });
        robot.clickOn("Read the question");
        WaitForAsyncUtils.waitForFxEvents();
        String id = window.analysisView().questionTable().getSelectionModel().getSelectedItem().questionId();
        Node content = window.analysisView().questionReaderContent();
        assertThat(robot.from(content).lookup("#reader-question").queryAs(Label.class).getText())
                .isEqualTo("Made-up question number " + Integer.parseInt(id.substring(1)) + "?");
        assertThat(robot.from(content).lookup("#reader-gold").queryAs(Label.class).getText()).startsWith("Gold answer: ");
        assertThat(robot.from(content).lookup("#reader-step-1").queryAs(Label.class).getText())
                .contains("extracted answer").contains("H ");
        TextFlow step1 = (TextFlow) window.analysisView().questionReaderContent().getChildren().stream()
                .filter(n -> n instanceof TextFlow).findFirst().orElseThrow();
        assertThat(step1.getChildren().stream().map(n -> ((Text) n).getFill()).distinct().count())
                .as("tints of different entropies").isGreaterThan(3);
    }

    @Test
    void theTauSliderStepsByMilliBitsAndTheFieldSaysWhyItRejectsText(FxRobot robot) {
        Slider slider = window.analysisView().tauSlider();
        robot.interact(() -> {
            slider.requestFocus();
            window.analysisModel().setTau(1.0);
        });
        robot.type(KeyCode.RIGHT);
        assertThat(window.analysisModel().tauProperty().get()).isCloseTo(1.001, within(1e-9));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertThat(window.analysisModel().tauProperty().get()).isCloseTo(1.011, within(1e-9));
        robot.type(KeyCode.HOME);
        assertThat(window.analysisModel().tauProperty().get()).isEqualTo(slider.getMin());
        robot.type(KeyCode.END);
        assertThat(window.analysisModel().tauProperty().get()).isEqualTo(slider.getMax());

        double before = window.analysisModel().tauProperty().get();
        robot.doubleClickOn("#tau-field").eraseText(12).write("abc").type(KeyCode.ENTER);
        Label problem = robot.lookup("#tau-field-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("\"abc\" is not a number: τ is in bits, e.g. 0.850");
        assertThat(window.analysisModel().tauProperty().get()).isEqualTo(before);
    }

    @Test
    void compactTilesLeaveBothChartsAUsablePlotArea(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        var histogram = window.analysisView().histogramViewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        var curve = window.analysisView().curveViewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        assertThat(histogram.getHeight()).as("histogram plot height").isGreaterThanOrEqualTo(85);
        assertThat(curve.getHeight()).as("savings curve plot height").isGreaterThanOrEqualTo(120);
        Node bar = robot.lookup("#token-savings-interval-bar").query();
        assertThat(bar.getParent().isVisible()).as("no whisker bar on a short screen").isFalse();
        Label interval = robot.lookup("#token-savings-interval").queryAs(Label.class);
        assertThat(interval.isVisible() && interval.getParent() == robot.lookup("#token-savings").query().getParent())
                .as("the interval sits beside the figure").isTrue();
    }

    @Test
    void ruleLabelsOverTheHistogramOverlapNeitherEachOtherNorTheTauLine(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ChartOverlay.MarkerLabels labels = window.analysisView().ruleLabels();
        List<Label> shown = labels.labels().stream().filter(Node::isVisible).toList();
        assertThat(shown).hasSizeGreaterThanOrEqualTo(2);
        var area = window.analysisView().histogramViewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        for (int i = 0; i < shown.size(); i++) {
            Bounds a = shown.get(i).getBoundsInParent();
            assertThat(a.getMaxY()).as("label above the data area the τ line spans").isLessThanOrEqualTo(area.getMinY());
            for (int j = i + 1; j < shown.size(); j++) {
                assertThat(a.intersects(shown.get(j).getBoundsInParent())).as(shown.get(i).getText() + " vs "
                        + shown.get(j).getText()).isFalse();
            }
        }
    }

    @Test
    void theProbeButtonKeepsItsTextNextToALongResult(FxRobot robot) {
        robot.interact(() -> window.show(WorkbenchWindow.Screen.RUN));
        robot.interact(() -> {
            window.runModel().form().model().set("m");
            window.runModel().form().baseUrl().set("http://127.0.0.1:9/v1");
            window.runModel().probe();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Button probe = robot.lookup("#run-probe").queryButton();
        assertThat(window.runModel().probeResult().get()).hasSizeGreaterThan(40);
        assertThat(probe.getWidth()).isGreaterThanOrEqualTo(probe.prefWidth(-1) - 0.5);
        assertThat(robot.lookup("#run-start").queryButton().isDisabled()).as("failed probe blocks Start").isTrue();
        robot.clickOn("#run-start-anyway");
        assertThat(robot.lookup("#run-start").queryButton().isDisabled()).isFalse();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static boolean horizontalBarShown(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    private static List<IndexedCell<?>> selectedRowCells(FxRobot robot, TableView<?> table) {
        List<IndexedCell<?>> cells = new ArrayList<>();
        for (Node n : robot.from(table).lookup(".table-row-cell").queryAll()) {
            if (n instanceof IndexedCell<?> row && row.isSelected() && row.getItem() != null) {
                cells.add(row);
                for (Node c : robot.from(row).lookup(".table-cell").queryAll()) {
                    cells.add((IndexedCell<?>) c);
                }
            }
        }
        return cells;
    }

    private static void assertReadable(List<IndexedCell<?>> rowThenCells, String what) {
        assertThat(rowThenCells).as(what).hasSizeGreaterThan(1);
        Color bg = background(rowThenCells.get(0));
        for (IndexedCell<?> cell : rowThenCells.subList(1, rowThenCells.size())) {
            if (cell.getText() == null || cell.getText().isBlank()) {
                continue;
            }
            assertThat(contrast(textFill(cell), bg)).as(what + " cell '" + cell.getText() + "'")
                    .isGreaterThanOrEqualTo(4.5);
        }
    }

    private static Color textFill(javafx.scene.control.Labeled l) {
        Paint p = l.getTextFill();
        return p instanceof Color c ? c : Color.BLACK;
    }

    private static Color background(javafx.scene.layout.Region r) {
        Background b = r.getBackground();
        assertThat(b).isNotNull();
        List<BackgroundFill> fills = b.getFills();
        Paint p = fills.get(fills.size() - 1).getFill();
        return p instanceof Color c ? c : Color.WHITE;
    }

    /** WCAG contrast ratio of two colours (4.5 is the minimum for normal text). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
