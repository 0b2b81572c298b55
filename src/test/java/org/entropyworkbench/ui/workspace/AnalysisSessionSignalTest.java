package org.entropyworkbench.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's signal: it re-analyses, τ follows in gate units, screens see the signal's own units. */
class AnalysisSessionSignalTest {

    @TempDir
    Path dir;

    @Test
    void choosingASignalReanalysesAndTauIsShownInItsOwnUnits() throws Exception {
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        LoadedRun run = UiTestRuns.load(dir, "reasoning", 100, 3);
        ws.addRun(run);
        AnalysisSession session = ws.session();
        session.methodProperty().set(new MethodOption(ThresholdMethod.ENTROPY_MEAN));

        session.signalProperty().set(Signal.DEEPCONF_MEAN);
        RunAnalysis a = session.analysis();
        assertThat(a.signal()).isEqualTo(Signal.DEEPCONF_MEAN);
        assertThat(a.options()).isEqualTo(AnalysisOptions.defaults().withSignal(Signal.DEEPCONF_MEAN));
        double gate = session.tauProperty().get();
        assertThat(gate).isEqualTo(a.thresholds().tau(ThresholdMethod.ENTROPY_MEAN)).isNegative();
        assertThat(session.shownTau(gate)).isEqualTo(a.tauInSignalUnits(ThresholdMethod.ENTROPY_MEAN)).isPositive();
        assertThat(session.gateTau(session.shownTau(gate))).isEqualTo(gate);
        assertThat(session.chosenThreshold().tau()).isEqualTo(session.shownTau(gate));
        assertThat(session.describe()).startsWith(Signal.DEEPCONF_MEAN.label()).contains(" nats");
        assertThat(session.settings().signal()).isEqualTo(Signal.DEEPCONF_MEAN);

        session.methodProperty().set(MethodOption.CUSTOM);
        session.tauProperty().set(gate * 0.9);
        session.signalProperty().set(Signal.MEAN_NLL);
        RunAnalysis nll = session.analysis();
        assertThat(nll.signal()).isEqualTo(Signal.MEAN_NLL);
        assertThat(session.tauProperty().get()).as("a custom τ does not carry over to another signal")
                .isEqualTo(nll.thresholds().tau(ThresholdMethod.ENTROPY_MEAN));
        assertThat(session.shownTau(session.tauProperty().get())).isEqualTo(session.tauProperty().get());

        LoadedRun other = UiTestRuns.load(Files.createDirectories(dir.resolve("other")), "instruction", 60, 4);
        ws.addRun(other);
        ws.selectedRun().set(other);
        assertThat(session.signalProperty().get()).as("a run seen the first time starts at the default").isEqualTo(Signal.DEFAULT);
        assertThat(session.analysis().signal()).isEqualTo(Signal.DEFAULT);
        ws.selectedRun().set(run);
        assertThat(session.signalProperty().get()).as("remembered per run").isEqualTo(Signal.MEAN_NLL);
        assertThat(session.analysis().signal()).isEqualTo(Signal.MEAN_NLL);
    }
}
