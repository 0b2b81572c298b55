package org.entropyworkbench.core.calibration;

import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalDirection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.stats.ClassStatistics;
import org.entropyworkbench.core.stats.Separation;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdResult;
import org.entropyworkbench.core.tradeoff.FewShotCalibration;
import org.entropyworkbench.core.tradeoff.RunOutcomes;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;

/**
 * A calibration: the thresholds one model reached on one dataset, with the evidence behind them,
 * to apply in serving code or in a gated run (docs/calibration.md, docs/calibration.schema.json).
 *
 * <p>Holds no API key and no question text: only ids, numbers and labels. Missing numbers (an
 * unavailable rule, an undefined statistic) are NaN here and {@code null} in JSON. Immutable.
 *
 * @param version          format version, {@link #VERSION}
 * @param createdAt        ISO-8601 instant
 * @param workbenchVersion version of the tool that wrote it
 * @param model            model name
 * @param server           server label (preset and base URL, never a key)
 * @param dataset          dataset name, or null
 * @param sourceRunId      run the calibration came from, or null
 * @param k                top-k whose entropies give H
 * @param entropyUnit      always {@code "bits"}
 * @param priors           Bayes priors id ("empirical" or "equal")
 * @param chosen           threshold a gated run should use (a rule or a custom τ), or null when none was chosen
 * @param methods          every rule's threshold and expected effect, enum order
 * @param classStatistics  step-1 entropy by class over all labelled questions of the source run
 * @param sample           which questions set the thresholds
 * @param signal           id of the confidence signal the thresholds were computed on ({@link #DEFAULT_SIGNAL}
 *                         unless another was used; ids of core.signal.Signal); unknown ids are kept as data.
 *                         τ and the class means are in that signal's own units (bits for entropies, nats for
 *                         DeepConf confidence and NLL); Cohen's d is oriented (positive = incorrect answers
 *                         look less confident)
 * @param provenance       what the serving side reported about the model and server, or null
 * @param prompts          prompt set of the source run, or null when it recorded none
 * @param classDistribution every labelled question's step-1 score by class, or null (files written before
 *                         the field existed)
 */
