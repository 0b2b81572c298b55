package org.entropyworkbench.ui.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.signal.ResampleStatistic;
import org.entropyworkbench.core.signal.SignalBootstrap;
import org.entropyworkbench.core.signal.SignalSample;
import org.entropyworkbench.core.stats.PercentileInterval;
import org.entropyworkbench.ui.task.TaskExecutor;
import org.entropyworkbench.ui.task.TaskHandle;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;

/**
 * State of the Compare screen: every loaded run with a check box, and the comparison rows and
 * class distributions of the checked ones, each analysed at the workspace session's signal, k and priors
 * (so changing them on the Analysis screen changes this screen too), with the signal's AUROC per run and
 * its bootstrap interval (computed through the {@link TaskExecutor}). Analyses not yet known are
 * computed off the FX thread by the workspace; a refresh superseded by a newer one is dropped.
 * FX-thread only.
 */
public final class CompareViewModel {

    /** A run with its "include in the comparison" check box. */
    public static final class Entry {
        private final LoadedRun run;
        private final BooleanProperty selected = new SimpleBooleanProperty(true);

        Entry(LoadedRun run) {
            this.run = run;
        }

        public LoadedRun run() { return run; }

        public BooleanProperty selectedProperty() { return selected; }

        @Override
        public String toString() { return run.displayName(); }
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private TaskHandle intervalsTask;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LoadedRun> compared = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper settingsText = new ReadOnlyStringWrapper(this, "settings", "");
    private long generation;

    public CompareViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        workspace.runs().addListener((ListChangeListener<LoadedRun>) c -> syncEntries());
        workspace.session().kProperty().addListener((obs, old, now) -> refresh());
        workspace.session().priorsProperty().addListener((obs, old, now) -> refresh());
        workspace.session().signalProperty().addListener((obs, old, now) -> refresh());
        syncEntries();
    }

    /** The settings the comparison is made at, e.g. "at k = 5 · equal priors". */
    public ReadOnlyStringProperty settingsText() { return settingsText.getReadOnlyProperty(); }

    public Workspace workspace() { return workspace; }

    /** One entry per loaded run, in load order. */
    public ObservableList<Entry> entries() { return entries; }

    /** Rows of the checked runs that have an analysis. */
    public ObservableList<CompareRow> rows() { return rows; }

    /** The checked runs that have an analysis, in the same order as {@link #rows()}. */
    public ObservableList<LoadedRun> compared() { return compared; }

    /** Checks or unchecks a run by display name (for tests and the screenshot tour). */
    public void setSelected(String displayName, boolean selected) {
        for (Entry e : entries) {
            if (e.run().displayName().equals(displayName)) {
                e.selectedProperty().set(selected);
            }
        }
    }

    private void syncEntries() {
        List<Entry> next = new ArrayList<>();
        for (LoadedRun run : workspace.runs()) {
            Entry existing = entries.stream().filter(e -> e.run() == run).findFirst().orElse(null);
            if (existing == null) {
                existing = new Entry(run);
                existing.selectedProperty().addListener((obs, old, now) -> refresh());
            }
            next.add(existing);
        }
        entries.setAll(next);
        refresh();
    }

    /** Rebuilds the rows from the checked entries at the session's k and priors. */
    public void refresh() {
        long mine = ++generation;
        AnalysisOptions options = workspace.session().options();
        settingsText.set("at k = " + options.k() + " · " + options.priors().id() + " priors · signal "
                + options.signal().label() + " · AUROC with its 95 % interval (" + SignalBootstrap.DEFAULT_RESAMPLES
                + " bootstrap resamples, seed " + SignalBootstrap.DEFAULT_SEED + ")");
        List<LoadedRun> checked = new ArrayList<>();
        for (Entry e : entries) {
            if (e.selectedProperty().get() && e.run().analysis() != null) {
                checked.add(e.run());
            }
        }
        RunAnalysis[] analyses = new RunAnalysis[checked.size()];
        int[] pending = {checked.size()};
        if (checked.isEmpty()) {
            show(List.of());
            return;
        }
        for (int i = 0; i < checked.size(); i++) {
            int index = i;
            workspace.analysisOf(checked.get(i), options, a -> {
                analyses[index] = a;
                if (--pending[0] == 0 && mine == generation) {
                    List<LoadedRun> runs = new ArrayList<>();
                    for (int j = 0; j < analyses.length; j++) {
                        if (analyses[j] != null) {
                            runs.add(checked.get(j).withAnalysis(analyses[j]));
                        }
                    }
                    show(runs);
                    computeIntervals(mine);
                }
            });
        }
    }

    /**
     * Fills in each row's AUROC interval off the FX thread (seeded percentile bootstrap, the Signals screen's
     * and {@code ew analyze --signals}' settings); dropped when a newer refresh started meanwhile.
     */
    private void computeIntervals(long mine) {
        if (intervalsTask != null) {
            intervalsTask.cancel();
        }
        List<CompareRow> base = List.copyOf(rows);
        List<RunAnalysis> analyses = compared.stream().map(LoadedRun::analysis).toList();
        if (base.isEmpty()) {
            return;
        }
        intervalsTask = executor.submit("AUROC intervals of " + base.size() + " runs", progress -> {
            List<CompareRow> out = new ArrayList<>(base.size());
            for (int i = 0; i < base.size(); i++) {
                RunAnalysis a = analyses.get(i);
                if (!base.get(i).graded()) {
                    out.add(base.get(i));
                    continue;
                }
                double[][] boot = SignalBootstrap.resample(SignalSample.of(a.runOutcomes()), a.signal().direction(),
                        a.options().thresholdOptions(), SignalBootstrap.DEFAULT_RESAMPLES, SignalBootstrap.DEFAULT_SEED);
                out.add(base.get(i).withAurocInterval(
                        PercentileInterval.of(boot[ResampleStatistic.AUROC], SignalBootstrap.LEVEL)));
            }
            return out;
        }, out -> {
            if (mine == generation) {
                rows.setAll(out);
            }
        }, error -> {
            if (mine == generation) {
                settingsText.set(settingsText.get() + " · AUROC intervals failed: " + error.getMessage());
            }
        });
    }

    private void show(List<LoadedRun> runs) {
        List<String> names = labels(runs);
        List<CompareRow> r = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            r.add(CompareRow.of(runs.get(i), names.get(i)));
        }
        compared.setAll(runs);
        rows.setAll(r);
    }

    /**
     * Chart and table labels for runs: their short names, made distinct with the file name
     * (then a number) when two runs share one, since a chart cannot show two series of one name.
     */
    public static List<String> labels(List<LoadedRun> runs) {
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (LoadedRun run : runs) {
            String base = run.shortName();
            boolean clash = runs.stream().filter(o -> o.shortName().equals(base)).count() > 1;
            String name = clash && run.path() != null ? base + " [" + run.path().getFileName() + "]" : base;
            String unique = name;
            for (int n = 2; !used.add(unique); n++) {
                unique = name + " #" + n;
            }
            out.add(unique);
        }
        return out;
    }
}
