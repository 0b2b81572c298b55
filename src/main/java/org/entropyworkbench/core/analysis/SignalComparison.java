package org.entropyworkbench.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunSummary;
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
 * what the Analysis screen and {@code analyze} show for that signal. Point figures are computed for the
 * signals in parallel; the bootstrap then draws each resample once and evaluates every signal on it, blocks
 * of resamples in parallel ({@link SignalBootstrap#resampleTogether}); everything runs on the common
 * fork-join pool and is seeded per block, so results do not depend on the scheduling. Call it off the FX
 * thread. Stateless.
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
        RunSummary summary = RunSummary.of(run);
        List<Prepared> prepared = signals.stream().parallel()
                .map(signal -> prepare(run, summary, options.withSignal(signal), seed, permutations))
                .toList();
        List<Prepared> available = prepared.stream().filter(p -> p.report == null).toList();
        List<double[][]> boots = bootstrap(available, resamples, seed, naiveBootstrap);
        List<Compared> out = new ArrayList<>();
        for (Prepared p : prepared) {
            if (p.report != null) {
                out.add(new Compared(p.report, null));
            }
        }
        for (int a = 0; a < available.size(); a++) {
            Prepared p = available.get(a);
            out.add(new Compared(p.report(boots == null ? null : boots.get(a), resamples, seed), p.analysis));
        }
        out.sort(Comparator.comparing((Compared c) -> !c.report().available())
                .thenComparing(c -> Double.isNaN(c.report().auroc()) ? Double.NEGATIVE_INFINITY : -c.report().auroc()));
        return List.copyOf(out);
    }

    /**
     * The report of the signal an analysis already made is on (the window's session holds one), without
     * analysing the run again: the same figures as {@link #report(RunFile, AnalysisOptions, int, long, int)}
     * for a signal the run has, except no note on partly missing data. Also works on a summary-only analysis.
     */
    public static SignalReport report(RunAnalysis analysis, int resamples, long seed, int permutations) {
        Prepared p = prepared(analysis, null, seed, permutations);
        if (p.report != null) {
            return p.report;
        }
        List<double[][]> boots = bootstrap(List.of(p), resamples, seed, false);
        return p.report(boots == null ? null : boots.get(0), resamples, seed);
    }

    /** One signal's report (options carry the signal). */
    public static SignalReport report(RunFile run, AnalysisOptions options, int resamples, long seed, int permutations) {
        return of(run, options, List.of(options.signal()), resamples, seed, permutations, false).get(0);
    }

    /**
     * Every available signal's resamples. Fast path: one draw per resample for all signals
     * ({@link SignalBootstrap#resampleTogether}); naive: each signal recomputes every resample from scratch,
     * signals in parallel, on the same draws. Null when no resample is asked for.
     */
    private static List<double[][]> bootstrap(List<Prepared> available, int resamples, long seed, boolean naive) {
        if (resamples <= 0) {
            return null;
        }
        if (naive) {
            return available.stream().parallel()
                    .map(p -> SignalBootstrap.resampleNaively(p.sample, p.signal.direction(),
                            p.options.thresholdOptions(), resamples, seed))
                    .toList();
        }
        return SignalBootstrap.resampleTogether(available.stream()
                .map(p -> new SignalBootstrap.Target(p.sample, p.signal.direction(), p.options.thresholdOptions()))
                .toList(), resamples, seed);
    }

    /** A signal's point figures and bootstrap sample; {@code report} is set when the signal is unavailable. */
    private record Prepared(Signal signal, AnalysisOptions options, SignalReport report, RunAnalysis analysis,
                            double[] correct, double[] incorrect, SignalSample sample, double permutationP,
                            String dataNote) {

        SignalReport report(double[][] boot, int resamples, long seed) {
            Separation sep = analysis.separation();
            List<SignalReport.RuleReport> rules = new ArrayList<>();
            for (ThresholdMethod m : ThresholdMethod.values()) {
                TradeoffPoint point = analysis.atMethod(m);
                boolean complete = !analysis.outcomes().isEmpty();
                rules.add(new SignalReport.RuleReport(m, analysis.thresholds().available(m), analysis.tauInSignalUnits(m),
                        interval(boot, ResampleStatistic.tau(m)),
                        complete ? point.tokenSavings() : Double.NaN, interval(boot, ResampleStatistic.savings(m)),
                        complete ? point.deltaAccuracyPoints() : Double.NaN,
                        interval(boot, ResampleStatistic.deltaAccuracy(m))));
            }
            return new SignalReport(signal, true, dataNote, correct.length, incorrect.length,
                    Discrimination.auroc(correct, incorrect), interval(boot, ResampleStatistic.AUROC),
                    Discrimination.auprc(correct, incorrect), (double) correct.length / (correct.length + incorrect.length),
                    sep.cohensD(), interval(boot, ResampleStatistic.COHENS_D), sep.pValue(),
                    permutationP, rules, Math.max(0, resamples), seed);
        }
    }

    private static Prepared unavailable(Signal signal, AnalysisOptions options, String reason) {
        return new Prepared(signal, options, SignalReport.unavailable(signal, reason), null, null, null, null,
                Double.NaN, null);
    }

    private static Prepared prepare(RunFile run, RunSummary summary, AnalysisOptions options, long seed, int permutations) {
        Signal signal = options.signal();
        String dataNote = dataAvailability(run, options);
        if (dataNote != null && dataNote.startsWith(UNAVAILABLE)) {
            return unavailable(signal, options, dataNote.substring(UNAVAILABLE.length()));
        }
        return prepared(RunAnalysis.of(run, summary, options), dataNote, seed, permutations);
    }

    private static Prepared prepared(RunAnalysis analysis, String dataNote, long seed, int permutations) {
        AnalysisOptions options = analysis.options();
        Signal signal = options.signal();
        RunOutcomes.Result outcomes = analysis.runOutcomes();
        double[] correct = outcomes.correctH();
        double[] incorrect = outcomes.incorrectH();
        if (correct.length + incorrect.length == 0) {
            return unavailable(signal, options, switch (signal) {
                case REASONING_ENTROPY -> "no gradable step-1 answer has tokens on the reasoning channel";
                case ANSWER_ENTROPY -> "no gradable step-1 answer has tokens on the answer channel";
                default -> "no gradable step-1 answer has a value of this signal";
            });
        }
        SignalSample sample = SignalSample.of(outcomes);
        return new Prepared(signal, options, null, analysis, correct, incorrect, sample,
                SignalBootstrap.permutationP(sample, permutations, seed), dataNote);
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
