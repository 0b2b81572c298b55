package org.entropyworkbench.ui.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.RunFileLoader;
import org.entropyworkbench.ui.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Signals screen's overlay: one trade-off curve per available signal, the chosen one on top. */
class SignalOverlayTest {

    @TempDir
    Path dir;

    @Test
    void oneCurvePerAvailableSignalInRankingOrderEqualToItsAnalysis() throws Exception {
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        SignalsViewModel model = new SignalsViewModel(ws, new CurrentThreadTaskExecutor());
        LoadedRun run = UiTestRuns.load(dir, "reasoning", 120, 5);
        ws.addRun(run);
        model.setActive(true);

        List<Signal> ranked = model.rows().stream().filter(SignalRow::available).map(SignalRow::signal).toList();
        assertThat(model.curves()).extracting(SignalCurve::signal).containsExactlyElementsOf(ranked);
        assertThat(model.curves()).hasSize(Signal.values().length);

        SignalCurve nll = model.curves().stream().filter(c -> c.signal() == Signal.MEAN_NLL).findFirst().orElseThrow();
        List<TradeoffPoint> full = RunAnalysis.of(run.file(), AnalysisOptions.defaults().withSignal(Signal.MEAN_NLL))
                .tradeoff().curve();
        assertThat(nll.size()).isEqualTo(full.size()).isLessThanOrEqualTo(SignalCurve.MAX_POINTS);
        assertThat(nll.savings()[nll.size() - 1]).isEqualTo(100 * full.get(full.size() - 1).tokenSavings());
        assertThat(nll.gatedAccuracy()[0]).isEqualTo(100 * full.get(0).gatedAccuracy());

        SignalCurvesChart chart = new SignalCurvesChart();
        chart.setCurves(model.curves(), model.highlightedProperty().get());
        assertThat(chart.seriesCount()).isEqualTo(model.curves().size());
        assertThat(chart.highlighted()).isEqualTo(Signal.DEFAULT);
        ws.session().signalProperty().set(Signal.DEEPCONF_TAIL);
        assertThat(model.highlightedProperty().get()).as("follows the session's signal").isEqualTo(Signal.DEEPCONF_TAIL);
    }

    @Test
    void signalsTheRunCannotGiveHaveNoCurve() throws Exception {
        Path old = SignalsViewModelTest.stripFields(UiTestRuns.write(dir, "reasoning", 60, 8), dir.resolve("format-1.0.jsonl"));
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        SignalsViewModel model = new SignalsViewModel(ws, new CurrentThreadTaskExecutor());
        model.setActive(true);
        ws.addRun(RunFileLoader.load(old));
        assertThat(model.curves()).extracting(SignalCurve::signal)
                .doesNotContain(Signal.DEEPCONF_MEAN, Signal.DEEPCONF_LOWEST_GROUP, Signal.DEEPCONF_BOTTOM_10,
                        Signal.DEEPCONF_TAIL, Signal.MEAN_NLL)
                .contains(Signal.MEAN_ENTROPY, Signal.MAX_ENTROPY);
    }

    @Test
    void longCurvesAreThinnedKeepingTheirEnds() throws Exception {
        LoadedRun big = UiTestRuns.load(dir, "reasoning", 900, 2);
        RunAnalysis a = big.analysis();
        List<TradeoffPoint> full = a.tradeoff().curve();
        SignalCurve c = SignalCurve.of(a, 0.7);
        assertThat(full.size()).isGreaterThan(SignalCurve.MAX_POINTS);
        assertThat(c.size()).isLessThanOrEqualTo(SignalCurve.MAX_POINTS + 1).isGreaterThan(SignalCurve.MAX_POINTS / 2);
        assertThat(c.savings()[0]).isEqualTo(100 * full.get(0).tokenSavings());
        assertThat(c.savings()[c.size() - 1]).isEqualTo(100 * full.get(full.size() - 1).tokenSavings());
    }
}
