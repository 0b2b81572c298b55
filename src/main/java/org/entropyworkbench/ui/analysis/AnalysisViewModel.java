package org.entropyworkbench.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.follow.UngradedSavings;
import org.entropyworkbench.core.analysis.TopKAblationRow;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.stats.Separation;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.AnalysisSession;
import org.entropyworkbench.ui.workspace.MethodOption;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.common.Formats;
import org.entropyworkbench.ui.task.TaskExecutor;
import org.entropyworkbench.ui.task.TaskHandle;

/**
 * State of the Analysis screen: the selected run analysed at the chosen k and priors, a
 * threshold τ (from a rule or custom), and the gated system's numbers at that τ.
 *
 * <p>Moving τ is cheap (one O(log n) {@code TradeoffEvaluator.evaluate}) and happens on the FX
 * thread; changing k or priors re-analyses the run through the {@link TaskExecutor} (the view
 * debounces those controls), and a result that arrives after a newer request is dropped. All
 * properties are FX-thread only.
 */
public final class AnalysisViewModel {

    /** The k values the top-k ablation and the k selector offer. */
    public static final List<Integer> K_VALUES = List.of(5, 10, 15, 20);

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final AnalysisSession session;

    private final ReadOnlyObjectWrapper<TradeoffPoint> point = new ReadOnlyObjectWrapper<>(this, "point");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final ReadOnlyStringWrapper tokenSavingsText = new ReadOnlyStringWrapper(this, "tokenSavings", Formats.MISSING);
    private final ReadOnlyStringWrapper callSavingsText = new ReadOnlyStringWrapper(this, "callSavings", Formats.MISSING);
    private final ReadOnlyStringWrapper gatedAccuracyText = new ReadOnlyStringWrapper(this, "gatedAccuracy", Formats.MISSING);
    private final ReadOnlyStringWrapper threshAccuracyText = new ReadOnlyStringWrapper(this, "threshAccuracy", Formats.MISSING);
    private final ReadOnlyStringWrapper deltaAccuracyText = new ReadOnlyStringWrapper(this, "deltaAccuracy", Formats.MISSING);
    private final ReadOnlyStringWrapper stoppedText = new ReadOnlyStringWrapper(this, "stopped", Formats.MISSING);
    private final ReadOnlyStringWrapper separationText = new ReadOnlyStringWrapper(this, "separation", "");
    private final ReadOnlyStringWrapper baselineText = new ReadOnlyStringWrapper(this, "baseline", "");

