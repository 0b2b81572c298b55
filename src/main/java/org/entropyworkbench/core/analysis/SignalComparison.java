package org.entropyworkbench.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.ResampleStatistic;
import org.entropyworkbench.core.signal.SignalBootstrap;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.core.signal.SignalSample;
import org.entropyworkbench.core.signal.StepSignals;
import org.entropyworkbench.core.signal.StepTokenData;
import org.entropyworkbench.core.stats.Discrimination;
import org.entropyworkbench.core.stats.PercentileInterval;
import org.entropyworkbench.core.stats.Separation;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.RunOutcomes;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;

/**
 * Every requested signal on one run, side by side: AUROC, AUPRC, Cohen's d, p (Welch and permutation)
 * and each rule's τ, savings and Δ-Acc, with seeded percentile bootstrap intervals, ranked by AUROC.
 * Point figures come from the ordinary {@link RunAnalysis} of the run under each signal, so they equal
 * what the Analysis screen and {@code analyze} show for that signal. Signals are evaluated in parallel on
 * the common fork-join pool (each with its own seeded generator, so results do not depend on the
 * scheduling); call it off the FX thread. Stateless.
 */
public final class SignalComparison {

    /** Permutations of the label-permutation test. */
    public static final int DEFAULT_PERMUTATIONS = 2000;

    private SignalComparison() {
    }

    /**
     * Reports for {@code signals}, available ones by AUROC (highest first), then the unavailable ones.
     *
     * @param resamples bootstrap resamples (0 for point figures only)
     * @param seed      seed of the resamples and of the permutation test
     */
    public static List<SignalReport> of(RunFile run, AnalysisOptions options, Collection<Signal> signals,
                                        int resamples, long seed, int permutations) {
        return of(run, options, signals, resamples, seed, permutations, false);
    }

    /**
     * As {@link #of(RunFile, AnalysisOptions, Collection, int, long, int)}; with {@code naiveBootstrap} every
     * resample is recomputed from scratch ({@link SignalBootstrap#resampleNaively}), the benchmark's baseline.
     */
    public static List<SignalReport> of(RunFile run, AnalysisOptions options, Collection<Signal> signals,
                                        int resamples, long seed, int permutations, boolean naiveBootstrap) {
        return compare(run, options, signals, resamples, seed, permutations, naiveBootstrap).stream()
                .map(Compared::report).toList();
    }

    /**
     * A signal's report with the analysis of the run under that signal it was made from (null when the
     * signal is unavailable), so a screen can draw each signal's trade-off curve without analysing again.
     */
    public record Compared(SignalReport report, RunAnalysis analysis) {
    }

    /** As {@link #of(RunFile, AnalysisOptions, Collection, int, long, int)}, keeping each signal's analysis. */
    public static List<Compared> compare(RunFile run, AnalysisOptions options, Collection<Signal> signals,
                                         int resamples, long seed, int permutations) {
        return compare(run, options, signals, resamples, seed, permutations, false);
    }

    private static List<Compared> compare(RunFile run, AnalysisOptions options, Collection<Signal> signals,
                                          int resamples, long seed, int permutations, boolean naiveBootstrap) {
        List<Compared> out = new ArrayList<>(signals.stream().parallel()
                .map(signal -> compared(run, options.withSignal(signal), resamples, seed, permutations, naiveBootstrap))
                .toList());
        out.sort(Comparator.comparing((Compared c) -> !c.report().available())
                .thenComparing(c -> Double.isNaN(c.report().auroc()) ? Double.NEGATIVE_INFINITY : -c.report().auroc()));
        return List.copyOf(out);
    }

    /** One signal's report (options carry the signal). */
    public static SignalReport report(RunFile run, AnalysisOptions options, int resamples, long seed, int permutations) {
        return compared(run, options, resamples, seed, permutations, false).report();
    }

    /**
     * The report of the signal an analysis already made is on (the window's session holds one), without
     * analysing the run again: the same figures as {@link #report(RunFile, AnalysisOptions, int, long, int)}
     * for a signal the run has, except no note on partly missing data. Also works on a summary-only analysis.
     */
    public static SignalReport report(RunAnalysis analysis, int resamples, long seed, int permutations) {
        return report(analysis, null, resamples, seed, permutations, false);
    }

