package org.entropyworkbench.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.RunSummary;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalDirection;
import org.entropyworkbench.core.signal.StepSignals;
import org.entropyworkbench.core.signal.StepTokenData;
import org.entropyworkbench.core.signal.SummarySignals;
import org.entropyworkbench.core.stats.ClassStatistics;
import org.entropyworkbench.core.stats.Separation;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdSet;
import org.entropyworkbench.core.tradeoff.GradingState;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;
import org.entropyworkbench.core.tradeoff.RunOutcomes;
import org.entropyworkbench.core.tradeoff.TradeoffEvaluator;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;

/**
 * The analysis of one run, shared by the CLI ({@code analyze}, {@code calibrate}) and the UI
 * (Analysis, Calibration, Compare screens).
 *
 * <p>Class statistics and thresholds come from every question with a gradable step 1 (in-sample
 * calibration, so a gated run still calibrates); the trade-off (savings, gated accuracy) comes
 * from the questions with all S steps. Built once in O(tokens + N log N); every query afterwards
 * is O(log n) or O(1), so a 2,000-question run analyses in well under a second. The top-k
 * ablation is computed on first request. Immutable apart from that cached ablation; any thread.
 */
public final class RunAnalysis {

    private final RunFile run;
    private final RunSummary summary;
    private final AnalysisOptions options;
    private final int steps;
    private final RunOutcomes.Result outcomes;
    private final ThresholdSet thresholds;
    private final TradeoffEvaluator evaluator;
    private final Map<ThresholdMethod, TradeoffPoint> atMethod;
    private List<TopKAblationRow> ablation;
    private ChannelMeans channelMeans;

