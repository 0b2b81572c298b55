package org.entropyworkbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.entropyworkbench.core.analysis.AnalysisDefaults;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.SignalComparison;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.core.stats.PercentileInterval;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.common.Formats;
import org.entropyworkbench.ui.common.IntervalFigure;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.entropyworkbench.ui.task.QueuedTaskExecutor;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.MethodOption;
import org.entropyworkbench.ui.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Analysis tiles' 95 % intervals: the same seeded bootstrap figures as {@code analyze --signals} and
 * the Signals screen, following the rule and the signal, "interval…" while they compute.
 */
class AnalysisIntervalsTest {

    @TempDir
    Path dir;

    @Test
    void tilesShowTheCliBootstrapIntervalsOfTheChosenRule() throws Exception {
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        AnalysisViewModel model = new AnalysisViewModel(ws, new CurrentThreadTaskExecutor());
        LoadedRun run = UiTestRuns.load(dir, "reasoning", 120, 5);
        ws.addRun(run);
        AnalysisIntervals intervals = model.intervals();
        SignalReport expected = SignalComparison.report(run.file(), AnalysisOptions.defaults(),
                AnalysisDefaults.BOOTSTRAP_RESAMPLES, AnalysisDefaults.BOOTSTRAP_SEED, 0);

        assertThat(intervals.aurocTextProperty().get()).isEqualTo(Formats.number(expected.auroc(), 3));
        assertThat(intervals.aurocProperty().get().text()).isEqualTo(bracket(expected.aurocInterval(), 1, 3, ""))
                .matches("\\[0\\.\\d{3}, [01]\\.\\d{3}]");
        assertThat(intervals.aurocProperty().get().reference()).isEqualTo(0.5);
        assertThat(intervals.cohensDTextProperty().get()).isEqualTo(Formats.number(expected.cohensD(), 2));
        assertThat(intervals.cohensDProperty().get().text()).isEqualTo(bracket(expected.cohensDInterval(), 1, 2, ""));

        for (ThresholdMethod m : ThresholdMethod.values()) {
            model.selectMethod(new MethodOption(m));
            SignalReport.RuleReport rule = expected.rule(m);
            assertThat(intervals.tauTextProperty().get()).isEqualTo(Formats.number(rule.tau(), 3));
            assertThat(intervals.tauProperty().get().text()).isEqualTo(bracket(rule.tauInterval(), 1, 3, ""));
            IntervalFigure savings = intervals.savingsProperty().get();
            assertThat(savings.text()).isEqualTo(bracket(rule.savingsInterval(), 100, 1, " %")).endsWith("] %");
            assertThat(savings.point()).isEqualTo(100 * rule.tokenSavings());
            assertThat(savings.lower()).isLessThanOrEqualTo(savings.upper());
            assertThat(intervals.deltaProperty().get().text()).isEqualTo(bracket(rule.deltaInterval(), 1, 1, " pts"));
            assertThat(intervals.deltaProperty().get().reference()).isZero();
        }

        model.setTau(model.tauProperty().get() + 0.01);
        assertThat(model.methodProperty().get().isCustom()).isTrue();
        assertThat(intervals.savingsProperty().get().text()).isEqualTo("custom τ: no interval");
        assertThat(intervals.savingsProperty().get().hasBar()).isFalse();
        assertThat(intervals.aurocProperty().get().hasBar()).as("AUROC does not depend on τ").isTrue();
    }

    @Test
    void changingTheSignalShowsIntervalPendingThenTheNewSignalsIntervals() throws Exception {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        Workspace ws = new Workspace(executor);
        AnalysisViewModel model = new AnalysisViewModel(ws, executor);
        LoadedRun run = UiTestRuns.load(dir, "reasoning", 120, 5);
        ws.addRun(run);
        AnalysisIntervals intervals = model.intervals();
        assertThat(intervals.busyProperty().get()).isTrue();
        assertThat(intervals.aurocTextProperty().get()).as("the point figure is there at once").isNotEqualTo(Formats.MISSING);
        assertThat(intervals.aurocProperty().get().text()).isEqualTo(IntervalFigure.PENDING_TEXT);
        assertThat(intervals.savingsProperty().get().text()).isEqualTo(IntervalFigure.PENDING_TEXT);
        executor.runAll();
        String entropyInterval = intervals.aurocProperty().get().text();
        assertThat(entropyInterval).startsWith("[");

        ws.session().signalProperty().set(Signal.MEAN_NLL);
        executor.runAll();
        assertThat(model.analysis().signal()).isEqualTo(Signal.MEAN_NLL);
        assertThat(intervals.report().signal()).isEqualTo(Signal.MEAN_NLL);
        SignalReport nll = SignalComparison.report(run.file(), AnalysisOptions.defaults().withSignal(Signal.MEAN_NLL),
                AnalysisDefaults.BOOTSTRAP_RESAMPLES, AnalysisDefaults.BOOTSTRAP_SEED, 0);
        assertThat(intervals.aurocProperty().get().text()).isEqualTo(bracket(nll.aurocInterval(), 1, 3, ""))
                .isNotEqualTo(entropyInterval);

        ws.session().signalProperty().set(Signal.MEAN_ENTROPY);
        assertThat(intervals.aurocProperty().get().text()).as("the entropy's intervals are remembered, not recomputed")
                .isEqualTo(entropyInterval);
        assertThat(intervals.busyProperty().get()).isFalse();
    }

    @Test
    void aResultForAnOlderAnalysisIsDropped() throws Exception {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        AnalysisIntervals intervals = new AnalysisIntervals(ws.session(), executor, () -> new double[] {0, 2});
        ws.addRun(UiTestRuns.load(dir, "reasoning", 60, 3));
        ws.session().signalProperty().set(Signal.MAX_ENTROPY);
        assertThat(executor.pending()).isEqualTo(2);
        executor.runAll();
        assertThat(intervals.report().signal()).isEqualTo(Signal.MAX_ENTROPY);
    }

    private static String bracket(PercentileInterval i, double factor, int decimals, String suffix) {
        return "[" + plain(factor * i.lower(), decimals) + ", " + plain(factor * i.upper(), decimals) + "]" + suffix;
    }

    /** A number as the tile prints it: "-0.0" (a tiny negative) as "0.0". */
    private static String plain(double v, int decimals) {
        String s = Formats.number(v, decimals);
        return s.matches("-0\\.0+") ? s.substring(1) : s;
    }
}
