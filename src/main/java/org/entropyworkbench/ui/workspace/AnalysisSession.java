package org.entropyworkbench.ui.workspace;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.ChosenThreshold;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.task.TaskExecutor;
import org.entropyworkbench.ui.task.TaskHandle;

/**
 * The analysis session of the selected run, the one owner of what Analysis, Calibration, Compare and
 * the Run form share: the confidence signal, top-k for H, Bayes priors, the chosen rule or custom τ, the calibration sample
 * settings, and the run's analysis at those settings. Every screen binds to these properties; none
 * keeps a copy, so a change on one screen is seen on all.
 *
 * <p>Settings are remembered per run: selecting another run stores this run's {@link SessionSettings}
 * and restores that run's (defaults for a run seen the first time). Changing the signal, k or priors re-analyses
 * through the {@link TaskExecutor} off the FX thread; a result that arrives after a newer request is
 * dropped. Choosing a rule snaps τ to its value; moving τ off it makes the choice custom. FX thread only.
 *
 * <p>τ is held in gate-score units (low = confident, as {@link RunAnalysis#thresholds()}): the signal's own
 * units for a low-is-confident signal, negated for a high-is-confident one. Screens show
 * {@link #shownTau(double)} and take input through {@link #gateTau(double)}.
 */
public final class AnalysisSession {

    private final TaskExecutor executor;
    private final AnalysisCache cache;
    private final Map<Object, SessionSettings> remembered = new HashMap<>();

    private final ReadOnlyObjectWrapper<LoadedRun> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k");
    private final ObjectProperty<BayesPriors> priors = new SimpleObjectProperty<>(this, "priors");
    private final ObjectProperty<Signal> signal = new SimpleObjectProperty<>(this, "signal", Signal.DEFAULT);
    private final ObjectProperty<MethodOption> method = new SimpleObjectProperty<>(this, "method");
    private final DoubleProperty tau = new SimpleDoubleProperty(this, "tau", Double.NaN);
    private final ObjectProperty<SampleMode> sampleMode = new SimpleObjectProperty<>(this, "sampleMode");
    private final IntegerProperty shots = new SimpleIntegerProperty(this, "shots");
    private final LongProperty seed = new SimpleLongProperty(this, "seed");
    private final IntegerProperty draws = new SimpleIntegerProperty(this, "draws");

    private final ReadOnlyObjectWrapper<RunAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private long generation;
    private TaskHandle task;
    private AnalysisOptions requested;
    private boolean restoring;
    private boolean snapping;

    AnalysisSession(TaskExecutor executor, AnalysisCache cache) {
        this.executor = Objects.requireNonNull(executor);
        this.cache = Objects.requireNonNull(cache);
        apply(SessionSettings.defaults());
        k.addListener((obs, old, now) -> settingsChanged());
        priors.addListener((obs, old, now) -> settingsChanged());
        signal.addListener((obs, old, now) -> signalChanged(old, now));
        method.addListener((obs, old, now) -> snapToMethod());
        tau.addListener((obs, old, now) -> tauMoved());
        reanalyse();
    }

    // ---- settings -------------------------------------------------------------------------

    /** The run this session analyses (the workspace's selected run); null when none. */
    public ReadOnlyObjectProperty<LoadedRun> runProperty() { return run.getReadOnlyProperty(); }

    /** Top-k whose entropies give H; changing it re-analyses in the background. */
    public IntegerProperty kProperty() { return k; }

    /** Bayes-optimal priors; changing them re-analyses in the background. */
    public ObjectProperty<BayesPriors> priorsProperty() { return priors; }

    /**
     * The step-1 confidence signal every chart, rule and export works on; changing it re-analyses in the
     * background (a custom τ does not carry over between signals: the rule's τ is taken instead).
     */
    public ObjectProperty<Signal> signalProperty() { return signal; }

    /** The signal in force (never null). */
    public Signal signal() {
        return signal.get() == null ? Signal.DEFAULT : signal.get();
    }

    /** A gate-score τ (as {@link #tauProperty()} holds it) in the signal's own units, for display. */
    public double shownTau(double gateTau) {
        return signal().direction().orient(gateTau);
    }

    /** A τ the user gave in the signal's own units as the gate score {@link #tauProperty()} holds. */
    public double gateTau(double shownTau) {
        return signal().direction().orient(shownTau);
    }

