package org.entropyworkbench.ui.workspace;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.ui.task.TaskExecutor;

/**
 * The state every screen shares, with one owner: loaded runs and datasets, what is selected, the
 * loaded calibration, and the {@link AnalysisSession} of the selected run (k, priors, chosen τ,
 * calibration sample settings, the analysis at those settings). Feature screens read and write it
 * only through this object. FX-thread only: background work hands its results over with
 * {@code TaskExecutor.runOnUiThread} (or its onSuccess callback) before touching this object.
 */
public final class Workspace {

    private final TaskExecutor executor;
    private final AnalysisSession session;

    private final ObservableList<LoadedRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<LoadedRun> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<Dataset> selectedDataset = new SimpleObjectProperty<>(this, "selectedDataset");
    private final ObjectProperty<CalibrationFile> calibration = new SimpleObjectProperty<>(this, "calibration");

    /** @param executor runs the session's re-analyses off the FX thread */
    public Workspace(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.session = new AnalysisSession(executor, new AnalysisCache());
        selectedRun.addListener((obs, old, now) -> session.select(now));
    }

    /** The analysis session of the selected run, shared by every screen. */
    public AnalysisSession session() { return session; }

    /** The executor slow work of the workspace runs on. */
    public TaskExecutor executor() { return executor; }

    /** What to remember of this workspace between sessions, with the window's size. */
    public WorkspaceState snapshot(double width, double height) {
        List<WorkspaceState.RunEntry> entries = new ArrayList<>();
        for (LoadedRun r : runs) {
            if (r.path() != null) {
                SessionSettings s = session.settingsOf(r);
                entries.add(new WorkspaceState.RunEntry(r.path(), s == null ? SessionSettings.defaults() : s));
            }
        }
        LoadedRun selected = selectedRun.get();
        return new WorkspaceState(width, height, selected == null ? null : selected.path(), entries);
    }

    /** Session settings to apply when the run at {@code path} is selected (restoring a remembered workspace). */
    public void rememberSettings(java.nio.file.Path path, SessionSettings settings) {
        session.rememberPath(path, settings);
    }

    /**
     * Hands {@code then} (on the FX thread) the analysis of {@code run} at {@code options}: at once when
     * it is known, otherwise after computing it off the FX thread; null when the run has nothing to
     * analyse or the analysis failed. Compare uses it to show every run at the session's k and priors.
     */
    public void analysisOf(LoadedRun run, AnalysisOptions options, Consumer<RunAnalysis> then) {
        if (run.analysis() == null) {
            then.accept(null);
            return;
        }
        RunAnalysis known = session.cached(run, options);
        if (known != null) {
            then.accept(known);
            return;
        }
        executor.submit("Analysing " + run.displayName() + " at k = " + options.k(),
                progress -> RunFileLoader.analyse(run, options),
                result -> {
                    session.cache(run, options, result);
                    then.accept(result);
                },
                error -> then.accept(null));
    }

    /**
     * Removes a run; when it was selected, the next (or previous) run is selected. Its remembered
     * session settings are dropped.
     */
    public void removeRun(LoadedRun run) {
        int i = runs.indexOf(run);
        if (i < 0) {
            return;
        }
        runs.remove(i);
        if (selectedRun.get() == run) {
            selectedRun.set(runs.isEmpty() ? null : runs.get(Math.min(i, runs.size() - 1)));
        }
    }

    /** Every loaded run, in load order. */
    public ObservableList<LoadedRun> runs() { return runs; }

    /** The run the Analysis and Calibration screens show; null when none is loaded. */
    public ObjectProperty<LoadedRun> selectedRun() { return selectedRun; }

    /** Every loaded dataset, in load order. */
    public ObservableList<Dataset> datasets() { return datasets; }

    /** The dataset the Run screen uses; null when none. */
    public ObjectProperty<Dataset> selectedDataset() { return selectedDataset; }

    /** An imported or exported calibration, used to compare thresholds and for gated runs; may be null. */
    public ObjectProperty<CalibrationFile> calibration() { return calibration; }

    /**
     * Adds a run, replacing one already loaded from the same path (a re-opened or grown file) in
     * place. When nothing was selected, or the replaced run was selected, the new run is selected.
     */
    public void addRun(LoadedRun run) {
        Objects.requireNonNull(run, "run");
        for (int i = 0; i < runs.size(); i++) {
            LoadedRun old = runs.get(i);
            if (old.path() != null && run.path() != null && sameFile(old.path(), run.path())) {
                runs.set(i, run);
                if (selectedRun.get() == null || selectedRun.get() == old) {
                    selectedRun.set(run);
                }
                return;
            }
        }
        runs.add(run);
        if (selectedRun.get() == null) {
            selectedRun.set(run);
        }
    }

    /**
     * Adds a dataset, replacing one loaded from the same file (built-ins are matched by name), and
     * selects it when nothing was selected.
     */
    public void addDataset(Dataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        for (int i = 0; i < datasets.size(); i++) {
            Dataset old = datasets.get(i);
            boolean same = old.source() != null ? old.source().equals(dataset.source())
                    : dataset.source() == null && old.name().equals(dataset.name());
            if (same) {
                datasets.set(i, dataset);
                if (selectedDataset.get() == null || selectedDataset.get() == old) {
                    selectedDataset.set(dataset);
                }
                return;
            }
        }
        datasets.add(dataset);
        if (selectedDataset.get() == null) {
            selectedDataset.set(dataset);
        }
    }

    /** One file under two spellings (relative and absolute, with "..") is the same run. */
    static boolean sameFile(java.nio.file.Path a, java.nio.file.Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
