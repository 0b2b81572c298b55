package org.entropyworkbench.ui.signals;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.SignalTransfer;
import org.entropyworkbench.ui.task.LatestTask;
import org.entropyworkbench.ui.task.TaskExecutor;
import org.entropyworkbench.ui.workspace.AnalysisSession;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;

/**
 * State of the transfer section of the Signals screen: does a τ calibrated on one loaded run hold on
 * another (the same model on another dataset, or another model)? For each rule, τ, token savings and
 * Δ-Acc on the evaluation run in-sample vs with the calibration run's τ ({@link SignalTransfer}, what
 * {@code ew transfer} prints), on the session's signal, k and priors, and a plain verdict that says so
 * when the gate would lose accuracy.
 *
 * <p>The calibration run starts as the selected run, the evaluation run as the next loaded one. The
 * comparison runs through the {@link TaskExecutor} off the FX thread while the screen is shown, again
 * when a run or the settings change; a result that arrives after a newer request is dropped. FX thread only.
 */
public final class TransferViewModel {

    private final Workspace workspace;
    private final AnalysisSession session;
    private final ObjectProperty<LoadedRun> calibrationRun = new SimpleObjectProperty<>(this, "calibrationRun");
    private final ObjectProperty<LoadedRun> evaluationRun = new SimpleObjectProperty<>(this, "evaluationRun");
    private final ObservableList<TransferRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyBooleanWrapper losesAccuracy = new ReadOnlyBooleanWrapper(this, "losesAccuracy");
    private final ReadOnlyStringWrapper settingsText = new ReadOnlyStringWrapper(this, "settings", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private boolean active;
    private Request shownFor;
    private final LatestTask latest;

    public TransferViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace);
        this.latest = new LatestTask(executor, busy);
        this.session = workspace.session();
        workspace.runs().addListener((ListChangeListener<LoadedRun>) c -> runsChanged());
        calibrationRun.addListener((obs, old, now) -> refresh());
        evaluationRun.addListener((obs, old, now) -> refresh());
        session.signalProperty().addListener((obs, old, now) -> refresh());
        session.kProperty().addListener((obs, old, now) -> refresh());
        session.priorsProperty().addListener((obs, old, now) -> refresh());
        runsChanged();
    }

    /** The loaded runs to pick from. */
    public ObservableList<LoadedRun> runs() { return workspace.runs(); }

    /** The run whose step 1 sets each rule's τ. */
    public ObjectProperty<LoadedRun> calibrationRunProperty() { return calibrationRun; }

    /** The run the τ is applied to. */
    public ObjectProperty<LoadedRun> evaluationRunProperty() { return evaluationRun; }

    /** One row per rule, enum order; empty until computed or when there is nothing to compare. */
    public ObservableList<TransferRow> rows() { return rows; }

    /** The plain verdict over all rules, or why there is none. */
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }

    /** True when at least one rule's transferred τ would lose accuracy on the evaluation run. */
    public ReadOnlyBooleanProperty losesAccuracyProperty() { return losesAccuracy.getReadOnlyProperty(); }

    /** e.g. "Signal: Step-1 mean entropy (bits) · k = 20 · empirical priors". */
    public ReadOnlyStringProperty settingsTextProperty() { return settingsText.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Computes only while the screen is shown. */
    public void setActive(boolean nowActive) {
        active = nowActive;
        refresh();
    }

    /** Swaps the calibration and evaluation runs. */
    public void swap() {
        LoadedRun a = calibrationRun.get();
        LoadedRun b = evaluationRun.get();
        shownFor = null;
        calibrationRun.set(b);
        evaluationRun.set(a);
    }

    private void runsChanged() {
        List<LoadedRun> all = workspace.runs();
        if (calibrationRun.get() != null && !all.contains(calibrationRun.get())) {
            calibrationRun.set(null);
        }
        if (evaluationRun.get() != null && !all.contains(evaluationRun.get())) {
            evaluationRun.set(null);
        }
        if (calibrationRun.get() == null && !all.isEmpty()) {
            LoadedRun selected = workspace.selectedRun().get();
            calibrationRun.set(selected != null ? selected : all.get(0));
        }
        if (evaluationRun.get() == null) {
            all.stream().filter(r -> r != calibrationRun.get()).findFirst().ifPresent(evaluationRun::set);
        }
        refresh();
    }

    /** Recomputes when the runs or settings changed since the last result (and the screen is shown). */
    public void refresh() {
        AnalysisOptions options = session.options();
        settingsText.set("Signal: " + options.signal().label() + " (" + options.signal().unit() + ", "
                + options.signal().direction().label() + ") · k = " + options.k() + " · " + options.priors().id()
                + " priors, as on Analysis");
        LoadedRun a = calibrationRun.get();
        LoadedRun b = evaluationRun.get();
        Request request = new Request(a, b, options);
        if (request.sameAs(shownFor)) {
            return;
        }
        latest.cancel();
        shownFor = null;
        rows.clear();
        losesAccuracy.set(false);
        if (a == null || b == null) {
            verdict.set(workspace.runs().size() < 2
                    ? "Load a second run (File ▸ Open…) to test whether a τ calibrated on one run holds on another."
                    : "Pick a calibration run and an evaluation run.");
            return;
        }
        if (!active) {
            verdict.set("");
            return;
        }
        shownFor = request;
        verdict.set("Calibrating on " + a.displayName() + ", evaluating on " + b.displayName() + "…");
        latest.submit("Transfer " + a.displayName() + " → " + b.displayName(),
                progress -> SignalTransfer.of(a.file(), b.file(), options),
                result -> {
                    rows.setAll(result.rows().stream().map(TransferRow::of).toList());
                    losesAccuracy.set(!result.losingRows().isEmpty());
                    verdict.set(summary(result, a, b));
                },
                error -> {
                    shownFor = null;
                    verdict.set("The transfer could not be computed: " + error.getMessage());
                });
    }

    /** The verdict over all rules, in plain words. */
    static String summary(SignalTransfer t, LoadedRun a, LoadedRun b) {
        String same = a == b ? " (the same run: transferred equals in-sample; pick another evaluation run)" : "";
        if (t.evaluationComplete() == 0) {
            return "Cannot judge: " + b.shortName() + " has no question with all steps, so no accuracy to compare." + same;
        }
        List<SignalTransfer.Row> losing = t.losingRows();
        if (losing.isEmpty()) {
            return "Holds: no rule's τ calibrated on " + a.shortName() + " loses accuracy on " + b.shortName()
                    + "." + same;
        }
        String which = losing.stream()
                .map(r -> String.format(Locale.ROOT, "%s %+.1f pts", r.method().label(), r.deltaTransferred()))
                .collect(Collectors.joining(", "));
        return "The gate would lose accuracy: with τ calibrated on " + a.shortName() + ", " + losing.size() + " of "
                + t.rows().size() + " rules lose accuracy on " + b.shortName() + " (" + which + ")."
                + " Calibrate on " + b.shortName() + "'s own data before gating it." + same;
    }

    /** What a result was computed for; runs compared by identity (a re-opened file is a new run). */
    private record Request(LoadedRun a, LoadedRun b, AnalysisOptions options) {
        boolean sameAs(Request other) {
            return other != null && other.a == a && other.b == b && other.options.equals(options);
        }
    }

}
