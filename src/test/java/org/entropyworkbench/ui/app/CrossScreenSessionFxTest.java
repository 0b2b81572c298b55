package org.entropyworkbench.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.entropyworkbench.cli.EntropyWorkbenchCli;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileReader;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.runner.RunMode;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.common.DialogService;
import org.entropyworkbench.ui.common.ScriptedDialogService;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.FxTaskExecutor;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.MethodOption;
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
 * Issue 8's promise across screens: what the user sets on Analysis (k, priors, a dragged τ) is what
 * Calibration exports, field by field; the CLI writes the same file for the same flags; and a gated
 * replay started on the Run screen with that calibration records its custom τ.
 */
@ExtendWith(ApplicationExtension.class)
class CrossScreenSessionFxTest {

    @TempDir
    Path dir;

    private WorkbenchWindow window;
    private FxTaskExecutor executor;
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private Path runFile;

    @Start
    void start(Stage stage) throws Exception {
        runFile = UiTestRuns.write(dir, "reasoning", 80, 17);
        executor = new FxTaskExecutor();
        window = new WorkbenchWindow(new Workspace(executor), executor, new RecentFiles(dir.resolve("recent.json")));
        window.setShowProblemDialogs(false);
        DialogService.register(window, dialogs);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.show();
        window.show(WorkbenchWindow.Screen.ANALYSIS);
        window.opener().open(runFile);
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void analysisSettingsAreExportedAndAppliedByAGatedReplay(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.analysisModel().analysis() != null);

        pick(robot, "#k-selector", "5");
        pick(robot, "#priors-selector", "equal priors");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            RunAnalysis a = window.analysisModel().analysis();
            return a != null && a.options().k() == 5 && a.options().priors() == BayesPriors.EQUAL;
        });
        RunAnalysis atFive = window.analysisModel().analysis();
        double lo = window.analysisModel().tauMin();
        double hi = window.analysisModel().tauMax();
        String typed = String.format(Locale.ROOT, "%.3f", lo + 0.37 * (hi - lo));
        TextField tauField = robot.lookup("#tau-field").queryAs(TextField.class);
        robot.doubleClickOn(tauField).eraseText(tauField.getText().length() + 2).write(typed).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        double shownTau = window.analysisModel().tauProperty().get();
        assertThat(shownTau).isEqualTo(Double.parseDouble(typed));
        assertThat(window.analysisModel().methodProperty().get().isCustom()).isTrue();
        assertThat(robot.lookup("#k-selector").queryAs(ComboBox.class).getValue()).isEqualTo(5);

        robot.interact(() -> window.show(WorkbenchWindow.Screen.CALIBRATION));
        Path exported = dir.resolve("from-window.json");
        dialogs.nextFile(exported);
        robot.clickOn("#export-calibration");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.workspace().calibration().get() != null
                && Files.exists(exported));

        CalibrationFile file = CalibrationFileReader.read(exported);
        assertThat(file.k()).isEqualTo(5);
        assertThat(file.priors()).isEqualTo("equal");
        assertThat(file.chosen().isCustom()).isTrue();
        assertThat(file.chosenTau()).isEqualTo(shownTau);
        assertThat(file.sourceRunId()).isEqualTo(atFive.header().runId());
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertThat(file.tau(m)).as(m.id()).isEqualTo(atFive.thresholds().tau(m));
        }
        JsonNode json = new ObjectMapper().readTree(exported.toFile());
        assertThat(json.get("chosenMethod").textValue()).isEqualTo("custom");

        Path fromCli = dir.resolve("from-cli.json");
        StringWriter err = new StringWriter();
        int code = EntropyWorkbenchCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "calibrate",
                runFile.toString(), "-o", fromCli.toString(), "--k", "5", "--priors", "equal", "--tau", typed);
        assertThat(code).as(err.toString()).isZero();
        assertThat(withoutCreatedAt(Files.readString(fromCli))).isEqualTo(withoutCreatedAt(Files.readString(exported)));

        robot.interact(() -> {
            window.show(WorkbenchWindow.Screen.RUN);
            window.runModel().form().mode().set(RunMode.GATED);
            window.runModel().replaySpeed().set(0);
        });
        dialogs.nextFile(runFile);
        robot.clickOn("#run-replay");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.workspace().runs().stream()
                    .anyMatch(r -> r.file().header().title().startsWith("replay of")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("replay did not finish: " + window.runModel().status().get() + " "
                    + window.runModel().messages(), e);
        }
        LoadedRun replay = window.workspace().runs().stream()
                .filter(r -> r.file().header().title().startsWith("replay of")).findFirst().orElseThrow();
        RunHeader header = RunFileReader.read(replay.path()).header();
        assertThat(header.mode()).isEqualTo("gated");
        assertThat(header.calibration().get("method")).isEqualTo("custom");
        assertThat(((Number) header.calibration().get("tau")).doubleValue()).isEqualTo(shownTau);
        assertThat(((Number) header.calibration().get("k")).intValue()).isEqualTo(5);
        assertThat(window.runModel().messages()).anyMatch(m -> m.startsWith("Gate: custom τ = " + typed));
        assertThat(robot.lookup("#run-gate").queryAs(Labeled.class).getText()).startsWith("custom τ = " + typed);
    }

    /**
     * Issue 11: the signal chosen on Analysis drives τ, the slider and the histogram in the signal's own
     * units (DeepConf confidence is high = confident, so the gate score is negated internally), and the
     * Calibration export equals {@code ew calibrate --signal NAME} byte for byte apart from createdAt.
     */
    @Test
    void theChosenSignalIsShownInItsUnitsAndExportedAsTheCliWould(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.analysisModel().analysis() != null);
        double entropyTau = window.analysisModel().tauProperty().get();

        pick(robot, "#signal-selector", Signal.DEEPCONF_MEAN.label());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            RunAnalysis a = window.analysisModel().analysis();
            return a != null && a.signal() == Signal.DEEPCONF_MEAN && !window.analysisModel().busyProperty().get();
        });
        RunAnalysis deepconf = window.analysisModel().analysis();
        MethodOption rule = window.analysisModel().methodProperty().get();
        assertThat(rule.isCustom()).isFalse();
        double gateTau = window.analysisModel().tauProperty().get();
        double shown = deepconf.tauInSignalUnits(rule.method());
        assertThat(gateTau).isEqualTo(deepconf.thresholds().tau(rule.method())).isNotEqualTo(entropyTau);
        assertThat(gateTau).isNegative();
        assertThat(shown).isEqualTo(-gateTau).isPositive();
        Slider slider = window.analysisView().tauSlider();
        assertThat(slider.getValue()).isEqualTo(shown);
        assertThat(slider.getMin()).isGreaterThanOrEqualTo(0).isLessThan(shown);
        assertThat(slider.getMax()).isGreaterThan(shown);
        assertThat(robot.lookup("#tau-field").queryAs(TextField.class).getText())
                .isEqualTo(String.format(Locale.ROOT, "%.3f", shown));
        assertThat(window.analysisView().histogram().plot().getDomainAxis().getLabel()).contains("nats", "high = confident");
        assertThat(window.analysisView().tauLine().value()).isEqualTo(shown);

        robot.interact(() -> window.show(WorkbenchWindow.Screen.CALIBRATION));
        Path exported = dir.resolve("deepconf-window.json");
        dialogs.nextFile(exported);
        robot.clickOn("#export-calibration");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.workspace().calibration().get() != null
                && Files.exists(exported));
        CalibrationFile file = CalibrationFileReader.read(exported);
        assertThat(file.signal()).isEqualTo(Signal.DEEPCONF_MEAN.id());
        assertThat(file.chosenTau()).isEqualTo(shown);

        Path fromCli = dir.resolve("deepconf-cli.json");
        StringWriter err = new StringWriter();
        int code = EntropyWorkbenchCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "calibrate",
                runFile.toString(), "-o", fromCli.toString(), "--signal", Signal.DEEPCONF_MEAN.id(),
                "--method", rule.method().id());
        assertThat(code).as(err.toString()).isZero();
        assertThat(withoutCreatedAt(Files.readString(fromCli))).isEqualTo(withoutCreatedAt(Files.readString(exported)));
    }

    private static void pick(FxRobot robot, String comboId, String item) {
        robot.clickOn(comboId);
        Node cell = robot.lookup(".combo-box-popup .list-cell").match((Labeled l) -> item.equals(l.getText())).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String withoutCreatedAt(String json) {
        return json.replaceFirst("\"createdAt\" : \"[^\"]*\"", "\"createdAt\" : \"-\"");
    }
}
