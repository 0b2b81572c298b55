package org.entropyworkbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.entropyworkbench.core.analysis.AnalysisDefaults;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.analysis.SignalComparison;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whiskers on the savings-vs-accuracy curve: one per rule, at the bootstrap intervals, gone for another signal. */
class TradeoffWhiskersTest {

    @TempDir
    Path dir;

    @Test
    void eachRuleGetsItsSavingsAndDeltaAccuracyIntervalAboutTheFullAccuracy() throws Exception {
        RunAnalysis a = UiTestRuns.load(dir, "reasoning", 120, 5).analysis();
        SignalReport report = SignalComparison.report(a, AnalysisDefaults.BOOTSTRAP_RESAMPLES, AnalysisDefaults.BOOTSTRAP_SEED, 0);
        TradeoffCurveChart chart = new TradeoffCurveChart();
        chart.setAnalysis(a);
        chart.setIntervals(report, a);

        assertThat(chart.whiskers()).hasSize(ThresholdMethod.values().length);
        double fin = 100 * a.finalAccuracy();
        for (int i = 0; i < ThresholdMethod.values().length; i++) {
            SignalReport.RuleReport r = report.rule(ThresholdMethod.values()[i]);
            double[] e = chart.whiskers().get(i).extent();
            assertThat(e[0]).isCloseTo(100 * r.savingsInterval().lower(), within(1e-9));
            assertThat(e[1]).isCloseTo(100 * r.savingsInterval().upper(), within(1e-9));
            assertThat(e[2]).isCloseTo(fin + r.deltaInterval().lower(), within(1e-9));
            assertThat(e[3]).isCloseTo(fin + r.deltaInterval().upper(), within(1e-9));
        }
        BufferedImage drawn = chart.chart().createBufferedImage(600, 400);
        assertThat(drawn.getWidth()).isEqualTo(600);

        chart.setAnalysis(a);
        assertThat(chart.whiskers()).as("a new analysis clears them").isEmpty();
        RunAnalysis other = RunAnalysis.of(a.summary(), a.options().withSignal(Signal.MAX_ENTROPY));
        chart.setIntervals(report, other);
        assertThat(chart.whiskers()).as("a report on another signal is not drawn").isEmpty();
    }
}