    /** The chosen rule, or {@link MethodOption#CUSTOM}; choosing a rule moves τ to its value. */
    public ObjectProperty<MethodOption> methodProperty() { return method; }

    /** The current τ as a gate score (see the class comment); setting it off the chosen rule's value makes the choice custom. */
    public DoubleProperty tauProperty() { return tau; }

    /** Which questions set the thresholds on the Calibration screen. */
    public ObjectProperty<SampleMode> sampleModeProperty() { return sampleMode; }

    /** Labelled questions per few-shot draw. */
    public IntegerProperty shotsProperty() { return shots; }

    /** Seed of the few-shot draws. */
    public LongProperty seedProperty() { return seed; }

    /** Number of few-shot draws. */
    public IntegerProperty drawsProperty() { return draws; }

    /** The analysis options in force. */
    public AnalysisOptions options() {
        return new AnalysisOptions(k.get(), priors.get()).withSignal(signal());
    }

    /** The settings as a value (to remember or store). */
    public SessionSettings settings() {
        MethodOption m = method.get();
        return new SessionSettings(k.get(), priors.get(), m == null ? null : m.method(),
                m == null || m.isCustom() ? tau.get() : Double.NaN, sampleMode.get(), shots.get(), seed.get(), draws.get(), signal());
    }

    /** Replaces the settings of the current run (e.g. restored from the workspace file). */
    public void restore(SessionSettings s) {
        apply(s);
        reanalyse();
    }

    /** Settings to restore when {@code r} is selected later (e.g. from the workspace file). */
    void remember(LoadedRun r, SessionSettings s) {
        remembered.put(key(r), s);
    }

    /** Settings to restore when the run read from {@code path} is selected. */
    void rememberPath(java.nio.file.Path path, SessionSettings s) {
        remembered.put(path.toAbsolutePath().normalize(), s);
    }

    /** The settings remembered for {@code r}: the live ones when it is the current run. */
    SessionSettings settingsOf(LoadedRun r) {
        if (r == run.get()) {
            return settings();
        }
        return remembered.get(key(r));
    }

    /**
     * The threshold a gated run from the window, or an export, carries: the chosen rule with its τ on
     * the current analysis, or the custom τ, in the signal's own units (as calibration files hold τ). Null
     * when there is no finite τ yet.
     */
    public ChosenThreshold chosenThreshold() {
        double t = shownTau(tau.get());
        if (!Double.isFinite(t) || t < 0) {
            return null;
        }
        MethodOption m = method.get();
        return m == null || m.isCustom() ? ChosenThreshold.custom(t) : ChosenThreshold.rule(m.method(), t);
    }

    /**
     * e.g. "k = 5 · equal priors · custom τ = 0.1230 bits", for the screens that show what is in force; a
     * signal other than the default is named first.
     */
    public String describe() {
        ChosenThreshold c = chosenThreshold();
        String choice = c == null ? "no τ yet" : c.describe().replace(" bits", " " + signal().unit());
        String prefix = signal() == Signal.DEFAULT ? "" : signal().label() + " · ";
        return prefix + String.format(Locale.ROOT, "k = %d · %s priors · %s", k.get(), priors.get().id(), choice);
    }

    // ---- outputs --------------------------------------------------------------------------

    /** The run analysed at the current k and priors; null while none is available. */
    public ReadOnlyObjectProperty<RunAnalysis> analysisProperty() { return analysis.getReadOnlyProperty(); }

    public RunAnalysis analysis() { return analysis.get(); }

    /** True while a re-analysis runs. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Why there is no analysis, or why it failed; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** The τ of a rule on the current analysis, NaN when unavailable or no analysis. */
    public double tauOf(ThresholdMethod m) {
        RunAnalysis a = analysis.get();
        return a == null ? Double.NaN : a.thresholds().tau(m);
    }

    // ---- run switching and analysis ---------------------------------------------------------

    /** Called by the workspace when its selected run changes. */
    void select(LoadedRun next) {
        LoadedRun previous = run.get();
        if (previous != null) {
            remembered.put(key(previous), settings());
        }
        run.set(next);
        SessionSettings s = next == null ? null : remembered.get(key(next));
        apply(s == null ? SessionSettings.defaults() : s);
        requested = null;
        reanalyse();
    }

    /** The analysis of {@code r} at this session's options if already known, else null (for Compare). */
    RunAnalysis cached(LoadedRun r, AnalysisOptions options) {
        return cache.get(r, options);
    }

