package org.entropyworkbench.ui.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.SignalComparison;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalBootstrap;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.ui.task.LatestTask;
import org.entropyworkbench.ui.task.TaskExecutor;
import org.entropyworkbench.ui.workspace.AnalysisSession;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;

/**
 * State of the Signals screen: every confidence signal on the session's run, ranked by AUROC with seeded
 * 95 % percentile bootstrap intervals ({@link SignalBootstrap#DEFAULT_RESAMPLES} resamples, seed
 * {@link SignalBootstrap#DEFAULT_SEED}: the figures {@code ew analyze --signals all} prints), and the
 * reason for each signal the run lacks data for.
 *
 * <p>The comparison runs through the {@link TaskExecutor} off the FX thread, only while the screen is
 * active (it costs a few hundred milliseconds on a large run), again when the run, k or priors change; a
 * result that arrives after a newer request is dropped. FX thread only.
 */
public final class SignalsViewModel {

    private final Workspace workspace;
    private final AnalysisSession session;
    private final ObservableList<SignalRow> rows = FXCollections.observableArrayList();
    private final ObservableList<SignalCurve> curves = FXCollections.observableArrayList();
    private final ObjectProperty<Signal> highlighted = new SimpleObjectProperty<>(this, "highlighted");
    private final TransferViewModel transfer;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper settingsText = new ReadOnlyStringWrapper(this, "settings", "");

    private boolean active;
    private Object shownFor;
    private final LatestTask latest;

    public SignalsViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace);
        this.latest = new LatestTask(executor, busy);
        this.session = workspace.session();
        this.transfer = new TransferViewModel(workspace, executor);
        highlighted.set(session.signal());
        session.signalProperty().addListener((obs, old, now) -> highlighted.set(session.signal()));
        session.runProperty().addListener((obs, old, now) -> refresh());
        session.kProperty().addListener((obs, old, now) -> refresh());
        session.priorsProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    public Workspace workspace() { return workspace; }

    /**
     * The savings-vs-accuracy curve of every available signal on the run (in ranking order), for the overlay;
     * empty for a run without complete questions.
     */
    public ObservableList<SignalCurve> curves() { return curves; }

    /** The signal the overlay draws on top: the one selected in the table, else the session's. */
    public ObjectProperty<Signal> highlightedProperty() { return highlighted; }

    /** The transfer section: calibrate on one loaded run, evaluate on another. */
    public TransferViewModel transfer() { return transfer; }

    /** The signals, available ones by AUROC (highest first), then the unavailable ones with their reason. */
    public ObservableList<SignalRow> rows() { return rows; }

    /** True while the comparison is computed. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Why the table is empty or what failed; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** e.g. "run-name · k = 20 · empirical priors · 95 % intervals from 2000 resamples, seed 20251009". */
    public ReadOnlyStringProperty settingsTextProperty() { return settingsText.getReadOnlyProperty(); }

    /** The screen is shown (true) or hidden; the comparison is only computed while it is shown. */
    public void setActive(boolean nowActive) {
        active = nowActive;
        transfer.setActive(nowActive);
        refresh();
    }

    /** Makes {@code signal} the session's signal, so Analysis, Calibration and Compare work on it. */
    public void useOnAnalysis(Signal signal) {
        if (signal != null) {
            session.signalProperty().set(signal);
        }
    }

    /** Recomputes the ranking when the run or settings changed since the last one (and the screen is shown). */
    public void refresh() {
        LoadedRun run = session.runProperty().get();
        AnalysisOptions options = session.options().withSignal(Signal.DEFAULT);
        settingsText.set(run == null ? "" : run.displayName() + " · k = " + options.k() + " · " + options.priors().id()
                + " priors · 95 % percentile intervals from " + SignalBootstrap.DEFAULT_RESAMPLES
                + " bootstrap resamples, seed " + SignalBootstrap.DEFAULT_SEED);
        Object request = run == null ? null : List.of(run, options);
        if (request != null && request.equals(shownFor)) {
            return;
        }
        if (run == null) {
            latest.cancel();
            shownFor = null;
            rows.clear();
            curves.clear();
            message.set("No run selected. Open a run file (File ▸ Open…) to rank its confidence signals.");
            return;
        }
        if (!active) {
            latest.cancel();
            shownFor = null;
            rows.clear();
            curves.clear();
            message.set("");
            return;
        }
        if (run.analysis() != null && !run.analysis().gradingState().hasClasses()) {
            latest.cancel();
            shownFor = request;
            rows.clear();
            message.set(run.displayName() + ": no gold answers in this run, and ranking signals by AUROC needs graded"
                    + " questions (the Analysis screen shows what can be shown: the step-1 histogram, the stop rate"
                    + " and savings at τ).");
            return;
        }
        shownFor = request;
        message.set("Ranking " + Signal.values().length + " signals on " + run.displayName() + "…");
        latest.submit("Ranking signals of " + run.displayName(),
                progress -> ranking(SignalComparison.compare(run.file(), options, List.of(Signal.values()),
                        SignalBootstrap.DEFAULT_RESAMPLES, SignalBootstrap.DEFAULT_SEED,
                        SignalComparison.DEFAULT_PERMUTATIONS)),
                ranking -> {
                    message.set("");
                    rows.setAll(rowsOf(ranking.reports()));
                    curves.setAll(ranking.curves());
                },
                error -> {
                    shownFor = null;
                    rows.clear();
                    curves.clear();
                    message.set("Ranking the signals failed: " + error.getMessage());
                });
    }

    /** The ranked reports and the curves of the available signals, made off the FX thread. */
    private record Ranking(List<SignalReport> reports, List<SignalCurve> curves) {
    }

    private static Ranking ranking(List<SignalComparison.Compared> compared) {
        List<SignalReport> reports = new ArrayList<>(compared.size());
        List<SignalCurve> curves = new ArrayList<>();
        for (SignalComparison.Compared c : compared) {
            reports.add(c.report());
            SignalCurve curve = c.analysis() == null ? null : SignalCurve.of(c.analysis(), c.report().auroc());
            if (curve != null) {
                curves.add(curve);
            }
        }
        return new Ranking(reports, curves);
    }

    /** Table rows of ranked reports: available ones numbered 1, 2, … in the order given. */
    static List<SignalRow> rowsOf(List<SignalReport> reports) {
        List<SignalRow> out = new ArrayList<>(reports.size());
        int rank = 0;
        for (SignalReport r : reports) {
            out.add(SignalRow.of(r, r.available() ? ++rank : 0));
        }
        return out;
    }

}