    private static Compared compared(RunFile run, AnalysisOptions options, int resamples, long seed, int permutations,
                                     boolean naiveBootstrap) {
        String dataNote = dataAvailability(run, options);
        if (dataNote != null && dataNote.startsWith(UNAVAILABLE)) {
            return new Compared(SignalReport.unavailable(options.signal(), dataNote.substring(UNAVAILABLE.length())), null);
        }
        RunAnalysis analysis = RunAnalysis.of(run, options);
        SignalReport report = report(analysis, dataNote, resamples, seed, permutations, naiveBootstrap);
        return new Compared(report, report.available() ? analysis : null);
    }

    private static SignalReport report(RunAnalysis analysis, String dataNote, int resamples, long seed, int permutations,
                                       boolean naiveBootstrap) {
        AnalysisOptions options = analysis.options();
        Signal signal = options.signal();
        RunOutcomes.Result outcomes = analysis.runOutcomes();
        double[] correct = outcomes.correctH();
        double[] incorrect = outcomes.incorrectH();
        if (correct.length + incorrect.length == 0) {
            return SignalReport.unavailable(signal, switch (signal) {
                case REASONING_ENTROPY -> "no gradable step-1 answer has tokens on the reasoning channel";
                case ANSWER_ENTROPY -> "no gradable step-1 answer has tokens on the answer channel";
                default -> "no gradable step-1 answer has a value of this signal";
            });
        }
        Separation sep = analysis.separation();
        SignalSample sample = SignalSample.of(outcomes);
        double[][] boot = resamples <= 0 ? null : naiveBootstrap
                ? SignalBootstrap.resampleNaively(sample, signal.direction(), options.thresholdOptions(), resamples, seed)
                : SignalBootstrap.resample(sample, signal.direction(), options.thresholdOptions(), resamples, seed);
        List<SignalReport.RuleReport> rules = new ArrayList<>();
        for (ThresholdMethod m : ThresholdMethod.values()) {
            TradeoffPoint point = analysis.atMethod(m);
            boolean complete = !analysis.outcomes().isEmpty();
            rules.add(new SignalReport.RuleReport(m, analysis.thresholds().available(m), analysis.tauInSignalUnits(m),
                    interval(boot, ResampleStatistic.tau(m)),
                    complete ? point.tokenSavings() : Double.NaN, interval(boot, ResampleStatistic.savings(m)),
                    complete ? point.deltaAccuracyPoints() : Double.NaN, interval(boot, ResampleStatistic.deltaAccuracy(m))));
        }
        return new SignalReport(signal, true, dataNote, correct.length, incorrect.length,
                Discrimination.auroc(correct, incorrect), interval(boot, ResampleStatistic.AUROC),
                Discrimination.auprc(correct, incorrect), (double) correct.length / (correct.length + incorrect.length),
                sep.cohensD(), interval(boot, ResampleStatistic.COHENS_D), sep.pValue(),
                SignalBootstrap.permutationP(sample, permutations, seed), rules, Math.max(0, resamples), seed);
    }

    private static final String UNAVAILABLE = "unavailable:";

    /**
     * Null when every step-1 record has what the signal needs; "unavailable:" + reason when none has;
     * otherwise a note on how many lack it.
     */
    private static String dataAvailability(RunFile run, AnalysisOptions options) {
        int step1 = 0;
        int missing = 0;
        String reason = null;
        for (StepRecord r : run.steps()) {
            if (r.step() != 1) {
                continue;
            }
            step1++;
            String why = StepSignals.unavailableReason(options.signal(), StepTokenData.of(r, options.k()));
            if (why != null) {
                missing++;
                reason = reason == null ? why : reason;
            }
        }
        if (step1 == 0) {
            return UNAVAILABLE + "the run has no step-1 record";
        }
        if (missing == step1) {
            return UNAVAILABLE + reason;
        }
        return missing == 0 ? null : missing + " of " + step1 + " step-1 records lack its data (" + reason + ")";
    }

    private static PercentileInterval interval(double[][] boot, int statistic) {
        return boot == null ? PercentileInterval.none() : PercentileInterval.of(boot[statistic], SignalBootstrap.LEVEL);
    }
}
