package org.entropyworkbench.ui.compare;

import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.SignalComparison;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalBootstrap;
import org.entropyworkbench.core.signal.SignalReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareViewModelTest {

    @TempDir
    Path dir;

    @Test
    void rowsFollowTheTickedRunsAndShowTheirSeparation() throws Exception {
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        CompareViewModel model = new CompareViewModel(ws, new CurrentThreadTaskExecutor());
        LoadedRun reasoning = UiTestRuns.load(dir, "reasoning", 200, 21);
        LoadedRun instruction = UiTestRuns.load(dir, "instruction", 200, 22);
        ws.addRun(reasoning);
        ws.addRun(instruction);

        assertThat(model.entries()).hasSize(2);
        assertThat(model.rows()).extracting(CompareRow::name).containsExactly(reasoning.shortName(), instruction.shortName());
        CompareRow r = model.rows().get(0);
        assertThat(r.cohensD()).isEqualTo(reasoning.analysis().separation().cohensD());
        assertThat(r.overlap()).isEqualTo(reasoning.analysis().separation().overlap());
        assertThat(r.separates()).isTrue();
        assertThat(model.rows().get(1).separates()).isFalse();
        assertThat(r.signal()).isEqualTo(Signal.DEFAULT);
        assertThat(r.auroc()).isGreaterThan(0.5);
        assertThat(r.aurocInterval().defined()).isTrue();
        assertThat(r.aurocInterval().contains(r.auroc())).isTrue();
        assertThat(r.aurocText()).startsWith(String.format(java.util.Locale.ROOT, "%.3f [", r.auroc()));

        ws.session().signalProperty().set(Signal.MEAN_NLL);
        CompareRow nll = model.rows().get(0);
        assertThat(nll.signal()).isEqualTo(Signal.MEAN_NLL);
        assertThat(model.settingsText().get()).contains(Signal.MEAN_NLL.label());
        SignalReport expected = SignalComparison.report(reasoning.file(),
                AnalysisOptions.defaults().withSignal(Signal.MEAN_NLL), SignalBootstrap.DEFAULT_RESAMPLES,
                SignalBootstrap.DEFAULT_SEED, 10);
        assertThat(nll.auroc()).isEqualTo(expected.auroc()).isNotEqualTo(r.auroc());
        assertThat(nll.aurocInterval().lower()).isEqualTo(expected.aurocInterval().lower());
        assertThat(nll.aurocInterval().upper()).isEqualTo(expected.aurocInterval().upper());
        ws.session().signalProperty().set(Signal.DEFAULT);

        String finding = CompareView.findingText(model.rows());
        assertThat(finding).contains("Entropy separates right from wrong: " + reasoning.shortName());
        assertThat(finding).contains("No usable separation: " + instruction.shortName());

        LoadedRun twin = UiTestRuns.load(Files.createDirectories(dir.resolve("twin")), "reasoning", 200, 21);
        ws.addRun(twin);
        assertThat(model.rows()).hasSize(3);
        assertThat(model.rows().stream().map(CompareRow::name).distinct().count()).as("labels stay distinct").isEqualTo(3);
        model.setSelected(twin.displayName(), false);

        model.setSelected(reasoning.displayName(), false);
        assertThat(model.rows()).extracting(CompareRow::name).containsExactly(instruction.shortName());
        assertThat(CompareView.findingText(model.rows())).contains("at least two");
    }
}
