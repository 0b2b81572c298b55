package org.entropyworkbench.ui.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileReader;
import org.entropyworkbench.core.calibration.CalibrationFileWriter;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.MethodOption;
import org.entropyworkbench.ui.workspace.SampleMode;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.entropyworkbench.ui.task.QueuedTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationViewModelTest {

    @TempDir
    Path dir;

    private Workspace workspace;
    private CalibrationViewModel model;
    private LoadedRun run;

    @BeforeEach
    void setUp() throws Exception {
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        model = new CalibrationViewModel(workspace, new CurrentThreadTaskExecutor());
        run = UiTestRuns.load(dir, "reasoning", 60, 5);
        workspace.addRun(run);
    }

    @Test
    void inSampleRowsAreTheRunsThresholdsAndEffects() {
        assertThat(model.rows()).hasSize(4);
        for (CalibrationRow row : model.rows()) {
            assertThat(row.tau()).isEqualTo(run.analysis().thresholds().tau(row.method()));
            if (Double.isFinite(row.tau())) {
                assertThat(row.tokenSavings()).isEqualTo(run.analysis().atMethod(row.method()).tokenSavings());
            }
        }
    }

    @Test
    void fewShotRowsSummariseTheDrawsAndAreReproducible() {
        model.modeProperty().set(SampleMode.FEW_SHOT);
        model.shotsProperty().set(8);
        model.drawsProperty().set(30);
        model.seedProperty().set(7);
        model.compute();
        assertThat(model.fewShotProperty().get()).isNotNull();
        assertThat(model.fewShotProperty().get().drawCount()).isEqualTo(30);
        CalibrationRow mean = model.rows().get(ThresholdMethod.ENTROPY_MEAN.ordinal());
        assertThat(mean.availableDraws()).isEqualTo(30);
        assertThat(mean.tauMin()).isLessThanOrEqualTo(mean.tau());
        assertThat(mean.tauMax()).isGreaterThanOrEqualTo(mean.tau());
        assertThat(mean.tauSd()).isPositive();
        double first = mean.tau();
        model.compute();
        assertThat(model.rows().get(ThresholdMethod.ENTROPY_MEAN.ordinal()).tau()).isEqualTo(first);
    }

    @Test
    void switchingBackToAllWhileDrawsRunStopsBeingBusy() {
        QueuedTaskExecutor queued = new QueuedTaskExecutor();
        CalibrationViewModel waiting = new CalibrationViewModel(workspace, queued);
        waiting.modeProperty().set(SampleMode.FEW_SHOT);
        waiting.compute();
        assertThat(waiting.busyProperty().get()).as("few-shot draws queued").isTrue();

        waiting.modeProperty().set(SampleMode.ALL);
        waiting.compute();
        assertThat(waiting.busyProperty().get()).isFalse();
        queued.runAll();
        assertThat(waiting.fewShotProperty().get()).as("the cancelled draws deliver nothing").isNull();
        assertThat(waiting.rows()).hasSize(4);
    }

    @Test
    void exportWritesAFileThatReadsBackWithTheSameThresholds() throws Exception {
        model.chosenMethodProperty().set(new MethodOption(ThresholdMethod.ENTROPY_MEAN));
        Path file = dir.resolve("calibration.json");
        model.exportTo(file);

        assertThat(model.statusProperty().get()).contains("Saved calibration to").contains(file.toAbsolutePath().toString());
        CalibrationFile read = CalibrationFileReader.read(file);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            double expected = run.analysis().thresholds().tau(m);
            if (Double.isFinite(expected)) {
                assertThat(read.tau(m)).isCloseTo(expected, within(1e-9));
            } else {
                assertThat(read.tau(m)).isNaN();
            }
        }
        assertThat(read.chosenMethod()).isEqualTo(ThresholdMethod.ENTROPY_MEAN);
        assertThat(read.sample().mode()).isEqualTo(CalibrationFile.CalibrationSample.MODE_ALL);
        assertThat(workspace.calibration().get()).isNotNull();
        assertThat(Files.readString(file)).doesNotContainIgnoringCase("apikey");
    }

    @Test
    void fewShotExportRecordsTheSample() throws Exception {
        model.modeProperty().set(SampleMode.FEW_SHOT);
        model.shotsProperty().set(10);
        model.drawsProperty().set(20);
        model.compute();
        Path file = dir.resolve("few.json");
        model.exportTo(file);
        CalibrationFile read = CalibrationFileReader.read(file);
        assertThat(read.sample().mode()).isEqualTo(CalibrationFile.CalibrationSample.MODE_FEW_SHOT);
        assertThat(read.sample().n()).isEqualTo(10);
        assertThat(read.sample().draws()).isEqualTo(20);
        assertThat(read.tau(ThresholdMethod.ENTROPY_MEAN))
                .isCloseTo(model.rows().get(0).tau(), within(1e-9));
    }

    @Test
    void importStoresTheCalibrationAndShowsItsThresholds() throws Exception {
        LoadedRun other = UiTestRuns.load(dir, "instruction", 60, 9);
        Path file = dir.resolve("other.json");
        CalibrationFileWriter.write(file,
                CalibrationFile.from(other.analysis(), null, "test", Instant.EPOCH));

        model.importFrom(file);

        assertThat(workspace.calibration().get()).isNotNull();
        CalibrationRow mean = model.rows().get(ThresholdMethod.ENTROPY_MEAN.ordinal());
        assertThat(mean.importedTau()).isCloseTo(other.analysis().thresholds().tau(ThresholdMethod.ENTROPY_MEAN), within(1e-9));
        assertThat(model.importedTextProperty().get()).startsWith("Imported:");
    }

    @Test
    void aBadCalibrationFileIsReportedWithItsName() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\":\"entropy-workbench-calibration\",\"version\":1}");
        model.importFrom(file);
        assertThat(workspace.calibration().get()).isNull();
        assertThat(model.statusProperty().get()).startsWith("Could not import").contains("broken.json");
    }
}