    private RunAnalysis(RunFile run, RunSummary summary, AnalysisOptions options) {
        this.run = run;
        this.summary = summary;
        this.options = options;
        this.steps = Math.max(1, summary.header().steps());
        this.outcomes = outcomes(run, summary, options, steps);
        this.thresholds = new ThresholdCalculator().compute(outcomes.correctH(), outcomes.incorrectH(),
                options.thresholdOptions());
        this.evaluator = new TradeoffEvaluator(outcomes.outcomes());
        Map<ThresholdMethod, TradeoffPoint> points = new EnumMap<>(ThresholdMethod.class);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            points.put(m, evaluator.evaluate(thresholds.tau(m)));
        }
        this.atMethod = Collections.unmodifiableMap(points);
    }

    /**
     * The step-1 scores: the mean entropy from the summaries' means; another signal from the gate scores
     * the summaries keep (computed at the default signal settings by {@link SummarySignals}, the same
     * {@link StepSignals} code) when they hold it, else from the step records (custom DeepConf windows).
     */
    private static RunOutcomes.Result outcomes(RunFile run, RunSummary summary, AnalysisOptions options, int steps) {
        Signal signal = options.signal();
        int k = options.k();
        if (signal == Signal.MEAN_ENTROPY) {
            return RunOutcomes.fromSummary(summary, steps, first -> first.meanAll(k));
        }
        if (coveredBySummary(summary, options)) {
            return RunOutcomes.fromSummary(summary, steps, SummarySignals.gateScore(signal, k));
        }
        if (run == null) {
            throw new IllegalArgumentException("the summary of " + summary.path() + " does not hold signal "
                    + signal.id() + " at these settings: analyse the run file instead");
        }
        return RunOutcomes.fromRun(run, steps, first -> StepSignals.gateScore(signal, StepTokenData.of(first, k),
                options.signalSettings()));
    }

    /**
     * True when the analysis with these options can be made from the summary alone
     * ({@link #of(RunSummary, AnalysisOptions)}): the mean entropy always; another signal when the
     * summary's step-1 entries carry {@link SummarySignals} gate scores (the summary cache's do) and the
     * options' signal settings are ones those scores were computed with. Otherwise the run file is needed.
     */
    public static boolean coveredBySummary(RunSummary summary, AnalysisOptions options) {
        if (options.signal() == Signal.MEAN_ENTROPY) {
            return true;
        }
        if (!SummarySignals.covers(options.signal(), options.signalSettings())) {
            return false;
        }
        return summary.steps().stream().filter(s -> s.step() == 1).allMatch(SummarySignals::hasScores);
    }

    /** Analyses a run read by the run-file reader. */
    public static RunAnalysis of(RunFile run, AnalysisOptions options) {
        return new RunAnalysis(run, RunSummary.of(run), options);
    }

    /**
     * Analyses a run whose signal-independent summary ({@link RunSummary#of(RunFile)}) was already made:
     * {@link SignalComparison} analyses one run under every signal and summarises it once.
     */
    static RunAnalysis of(RunFile run, RunSummary summary, AnalysisOptions options) {
        return new RunAnalysis(run, summary, options);
    }

    /**
     * Analyses a run's step summaries, e.g. as read from the summary cache without re-parsing the file.
     *
     * @throws IllegalArgumentException when {@link #coveredBySummary} is false: the analysis needs the run file
     */
    public static RunAnalysis of(RunSummary summary, AnalysisOptions options) {
        return new RunAnalysis(null, summary, options);
    }

    /** The run as read, or null when the analysis was made from summaries only (the summary cache). */
    public RunFile run() { return run; }

    /** What the analysis was computed from: header, per-step summaries, failed steps, the file's problems. */
    public RunSummary summary() { return summary; }

    public RunHeader header() { return summary.header(); }

    public AnalysisOptions options() { return options; }

    /** S: steps a question needs to count as complete (from the run header). */
    public int steps() { return steps; }

    /** Questions with all steps 1..S, in run order. */
    public List<QuestionOutcome> outcomes() { return outcomes.outcomes(); }

    /** Everything the run yielded, including step-1 labels and ungradable ids. */
    public RunOutcomes.Result runOutcomes() { return outcomes; }

    /** Whether the run's questions had gold answers: what accuracy and the rules can be computed on. */
    public GradingState gradingState() { return outcomes.gradingState(); }

    /**
     * The share of questions with a finite step-1 score that stop at τ (in the signal's own units): every
     * labelled question, or every question of a run without gold answers. Needs no answers; NaN when none.
     */
    public double stopRate(double tauInSignalUnits) {
        double[] scores = outcomes.allStep1H();
        if (scores.length == 0 || Double.isNaN(tauInSignalUnits)) {
            return Double.NaN;
        }
        double gateTau = options.signal().direction().orient(tauInSignalUnits);
        int stopped = 0;
        for (double h : scores) {
            if (h <= gateTau) {
                stopped++;
            }
        }
        return (double) stopped / scores.length;
    }

    /** Questions missing at least one of steps 1..S. */
    public List<String> incompleteQuestionIds() { return outcomes.incompleteQuestionIds(); }

    /** Class statistics, Cohen's d, Welch t-test and histogram overlap of step-1 entropy. */
    public Separation separation() { return thresholds.separation(); }

    /**
     * The rules' thresholds in gate-score units (low = confident): the signal's own units for a
     * low-is-confident signal, negated for a high-is-confident one; {@link #tauInSignalUnits} turns them back.
     */
    public ThresholdSet thresholds() { return thresholds; }

    /** The signal the analysis works on. */
    public Signal signal() { return options.signal(); }

    /**
     * {@link #separation()} with the class means back in the signal's own units; sd, d (oriented: positive
     * when incorrect answers look less confident), t and p unchanged. The same object for low-is-confident signals.
     */
    public Separation separationInSignalUnits() {
        Separation s = separation();
        if (options.signal().direction() == SignalDirection.LOW_IS_CONFIDENT) {
            return s;
        }
        return new Separation(mirrored(s.correct()), mirrored(s.incorrect()), s.pooledSd(), s.cohensD(), s.welchT(),
                s.welchDf(), s.pValue(), s.overlap(), s.note());
    }

    private static ClassStatistics mirrored(ClassStatistics c) {
        return new ClassStatistics(c.n(), -c.mean(), c.sd());
    }

    /** A rule's τ in the signal's own units (bits or nats), NaN when the rule is unavailable. */
    public double tauInSignalUnits(ThresholdMethod method) {
        return options.signal().direction().orient(thresholds.tau(method));
    }

    public TradeoffEvaluator tradeoff() { return evaluator; }

    /**
     * The trade-off at a rule's τ. When the rule is unavailable the point has τ NaN and nothing
     * stopped (the full-protocol numbers).
     */
    public TradeoffPoint atMethod(ThresholdMethod method) { return atMethod.get(method); }

    /**
     * Step-1 accuracy over every question with a step-1 record (ungradable = not correct); for a
     * full run this equals the trade-off's step-1 accuracy. NaN for an empty run.
     */
    public double step1Accuracy() {
        return outcomes.step1Accuracy();
    }

    /** Accuracy after step S over the complete questions (the S-step baseline). NaN when none. */
    public double finalAccuracy() {
        return evaluator.evaluate(Double.NaN).finalAccuracy();
    }

    /**
     * Step-1 class means of the reasoning tokens only and of the answer tokens only, at the analysis
     * k, when records carry channels (computed on the first call, then cached). The main H is the
     * mean over all tokens with logprobs ({@link ChannelMeans#MAIN_H_TOKENS}).
     */
    public synchronized ChannelMeans channelMeans() {
        if (channelMeans == null) {
            channelMeans = ChannelMeans.ofSummaries(summary.steps(), outcomes.step1Labels(), options.k());
        }
        return channelMeans;
    }

    /** The top-k ablation for k = 5, 10, 15, 20 (computed on the first call, then cached). */
    public synchronized List<TopKAblationRow> topKAblation() {
        if (ablation == null) {
            List<TopKAblationRow> rows = new ArrayList<>();
            for (int k : TopKEntropy.ABLATION_KS) {
                rows.add(ablationRow(k));
            }
            ablation = List.copyOf(rows);
        }
        return ablation;
    }

    private TopKAblationRow ablationRow(int k) {
        RunAnalysis at = k == options.k() ? this : new RunAnalysis(run, summary, options.withK(k));
        boolean recorded = summary.steps().stream().anyMatch(s -> s.step() == 1 && s.recorded(k));
        Map<ThresholdMethod, Double> tau = new EnumMap<>(ThresholdMethod.class);
        Map<ThresholdMethod, Double> tokens = new EnumMap<>(ThresholdMethod.class);
        Map<ThresholdMethod, Double> calls = new EnumMap<>(ThresholdMethod.class);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            tau.put(m, at.thresholds.tau(m));
            tokens.put(m, at.atMethod(m).tokenSavings());
            calls.put(m, at.atMethod(m).callSavings());
        }
        Separation sep = at.separation();
        return new TopKAblationRow(k, recorded, sep.correct().n(), sep.incorrect().n(), sep.cohensD(), sep.pValue(),
                tau, tokens, calls);
    }
}