    void cache(LoadedRun r, AnalysisOptions options, RunAnalysis a) {
        cache.put(r, options, a);
    }

    /**
     * Makes the analysis match the current run and options: at once when it is known, otherwise in the
     * background. Does nothing when that request is already made.
     */
    public void reanalyse() {
        LoadedRun current = run.get();
        AnalysisOptions options = options();
        if (current != null && options.equals(requested) && (busy.get() || analysis.get() != null)) {
            return;
        }
        generation++;
        long mine = generation;
        if (task != null) {
            task.cancel();
            task = null;
        }
        requested = options;
        if (current == null) {
            busy.set(false);
            message.set("No run loaded. Open a run file (File ▸ Open…) or drop one on the window.");
            analysis.set(null);
            return;
        }
        if (current.analysis() == null) {
            busy.set(false);
            message.set(current.displayName() + ": no question with a graded step 1 yet, nothing to analyse.");
            analysis.set(null);
            return;
        }
        if (analysis.get() != null && !belongsTo(analysis.get(), current)) {
            analysis.set(null);
        }
        RunAnalysis known = cache.get(current, options);
        if (known != null) {
            busy.set(false);
            message.set("");
            setAnalysis(known);
            return;
        }
        busy.set(true);
        task = executor.submit("Analysing " + current.displayName() + " at k = " + options.k() + ", " + options.signal().id(),
                progress -> RunFileLoader.analyse(current, options),
                result -> {
                    cache.put(current, options, result);
                    if (mine == generation) {
                        busy.set(false);
                        message.set(result != null ? "" : current.displayName() + ": no graded step-1 answer has a value of "
                                + options.signal().label() + ": the run does not record what this signal needs.");
                        setAnalysis(result);
                    }
                },
                error -> {
                    if (mine == generation) {
                        busy.set(false);
                        message.set("Analysis failed: " + error.getMessage());
                    }
                });
    }

    /** True when {@code a} was made of {@code run}: from its summary, or from its records as read. */
    private static boolean belongsTo(RunAnalysis a, LoadedRun run) {
        return a.summary() == run.summary() || (a.run() != null && a.run() == run.detail().loadedOrNull());
    }

    private void setAnalysis(RunAnalysis a) {
        analysis.set(a);
        MethodOption m = method.get();
        if (a == null) {
            return;
        }
        if (m == null || m.isCustom()) {
            if (!Double.isFinite(tau.get())) {
                withSnap(() -> tau.set(a.thresholds().tau(ThresholdMethod.ENTROPY_MEAN)));
            }
        } else {
            snapToMethod();
        }
    }

    private void signalChanged(Signal old, Signal now) {
        if (restoring) {
            return;
        }
        MethodOption m = method.get();
        if (old != now && (m == null || m.isCustom())) {
            withSnap(() -> tau.set(Double.NaN));
        }
        reanalyse();
    }

    private void settingsChanged() {
        if (!restoring) {
            reanalyse();
        }
    }

    private void snapToMethod() {
        MethodOption m = method.get();
        RunAnalysis a = analysis.get();
        if (restoring || m == null || m.isCustom() || a == null) {
            return;
        }
        double t = a.thresholds().tau(m.method());
        withSnap(() -> tau.set(t));
    }

    private void tauMoved() {
        if (snapping || restoring) {
            return;
        }
        MethodOption m = method.get();
        RunAnalysis a = analysis.get();
        if (m != null && !m.isCustom() && a != null && Double.compare(a.thresholds().tau(m.method()), tau.get()) != 0) {
            method.set(MethodOption.CUSTOM);
        }
    }

    private void withSnap(Runnable r) {
        boolean was = snapping;
        snapping = true;
        try {
            r.run();
        } finally {
            snapping = was;
        }
    }

    private void apply(SessionSettings s) {
        restoring = true;
        try {
            k.set(s.k());
            priors.set(s.priors());
            signal.set(s.signal());
            method.set(s.rule() == null ? MethodOption.CUSTOM : new MethodOption(s.rule()));
            tau.set(s.rule() == null ? s.customTau() : Double.NaN);
            sampleMode.set(s.sampleMode());
            shots.set(s.shots());
            seed.set(s.seed());
            draws.set(s.draws());
        } finally {
            restoring = false;
        }
    }

    private static Object key(LoadedRun r) {
        return r.path() != null ? r.path().toAbsolutePath().normalize() : r;
    }
}