    private final ObservableList<QuestionRow> questions = FXCollections.observableArrayList();
    private final ObservableList<TopKAblationRow> ablation = FXCollections.observableArrayList();
    private final ObjectProperty<QuestionRow> selectedQuestion = new SimpleObjectProperty<>(this, "selectedQuestion");
    private final ReadOnlyObjectWrapper<List<StepRecord>> selectedSteps =
            new ReadOnlyObjectWrapper<>(this, "selectedSteps", List.of());
    private final javafx.beans.property.ReadOnlyBooleanWrapper stepsLoading =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "stepsLoading", false);
    private final ReadOnlyStringWrapper stepsError = new ReadOnlyStringWrapper(this, "stepsError", "");
    private TaskHandle stepsTask;

    private TaskHandle ablationTask;
    private final AnalysisIntervals intervals;

    public AnalysisViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        this.session = workspace.session();
        this.intervals = new AnalysisIntervals(session, executor, () -> new double[] {tauMin(), tauMax()});
        session.analysisProperty().addListener((obs, old, now) -> analysisChanged(now));
        session.tauProperty().addListener((obs, old, now) -> tauChanged());
        session.messageProperty().addListener((obs, old, now) -> updateMessage());
        selectedQuestion.addListener((obs, old, now) -> showStepsOf(now));
        analysisChanged(session.analysis());
        updateMessage();
    }

    // ---- inputs ---------------------------------------------------------------------------

    public ReadOnlyObjectProperty<LoadedRun> runProperty() { return session.runProperty(); }

    public Workspace workspace() { return workspace; }

    /** The workspace's session these controls edit (shared with every screen). */
    public AnalysisSession session() { return session; }

    /** The confidence signal (the session's); changing it re-analyses in the background. */
    public ObjectProperty<Signal> signalProperty() { return session.signalProperty(); }

    /** A gate score (as τ and {@link QuestionRow#h1()} hold it) in the signal's own units, for display. */
    public double shown(double gateScore) {
        return session.shownTau(gateScore);
    }

    /** Moves τ to a value the user gave in the signal's own units (slider, field, histogram drag). */
    public void setShownTau(double value) {
        setTau(session.gateTau(value));
    }

    /** Top-k used for H (the session's); changing it re-analyses in the background. */
    public IntegerProperty kProperty() { return session.kProperty(); }

    public ObjectProperty<BayesPriors> priorsProperty() { return session.priorsProperty(); }

    /** The current threshold as a gate score (the session's; {@link #shown} turns it into the signal's units). Setting it away from the selected rule's τ selects "custom". */
    public DoubleProperty tauProperty() { return session.tauProperty(); }

    public ObjectProperty<MethodOption> methodProperty() { return session.methodProperty(); }

    public ObjectProperty<QuestionRow> selectedQuestionProperty() { return selectedQuestion; }

    // ---- outputs --------------------------------------------------------------------------

    public ReadOnlyObjectProperty<RunAnalysis> analysisProperty() { return session.analysisProperty(); }

    /** The 95 % bootstrap intervals of AUROC, d and the chosen rule's τ, savings and Δ-Acc (computed off the FX thread). */
    public AnalysisIntervals intervals() { return intervals; }

    public RunAnalysis analysis() { return session.analysis(); }

    /** The gated system at the current τ; null when there is no analysis. */
    public ReadOnlyObjectProperty<TradeoffPoint> pointProperty() { return point.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return session.busyProperty(); }

    /** Why nothing is shown, or a warning about the run; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyStringProperty tokenSavingsTextProperty() { return tokenSavingsText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty callSavingsTextProperty() { return callSavingsText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty gatedAccuracyTextProperty() { return gatedAccuracyText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty threshAccuracyTextProperty() { return threshAccuracyText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty deltaAccuracyTextProperty() { return deltaAccuracyText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty stoppedTextProperty() { return stoppedText.getReadOnlyProperty(); }

    /** "d = 0.84 · p < 0.001 · n = 18 correct / 12 incorrect". */
    public ReadOnlyStringProperty separationTextProperty() { return separationText.getReadOnlyProperty(); }

    /** "Step-1 acc 60.0 % · 4-step acc 70.0 %". */
    public ReadOnlyStringProperty baselineTextProperty() { return baselineText.getReadOnlyProperty(); }

    /** Complete questions of the run, in run order. */
    public ObservableList<QuestionRow> questions() { return questions; }

    /** Top-k ablation rows (k = 5, 10, 15, 20), filled in the background after each analysis. */
    public ObservableList<TopKAblationRow> ablation() { return ablation; }

    /** The records of the selected question, in step order. */
    public ReadOnlyObjectProperty<List<StepRecord>> selectedStepsProperty() { return selectedSteps.getReadOnlyProperty(); }

    /**
     * True while the selected question's token records are being read: a run opened from the summary
     * cache reads its per-token records the first time a question is opened (off the FX thread).
     */
    public ReadOnlyBooleanProperty stepsLoadingProperty() { return stepsLoading.getReadOnlyProperty(); }

    /** Why the selected question's records could not be read (the file is gone or changed); empty otherwise. */
    public ReadOnlyStringProperty stepsErrorProperty() { return stepsError.getReadOnlyProperty(); }

    /** Slider range in the signal's own units: from a little below the smallest to a little above the largest value. */
    public double tauMin() {
        double[] r = h1Range();
        return r[0];
    }

    public double tauMax() {
        double[] r = h1Range();
        return r[1];
    }

    // ---- actions --------------------------------------------------------------------------

    /** Re-analyses the current run at the current k and priors, in the background unless already known. */
    public void reanalyse() {
        session.reanalyse();
    }

    /** Selects a rule (or custom) and, for a rule, moves τ to its value. */
    public void selectMethod(MethodOption option) {
        session.methodProperty().set(option);
    }

    /** Moves τ (from the slider or the chart); keeps the rule selected only when τ is its value. */
    public void setTau(double value) {
        session.tauProperty().set(value);
    }

    /** The τ of a rule on the current analysis, NaN when unavailable or no analysis. */
    public double tauOf(ThresholdMethod m) {
        return session.tauOf(m);
    }

    // ---- internals ------------------------------------------------------------------------

    private void analysisChanged(RunAnalysis now) {
        questions.clear();
        ablation.clear();
        selectedQuestion.set(null);
        if (now == null) {
            point.set(null);
            separationText.set("");
            baselineText.set("");
            updateLabels(null);
            return;
        }
        List<QuestionRow> rows = new ArrayList<>(now.outcomes().size());
        boolean graded = now.gradingState().hasClasses();
        for (QuestionOutcome q : now.outcomes()) {
            rows.add(graded ? QuestionRow.of(q) : QuestionRow.ungraded(q));
        }
        questions.setAll(rows);
        if (graded) {
            separationText.set(describe(now.separation()));
            baselineText.set("Step-1 accuracy " + Formats.percent(now.step1Accuracy()) + " · " + now.steps()
                    + "-step accuracy " + Formats.percent(now.finalAccuracy()) + " · " + now.outcomes().size()
                    + " complete questions");
        } else {
            separationText.set("Class separation (d, p, overlap): needs graded questions");
            baselineText.set("No gold answers: accuracy needs graded questions · " + now.runOutcomes().questionCount()
                    + " questions · " + now.outcomes().size() + " complete");
        }
        updateMessage();
        if (!graded && !Double.isFinite(session.tauProperty().get())) {
            session.tauProperty().set(defaultUngradedTau(now));
        }
        tauChanged();
        loadAblation(now);
    }

    private void loadAblation(RunAnalysis now) {
        if (ablationTask != null) {
            ablationTask.cancel();
        }
        ablationTask = executor.submit("Top-k ablation", progress -> now.topKAblation(),
                rows -> {
                    if (session.analysis() == now) {
                        ablation.setAll(rows);
                    }
                },
                error -> message.set("Top-k ablation failed: " + error.getMessage()));
    }

    private static String warningsOf(RunAnalysis a) {
        List<String> parts = new ArrayList<>();
        String grading = a.gradingState().note(a.runOutcomes().ungradedIds().size());
        if (grading != null) {
            parts.add(grading);
        }
        if (!a.incompleteQuestionIds().isEmpty() && !a.gradingState().hasClasses()) {
            parts.add(a.incompleteQuestionIds().size() + " question(s) without all " + a.steps() + " steps (a gate"
                    + " stopped them): savings charge them the mean refinement cost of the others (est.)");
        } else if (!a.incompleteQuestionIds().isEmpty()) {
            parts.add(a.incompleteQuestionIds().size() + " question(s) without all " + a.steps()
                    + " steps are left out of savings and accuracy");
        }
        if (!a.runOutcomes().ungradableStep1Ids().isEmpty()) {
            parts.add(a.runOutcomes().ungradableStep1Ids().size() + " ungradable step-1 answer(s)");
        }
        if (a.separation().note() != null && a.gradingState().hasClasses()) {
            parts.add(a.separation().note());
        }
        return String.join(" · ", parts);
    }

    static String describe(Separation s) {
        String p = Formats.pValue(s.pValue());
        return "Cohen's d = " + Formats.number(s.cohensD(), 3) + " · p " + (p.startsWith("<") ? p : "= " + p)
                + " · n = " + s.correct().n() + " correct / " + s.incorrect().n() + " incorrect"
                + " · overlap " + Formats.percent(s.overlap());
    }

    private void updateMessage() {
        String why = session.messageProperty().get();
        RunAnalysis a = session.analysis();
        message.set(why != null && !why.isEmpty() ? why : a == null ? "" : warningsOf(a));
    }

    private void tauChanged() {
        RunAnalysis a = session.analysis();
        double t = session.tauProperty().get();
        if (a == null || !Double.isFinite(t)) {
            point.set(null);
            updateLabels(null);
            return;
        }
        TradeoffPoint p = a.tradeoff().evaluate(t);
        point.set(p);
        updateLabels(p);
        if (!a.gradingState().hasClasses()) {
            gatedAccuracyText.set(NEEDS_GOLD);
            threshAccuracyText.set(NEEDS_GOLD);
            deltaAccuracyText.set(NEEDS_GOLD);
            int n = a.runOutcomes().allStep1H().length;
            double rate = a.stopRate(shown(t));
            stoppedText.set(Double.isNaN(rate) ? Formats.MISSING : Formats.count((int) Math.round(rate * n), n));
            if (!a.incompleteQuestionIds().isEmpty()) {
                UngradedSavings u = UngradedSavings.of(a, shown(t));
                if (u.questions() > 0) {
                    tokenSavingsText.set(Formats.percent(u.tokenSavings()) + (u.estimated() > 0 ? " (est.)" : ""));
                    callSavingsText.set(Formats.percent(u.callSavings()));
                }
            }
        }
    }

    /**
     * Where τ starts on a run without gold answers (no rule has one): the τ its header names (a serve record
     * or gated run gates at it), else the median step-1 score; a gate score. NaN when there is no score.
     */
    static double defaultUngradedTau(RunAnalysis a) {
        Object tau = a.header().calibration().get("tau");
        if (tau instanceof Number n && a.signal() == org.entropyworkbench.core.signal.Signal.DEFAULT) {
            return n.doubleValue();
        }
        double[] h = a.runOutcomes().allStep1H();
        if (h.length == 0) {
            return Double.NaN;
        }
        java.util.Arrays.sort(h);
        return h[h.length / 2];
    }

    /** What an accuracy tile of a run without gold answers shows (the message line says why). */
    static final String NEEDS_GOLD = "not graded";

    private void updateLabels(TradeoffPoint p) {
        if (p == null) {
            tokenSavingsText.set(Formats.MISSING);
            callSavingsText.set(Formats.MISSING);
            gatedAccuracyText.set(Formats.MISSING);
            threshAccuracyText.set(Formats.MISSING);
            deltaAccuracyText.set(Formats.MISSING);
            stoppedText.set(Formats.MISSING);
            return;
        }
        tokenSavingsText.set(Formats.percent(p.tokenSavings()));
        callSavingsText.set(Formats.percent(p.callSavings()));
        gatedAccuracyText.set(Formats.percent(p.gatedAccuracy()));
        threshAccuracyText.set(Formats.percent(p.threshAccuracy()));
        deltaAccuracyText.set(Formats.points(p.deltaAccuracyPoints()));
        stoppedText.set(Formats.count(p.stopped(), p.n()));
    }

    private double[] h1Range() {
        RunAnalysis a = session.analysis();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (a != null) {
            for (QuestionOutcome q : a.outcomes()) {
                if (Double.isFinite(q.h1())) {
                    lo = Math.min(lo, shown(q.h1()));
                    hi = Math.max(hi, shown(q.h1()));
                }
            }
            for (double h : a.runOutcomes().allStep1H()) {
                if (Double.isFinite(h)) {
                    lo = Math.min(lo, shown(h));
                    hi = Math.max(hi, shown(h));
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new double[] {0, 2};
        }
        double pad = Math.max(0.02, 0.05 * (hi - lo));
        return new double[] {Math.max(0, lo - pad), hi + pad};
    }

    /**
     * Shows the steps of {@code row}: at once when the run's records are in memory, else after reading
     * them in the background (with {@link #stepsLoadingProperty()} true meanwhile). FX thread.
     */
    private void showStepsOf(QuestionRow row) {
        if (stepsTask != null) {
            stepsTask.cancel();
            stepsTask = null;
        }
        stepsError.set("");
        LoadedRun current = session.runProperty().get();
        if (row == null || current == null) {
            stepsLoading.set(false);
            selectedSteps.set(List.of());
            return;
        }
        if (current.fileLoaded()) {
            stepsLoading.set(false);
            selectedSteps.set(stepsOf(current, row));
            return;
        }
        selectedSteps.set(List.of());
        stepsLoading.set(true);
        stepsTask = executor.submit("Reading the token records of " + current.displayName(),
                progress -> stepsOf(current, row),
                steps -> {
                    if (selectedQuestion.get() == row && session.runProperty().get() == current) {
                        stepsLoading.set(false);
                        selectedSteps.set(steps);
                    }
                },
                error -> {
                    if (selectedQuestion.get() == row && session.runProperty().get() == current) {
                        stepsLoading.set(false);
                        stepsError.set("Could not read the token records: " + error.getMessage());
                        selectedSteps.set(List.of());
                    }
                });
    }

    /** The question's step records, reading the run's records first when needed (blocking then). */
    private static List<StepRecord> stepsOf(LoadedRun current, QuestionRow row) {
        List<StepRecord> steps = new ArrayList<>();
        for (StepRecord s : current.file().steps()) {
            if (s.questionId().equals(row.questionId())) {
                steps.add(s);
            }
        }
        steps.sort((x, y) -> Integer.compare(x.step(), y.step()));
        return List.copyOf(steps);
    }
}
