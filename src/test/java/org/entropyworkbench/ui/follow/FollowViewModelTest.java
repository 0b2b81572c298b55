package org.entropyworkbench.ui.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileWriter;
import org.entropyworkbench.core.follow.ServeRecordLines;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.tradeoff.SyntheticRunFixture;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.entropyworkbench.ui.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Follow screen's model without a window: which calibration it draws against, and what it says without one. */
class FollowViewModelTest {

    @TempDir
    Path dir;

    private CalibrationFile calibration(boolean withClasses) {
        SyntheticRunFixture f = new SyntheticRunFixture(2);
        double[] h = {0.1, 0.2, 0.7, 0.9};
        boolean[] ok = {true, true, false, false};
        for (int i = 0; i < h.length; i++) {
            f.question("q" + i, h[i], new Boolean[] {ok[i], true}, new int[] {100, 300});
        }
        CalibrationFile c = CalibrationFile.from(RunAnalysis.of(f.build(), AnalysisOptions.defaults()), null, "test",
                Instant.EPOCH).withCustomTau(0.5);
        return withClasses ? c : new CalibrationFile(c.version(), c.createdAt(), c.workbenchVersion(), c.model(),
                c.server(), c.dataset(), c.sourceRunId(), c.k(), c.entropyUnit(), c.priors(), c.chosen(), c.methods(),
                c.classStatistics(), c.sample(), c.signal(), c.provenance(), c.prompts());
    }

    private Path record(Map<String, Object> calibrationInfo) throws Exception {
        RunHeader h = ServeRecordLines.header();
        RunHeader header = new RunHeader(h.formatVersion(), h.runId(), h.createdAt(), h.workbenchVersion(), h.title(),
                h.model(), h.server(), h.dataset(), h.datasetPath(), h.answerKind(), h.mode(), h.steps(), h.topK(),
                h.temperature(), h.maxTokensPerStep(), h.reasoningEffort(), h.prompts(), false, h.generator(),
                calibrationInfo);
        Path file = dir.resolve("serve.jsonl");
        try (RunFileWriter w = RunFileWriter.create(file, header)) {
            w.append(ServeRecordLines.step("a", 1, 0.3, 10));
        }
        return file;
    }

    @Test
    void withoutACalibrationInTheWorkspaceItReadsTheOneTheRecordNames() throws Exception {
        Path cal = dir.resolve("cal.json");
        CalibrationFileWriter.write(cal, calibration(true));
        Workspace workspace = new Workspace(new CurrentThreadTaskExecutor());
        FollowViewModel model = new FollowViewModel(workspace, new CurrentThreadTaskExecutor());
        model.follow(record(Map.of("file", cal.toString(), "tau", 0.5)));
        assertThat(workspace.calibration().get()).isNotNull();
        assertThat(model.gateCalibration()).isSameAs(workspace.calibration().get());
        assertThat(model.requests().get()).isEqualTo("1");
        assertThat(model.expectedStopRate().get()).startsWith("50.0 %");
        assertThat(model.gateText().get()).contains("stop when H ≤ 0.5000 bits").contains("custom");
    }

    @Test
    void withoutAnyCalibrationItAsksForOneAndStartsWhenOneIsChosen() throws Exception {
        Workspace workspace = new Workspace(new CurrentThreadTaskExecutor());
        FollowViewModel model = new FollowViewModel(workspace, new CurrentThreadTaskExecutor());
        model.follow(record(Map.of("tau", 0.5)));
        assertThat(model.message().get()).startsWith("Choose the calibration");
        assertThat(model.requests().get()).isEqualTo("–");

        model.calibrationChosen(calibration(false));
        assertThat(model.requests().get()).isEqualTo("1");
        assertThat(model.expectedStopRate().get()).isEqualTo("calibration has no class distribution");
        assertThat(model.stopRate().get()).startsWith("100.0 %");
    }
}
