package org.entropyworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.core.signal.StepSignals;
import org.entropyworkbench.core.signal.StepTokenData;
import org.entropyworkbench.core.simulate.RunSimulator;
import org.entropyworkbench.core.simulate.SimulationProfile;
import org.entropyworkbench.core.simulate.SimulationSettings;
import org.entropyworkbench.core.stats.ClassStatistics;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.junit.jupiter.api.Test;

class SignalComparisonTest {

    static RunFile simulated(SimulationProfile profile, int questions, long seed) {
        RunSimulator sim = new RunSimulator(new SimulationSettings(profile, questions, seed, 120, AnswerKind.INTEGER,
                null, false, Instant.EPOCH));
        List<StepRecord> steps = new ArrayList<>();
        sim.steps().forEach(steps::add);
        return new RunFile(Path.of("sim.jsonl"), sim.header(), steps, List.of(), false);
    }

    /** The same run as a format-1.0 file would give it: no chosen-token logprobs, no confidences. */
    static RunFile withoutTokenScores(RunFile run) {
        List<StepRecord> steps = run.steps().stream().map(s -> s.withTokenScores(null, null)).toList();
        return new RunFile(run.path(), run.header(), steps, List.of(), false);
    }

    @Test
    void everySignalOfASimulatedRunIsAvailableAndRankedByAuroc() {
        RunFile run = simulated(SimulationProfile.reasoning(), 120, 4);
        List<SignalReport> reports = SignalComparison.of(run, AnalysisOptions.defaults(), EnumSet.allOf(Signal.class),
                200, 1, 200);
        assertThat(reports).hasSize(Signal.values().length);
        assertThat(reports).allMatch(SignalReport::available, "available");
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i).auroc()).isLessThanOrEqualTo(reports.get(i - 1).auroc());
        }
        SignalReport mean = reports.stream().filter(r -> r.signal() == Signal.MEAN_ENTROPY).findFirst().orElseThrow();
        assertThat(mean.auroc()).isGreaterThan(0.6);
        assertThat(mean.aurocInterval().lower()).isLessThan(mean.auroc());
        assertThat(mean.aurocInterval().upper()).isGreaterThan(mean.auroc());
        assertThat(mean.rule(ThresholdMethod.ENTROPY_MEAN).tauInterval().defined()).isTrue();
    }

    /**
     * All signals share one draw per resample, so a signal's report (intervals included) is the same
     * alone as in the comparison of every signal; the naive baseline sees the same draws.
     */
    @Test
    void aSignalsReportIsTheSameAloneAsAmongAllAndTheNaivePathAgrees() {
        RunFile run = simulated(SimulationProfile.reasoning(), 90, 6);
        List<SignalReport> all = SignalComparison.of(run, AnalysisOptions.defaults(), EnumSet.allOf(Signal.class),
                150, 3, 50);
        List<SignalReport> naive = SignalComparison.of(run, AnalysisOptions.defaults(), EnumSet.allOf(Signal.class),
                150, 3, 50, true);
        for (Signal signal : List.of(Signal.MEAN_ENTROPY, Signal.MEAN_NLL, Signal.values()[Signal.values().length - 1])) {
            SignalReport alone = SignalComparison.report(run, AnalysisOptions.defaults().withSignal(signal), 150, 3, 50);
            SignalReport among = all.stream().filter(r -> r.signal() == signal).findFirst().orElseThrow();
            assertThat(alone).isEqualTo(among);
            SignalReport slow = naive.stream().filter(r -> r.signal() == signal).findFirst().orElseThrow();
            assertThat(slow.aurocInterval().lower()).isCloseTo(among.aurocInterval().lower(), within(1e-9));
            assertThat(slow.aurocInterval().upper()).isCloseTo(among.aurocInterval().upper(), within(1e-9));
            assertThat(slow.rule(ThresholdMethod.ENTROPY_MEAN).savingsInterval().lower())
                    .isCloseTo(among.rule(ThresholdMethod.ENTROPY_MEAN).savingsInterval().lower(), within(1e-9));
        }
    }

    @Test
    void pointFiguresOfTheDefaultSignalAreTheOrdinaryAnalysis() {
        RunFile run = simulated(SimulationProfile.reasoning(), 60, 8);
        RunAnalysis plain = RunAnalysis.of(run, AnalysisOptions.defaults());
        SignalReport r = SignalComparison.report(run, AnalysisOptions.defaults(), 0, 1, 0);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertThat(r.rule(m).tau()).isEqualTo(plain.thresholds().tau(m));
            assertThat(r.rule(m).tokenSavings()).isEqualTo(plain.atMethod(m).tokenSavings());
        }
        assertThat(r.cohensD()).isEqualTo(plain.separation().cohensD());
    }

    @Test
    void signalsAFormat10FileCannotGiveAreUnavailableWithTheReason() {
        RunFile old = withoutTokenScores(simulated(SimulationProfile.instruction(), 40, 2));
        List<SignalReport> reports = SignalComparison.of(old, AnalysisOptions.defaults(), EnumSet.allOf(Signal.class),
                0, 1, 0);
        SignalReport nll = reports.stream().filter(r -> r.signal() == Signal.MEAN_NLL).findFirst().orElseThrow();
        assertThat(nll.available()).isFalse();
        assertThat(nll.reason()).contains("\"lp\"");
        assertThat(reports.subList(reports.size() - 5, reports.size())).noneMatch(SignalReport::available);
        SignalReport reasoning = reports.stream().filter(r -> r.signal() == Signal.REASONING_ENTROPY).findFirst()
                .orElseThrow();
        assertThat(reasoning.available()).isFalse();
        assertThat(reasoning.reason()).contains("reasoning channel");
    }

    /**
     * DeepConf confidence is high-is-confident: the entropy-mean rule's τ is the correct class's mean
     * confidence in nats, the information-theoretic rule moves τ *up* (more confidence needed), and
     * a question stops exactly when its confidence ≥ τ.
     */
    @Test
    void rulesFlipForAHighIsConfidentSignal() {
        RunFile run = simulated(SimulationProfile.reasoning(), 150, 6);
        AnalysisOptions options = AnalysisOptions.defaults().withSignal(Signal.DEEPCONF_MEAN);
        RunAnalysis a = RunAnalysis.of(run, options);
        List<Double> correctConf = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (StepRecord s : run.steps()) {
            if (s.step() == 1 && s.correct() != null) {
                double v = StepSignals.value(Signal.DEEPCONF_MEAN, StepTokenData.of(s, 20), options.signalSettings());
                all.add(v);
                if (s.correct()) {
                    correctConf.add(v);
                }
            }
        }
        ClassStatistics c = ClassStatistics.of(correctConf.stream().mapToDouble(Double::doubleValue).toArray());
        double tauMean = a.tauInSignalUnits(ThresholdMethod.ENTROPY_MEAN);
        assertThat(tauMean).isCloseTo(c.mean(), within(1e-12));
        assertThat(a.separation().cohensD()).as("oriented d: incorrect answers less confident").isPositive();
        assertThat(a.tauInSignalUnits(ThresholdMethod.INFORMATION_THEORETIC)).isLessThan(tauMean);
        double tauInfo = a.tauInSignalUnits(ThresholdMethod.INFORMATION_THEORETIC);
        assertThat(tauInfo).isCloseTo(c.mean() - c.sd() * Math.log(1 + a.separation().cohensD()), within(1e-9));
        TradeoffPoint p = a.atMethod(ThresholdMethod.ENTROPY_MEAN);
        long stopping = run.steps().stream().filter(s -> s.step() == 1).filter(s -> StepSignals.stops(Signal.DEEPCONF_MEAN,
                StepSignals.value(Signal.DEEPCONF_MEAN, StepTokenData.of(s, 20), options.signalSettings()), tauMean))
                .count();
        assertThat(p.stopped()).isEqualTo((int) stopping);
        assertThat(all).isNotEmpty();
    }

    @Test
    void transferInSampleEqualsTransferredOnTheSameRunAndSaysWhenAccuracyIsLost() {
        RunFile a = simulated(SimulationProfile.reasoning(), 100, 1);
        SignalTransfer same = SignalTransfer.of(a, a, AnalysisOptions.defaults());
        for (SignalTransfer.Row row : same.rows()) {
            assertThat(row.tauTransferred()).isEqualTo(row.tauInSample());
            assertThat(row.deltaTransferred()).isEqualTo(row.deltaInSample());
        }
        RunFile b = simulated(SimulationProfile.instruction(), 100, 2);
        SignalTransfer across = SignalTransfer.of(a, b, AnalysisOptions.defaults());
        assertThat(across.rows()).hasSize(4);
        for (SignalTransfer.Row row : across.rows()) {
            assertThat(row.losesAccuracy()).isEqualTo(row.deltaTransferred() < 0);
            if (row.losesAccuracy()) {
                assertThat(row.verdict()).startsWith("loses accuracy");
            } else {
                assertThat(row.verdict()).startsWith("holds");
            }
        }
    }
}