public record CalibrationFile(
        int version,
        String createdAt,
        String workbenchVersion,
        String model,
        String server,
        String dataset,
        String sourceRunId,
        int k,
        String entropyUnit,
        String priors,
        ChosenThreshold chosen,
        Map<ThresholdMethod, MethodCalibration> methods,
        ClassStatisticsEntry classStatistics,
        CalibrationSample sample,
        String signal,
        CalibrationProvenance provenance,
        CalibrationPrompts prompts,
        ClassDistribution classDistribution) {

    public static final String FORMAT = "entropy-workbench-calibration";
    /** Version written. Version 1 files (no chosenTau, signal, provenance or prompts) are still read. */
    public static final int VERSION = 2;
    public static final int VERSION_1 = 1;
    public static final String ENTROPY_UNIT = "bits";
    /** The signal of method.md: mean token entropy of step 1. */
    public static final String DEFAULT_SIGNAL = "step1-mean-entropy";

    public CalibrationFile {
        EnumMap<ThresholdMethod, MethodCalibration> copy = new EnumMap<>(ThresholdMethod.class);
        copy.putAll(methods);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            if (!copy.containsKey(m)) {
                throw new IllegalArgumentException("calibration lacks method " + m.id());
            }
        }
        methods = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(classStatistics, "classStatistics");
        Objects.requireNonNull(sample, "sample");
        signal = signal == null || signal.isBlank() ? DEFAULT_SIGNAL : signal;
        if (chosen != null && !chosen.isCustom()) {
            MethodCalibration mc = methods.get(chosen.rule());
            if (!mc.available()) {
                throw new IllegalArgumentException("cannot choose " + chosen.id() + ": it is unavailable (" + mc.note() + ")");
            }
            if (Double.compare(mc.tau(), chosen.tau()) != 0) {
                throw new IllegalArgumentException("chosen " + chosen.id() + " has tau " + chosen.tau()
                        + " but the rule's tau is " + mc.tau());
            }
        }
    }

    /** A calibration without a class distribution (what files before that field hold). */
    public CalibrationFile(int version, String createdAt, String workbenchVersion, String model, String server,
                           String dataset, String sourceRunId, int k, String entropyUnit, String priors,
                           ChosenThreshold chosen, Map<ThresholdMethod, MethodCalibration> methods,
                           ClassStatisticsEntry classStatistics, CalibrationSample sample, String signal,
                           CalibrationProvenance provenance, CalibrationPrompts prompts) {
        this(version, createdAt, workbenchVersion, model, server, dataset, sourceRunId, k, entropyUnit, priors, chosen,
                methods, classStatistics, sample, signal, provenance, prompts, null);
    }

    /**
     * One rule.
     *
     * @param tau                 threshold in bits, NaN when unavailable
     * @param available           whether the rule could be computed
     * @param note                warning or reason, null when none
     * @param tokenSavings        expected token savings (fraction) on the source run
     * @param callSavings         expected call savings (fraction) on the source run
     * @param gatedAccuracy       expected gated accuracy (fraction) on the source run
     * @param deltaAccuracyPoints gated minus S-step accuracy, percentage points
     */
    public record MethodCalibration(double tau, boolean available, String note, double tokenSavings,
                                    double callSavings, double gatedAccuracy, double deltaAccuracyPoints) {
    }

    /** n, mean and SD of one class (NaN where undefined). */
    public record ClassEntry(int n, double mu, double sigma) {
        static ClassEntry of(ClassStatistics s) {
            return new ClassEntry(s.n(), s.mean(), s.sd());
        }
    }

    /** Both classes with Cohen's d (signed) and the Welch p-value. */
    public record ClassStatisticsEntry(ClassEntry correct, ClassEntry incorrect, double cohensD, double pValue) {
        static ClassStatisticsEntry of(Separation s) {
            return new ClassStatisticsEntry(ClassEntry.of(s.correct()), ClassEntry.of(s.incorrect()), s.cohensD(), s.pValue());
        }

        /** Class means back in the signal's own units (gate scores of a high-is-confident signal are negated). */
        static ClassStatisticsEntry of(Separation s, SignalDirection direction) {
            ClassEntry c = ClassEntry.of(s.correct());
            ClassEntry i = ClassEntry.of(s.incorrect());
            return new ClassStatisticsEntry(new ClassEntry(c.n(), direction.orient(c.mu()), c.sigma()),
                    new ClassEntry(i.n(), direction.orient(i.mu()), i.sigma()), s.cohensD(), s.pValue());
        }
    }

    /**
     * Which questions set the thresholds.
     *
     * @param mode        {@link #MODE_ALL} (in-sample, every labelled question) or {@link #MODE_FEW_SHOT}
     * @param questionIds ids of the calibration questions (all draws for few-shot, distinct)
     * @param seed        random seed of the draws, null for "all"
     * @param n           questions per draw (few-shot) or number of questions (all)
     * @param draws       number of draws (1 for "all")
     */
    public record CalibrationSample(String mode, List<String> questionIds, Long seed, int n, int draws) {
        public static final String MODE_ALL = "all";
        public static final String MODE_FEW_SHOT = "few-shot";

        public CalibrationSample {
            questionIds = List.copyOf(questionIds);
            if (!MODE_ALL.equals(mode) && !MODE_FEW_SHOT.equals(mode)) {
                throw new IllegalArgumentException("sample mode must be all or few-shot, got " + mode);
            }
        }
    }

    /** The rule's threshold, NaN when unavailable. */
    public double tau(ThresholdMethod method) {
        return methods.get(method).tau();
    }

    /** The chosen rule; null when the choice is a custom τ or nothing was chosen (see {@link #chosen()}). */
    public ThresholdMethod chosenMethod() {
        return chosen == null ? null : chosen.rule();
    }

    /** τ of the chosen rule or the custom τ, NaN when nothing was chosen. */
    public double chosenTau() {
        return chosen == null ? Double.NaN : chosen.tau();
    }

    /**
     * The threshold a gate must apply: the rule {@code override} when given (a user asked for it),
     * otherwise the file's choice (a rule or a custom τ).
     *
     * @throws IllegalArgumentException when nothing was chosen and no override is given, or the rule is
     *                                  unavailable in this file; the message says what to do
     */
    public ChosenThreshold gateThreshold(ThresholdMethod override) {
        if (override == null) {
            if (chosen == null) {
                throw new IllegalArgumentException("the calibration names no chosen method: pick a rule");
            }
            return chosen;
        }
        MethodCalibration mc = methods.get(override);
        if (!mc.available() || !Double.isFinite(mc.tau())) {
            throw new IllegalArgumentException("method " + override.id() + " has no threshold"
                    + (mc.note() == null ? "" : " (" + mc.note() + ")") + "; pick another");
        }
        return ChosenThreshold.rule(override, mc.tau());
    }

    /**
     * The signal a gate built from this calibration must compute (τ is in its units).
     *
     * @throws IllegalArgumentException when the file names a signal this version cannot compute
     */
    public Signal gateSignal() {
        if (DEFAULT_SIGNAL.equals(signal)) {
            return Signal.DEFAULT;
        }
        try {
            return Signal.fromId(signal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the calibration was built on signal '" + signal
                    + "', which this version of the workbench cannot compute (" + e.getMessage() + ")");
        }
    }

    /** This calibration with a hand-set τ as its choice ({@code chosenMethod: "custom"}). */
    public CalibrationFile withCustomTau(double tau) {
        return withChosen(ChosenThreshold.custom(tau));
    }

    /** This calibration with another choice (null for none). */
    public CalibrationFile withChosen(ChosenThreshold newChosen) {
        return new CalibrationFile(version, createdAt, workbenchVersion, model, server, dataset, sourceRunId, k,
                entropyUnit, priors, newChosen, methods, classStatistics, sample, signal, provenance, prompts, classDistribution);
    }

    /** This calibration marked as computed on another confidence signal. */
    public CalibrationFile withSignal(String newSignal) {
        return new CalibrationFile(version, createdAt, workbenchVersion, model, server, dataset, sourceRunId, k,
                entropyUnit, priors, chosen, methods, classStatistics, sample, newSignal, provenance, prompts, classDistribution);
    }

    /** This calibration with what the serving side reported. */
    public CalibrationFile withProvenance(CalibrationProvenance newProvenance) {
        return new CalibrationFile(version, createdAt, workbenchVersion, model, server, dataset, sourceRunId, k,
                entropyUnit, priors, chosen, methods, classStatistics, sample, signal, newProvenance, prompts, classDistribution);
    }

    /** This calibration with another prompt set (null for none). */
    public CalibrationFile withPrompts(CalibrationPrompts newPrompts) {
        return new CalibrationFile(version, createdAt, workbenchVersion, model, server, dataset, sourceRunId, k,
                entropyUnit, priors, chosen, methods, classStatistics, sample, signal, provenance, newPrompts, classDistribution);
    }

    /**
     * In-sample calibration from a whole run: thresholds and class statistics from every question
     * with a gradable step 1, expected effects from the complete questions.
     *
     * @param analysis         the analysed run
     * @param chosenMethod     rule for gated runs, or null
     * @param workbenchVersion version string to record
     * @param createdAt        when
     */
    public static CalibrationFile from(RunAnalysis analysis, ThresholdMethod chosenMethod, String workbenchVersion,
                                       Instant createdAt) {
        Map<ThresholdMethod, MethodCalibration> methods = new EnumMap<>(ThresholdMethod.class);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            ThresholdResult r = analysis.thresholds().result(m);
            TradeoffPoint p = analysis.atMethod(m);
            methods.put(m, r.available()
                    ? new MethodCalibration(analysis.tauInSignalUnits(m), true, r.note(), p.tokenSavings(), p.callSavings(),
                            p.gatedAccuracy(), p.deltaAccuracyPoints())
                    : new MethodCalibration(Double.NaN, false, r.note(), Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        List<String> ids = analysis.runOutcomes().step1Labels().stream().map(RunOutcomes.Step1Label::questionId).toList();
        CalibrationSample sample = new CalibrationSample(CalibrationSample.MODE_ALL, ids, null, ids.size(), 1);
        return build(analysis, chosenMethod, methods, sample, workbenchVersion, createdAt);
    }

    /**
     * Few-shot calibration: each rule's τ is the mean over the draws where it was available, and
     * the expected effects are the mean held-out effects of those draws. Class statistics still
     * describe the whole source run.
     */
    public static CalibrationFile fromFewShot(RunAnalysis analysis, FewShotCalibration.Result fewShot,
                                              ThresholdMethod chosenMethod, String workbenchVersion, Instant createdAt) {
        Map<ThresholdMethod, MethodCalibration> methods = new EnumMap<>(ThresholdMethod.class);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            FewShotCalibration.MethodSummary s = fewShot.summary(m);
            if (s.availableDraws() == 0) {
                methods.put(m, new MethodCalibration(Double.NaN, false,
                        "unavailable in all " + fewShot.drawCount() + " draws: " + s.unavailableReason(),
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            List<String> notes = new ArrayList<>();
            SignalDirection direction = analysis.signal().direction();
            double low = Math.min(direction.orient(s.tau().min()), direction.orient(s.tau().max()));
            double high = Math.max(direction.orient(s.tau().min()), direction.orient(s.tau().max()));
            notes.add(String.format(java.util.Locale.ROOT, "mean of %d draws of %d (sd %.4f, range %.4f-%.4f)",
                    s.availableDraws(), fewShot.n(), s.tau().sd(), low, high));
            if (s.unavailableDraws() > 0) {
                notes.add(s.unavailableDraws() + " draws unavailable: " + s.unavailableReason());
            }
            if (s.fallbackDraws() > 0) {
                notes.add(s.fallbackDraws() + " draws fell back to the entropy mean");
            }
            methods.put(m, new MethodCalibration(direction.orient(s.tau().mean()), true, String.join("; ", notes),
                    s.tokenSavings().mean(), s.callSavings().mean(), s.gatedAccuracy().mean(),
                    s.deltaAccuracyPoints().mean()));
        }
        CalibrationSample sample = new CalibrationSample(CalibrationSample.MODE_FEW_SHOT, fewShot.allExampleIds(),
                fewShot.seed(), fewShot.n(), fewShot.drawCount());
        return build(analysis, chosenMethod, methods, sample, workbenchVersion, createdAt);
    }

    private static CalibrationFile build(RunAnalysis analysis, ThresholdMethod chosenMethod,
                                         Map<ThresholdMethod, MethodCalibration> methods, CalibrationSample sample,
                                         String workbenchVersion, Instant createdAt) {
        if (chosenMethod != null && !methods.get(chosenMethod).available()) {
            throw new IllegalArgumentException("cannot choose " + chosenMethod.id() + ": it is unavailable ("
                    + methods.get(chosenMethod).note() + ")");
        }
        RunHeader h = analysis.header();
        ChosenThreshold chosen = chosenMethod == null ? null : ChosenThreshold.rule(chosenMethod, methods.get(chosenMethod).tau());
        return new CalibrationFile(VERSION, createdAt.toString(), workbenchVersion, h.model(), h.server(), h.dataset(),
                h.runId(), analysis.options().k(), ENTROPY_UNIT, analysis.options().priors().id(), chosen,
                methods, ClassStatisticsEntry.of(analysis.separation(), analysis.signal().direction()), sample,
                analysis.signal() == Signal.DEFAULT ? DEFAULT_SIGNAL : analysis.signal().id(), null,
                CalibrationPrompts.fromHeader(h.prompts(), h.steps()), distribution(analysis));
    }

    /** The labelled questions' step-1 scores by class, in the signal's own units. */
    static ClassDistribution distribution(RunAnalysis analysis) {
        SignalDirection direction = analysis.signal().direction();
        RunOutcomes.Result r = analysis.runOutcomes();
        double[] correct = r.correctH();
        double[] incorrect = r.incorrectH();
        for (int i = 0; i < correct.length; i++) {
            correct[i] = direction.orient(correct[i]);
        }
        for (int i = 0; i < incorrect.length; i++) {
            incorrect[i] = direction.orient(incorrect[i]);
        }
        return ClassDistribution.rounded(correct, incorrect);
    }
}
