package org.entropyworkbench.ui.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.DatasetLoader;
import org.entropyworkbench.core.dataset.FieldMapping;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.task.TaskExecutor;

/**
 * View-model of the Datasets screen: loads dataset files and the built-in datasets in the
 * background into {@link Workspace#datasets()}, and exposes the selected dataset's problems
 * (filtered by a search text), its counts and its validation messages. FX thread; file reading
 * runs on the {@link TaskExecutor}.
 */
public final class DatasetsViewModel {

    /** Rows read for the import dialog's preview. */
    static final int PREVIEW_ROWS = 8;

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final ObservableList<ProblemRow> allRows = FXCollections.observableArrayList();
    private final FilteredList<ProblemRow> visibleRows = new FilteredList<>(allRows, r -> true);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("No dataset loaded");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public DatasetsViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = workspace;
        this.executor = executor;
        workspace.selectedDataset().addListener((obs, old, now) -> show(now));
        filter.addListener((obs, old, now) -> {
            visibleRows.setPredicate(r -> r.matches(now));
            updateCounts();
        });
        show(workspace.selectedDataset().get());
    }

    /** The loaded datasets (the workspace's list). */
    public ObservableList<Dataset> datasets() { return workspace.datasets(); }

    /** Selects a dataset: the table, counts and messages follow it. */
    public void select(Dataset dataset) { workspace.selectedDataset().set(dataset); }

    public Dataset selected() { return workspace.selectedDataset().get(); }

    /** Problems of the selected dataset that match the search text. */
    public ObservableList<ProblemRow> problems() { return visibleRows; }

    /** Validation messages of the selected dataset (skipped rows, renamed ids), each naming file and line. */
    public ObservableList<String> warnings() { return warnings; }

    /** Search text: every word must occur in the id, question, answer or options. */
    public StringProperty filter() { return filter; }

    /** e.g. "12 problems · 2 warnings · integer" or "3 of 12 problems match · 2 warnings · integer". */
    public ReadOnlyStringProperty counts() { return counts.getReadOnlyProperty(); }

    /** The outcome of the last load (what was loaded, or why it failed). */
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busy() { return busy; }

    public List<String> builtInNames() { return BuiltInDatasets.list(); }

    /** Loads a built-in dataset in the background, adds and selects it. */
    public void loadBuiltIn(String name) {
        run("Loading " + name, () -> BuiltInDatasets.load(name));
    }

    /**
     * Reads a file's columns and first rows in the background for the import dialog.
     *
     * @param onReady called on the FX thread with the dialog's model
     */
    public void preview(Path file, Consumer<DatasetImportModel> onReady) {
        busy.set(true);
        executor.submit("Reading " + file.getFileName(), p -> DatasetLoader.preview(file, PREVIEW_ROWS),
                preview -> {
                    busy.set(false);
                    message.set("");
                    onReady.accept(new DatasetImportModel(preview));
                },
                this::failed);
    }

    /** Loads {@code file} with {@code mapping} in the background, adds and selects it. */
    public void importDataset(Path file, FieldMapping mapping) {
        run("Loading " + file.getFileName(), () -> DatasetLoader.load(file, mapping));
    }

    private interface DatasetSource {
        Dataset load() throws Exception;
    }

    private void run(String title, DatasetSource source) {
        busy.set(true);
        executor.submit(title, p -> source.load(), this::loaded, this::failed);
    }

    private void loaded(Dataset dataset) {
        busy.set(false);
        workspace.addDataset(dataset);
        workspace.selectedDataset().set(dataset);
        message.set("Loaded " + dataset.name() + ": " + dataset.problems().size() + " problems ("
                + dataset.kind().wireName() + ")" + (dataset.warnings().isEmpty() ? "" : ", "
                + plural(dataset.warnings().size(), "warning") + " below"));
    }

    private void failed(Throwable error) {
        busy.set(false);
        message.set(error.getMessage() == null ? error.toString() : error.getMessage());
    }

    private void show(Dataset dataset) {
        if (dataset == null) {
            allRows.clear();
            warnings.clear();
        } else {
            allRows.setAll(dataset.problems().stream().map(ProblemRow::of).toList());
            warnings.setAll(dataset.warnings());
        }
        updateCounts();
    }

    private void updateCounts() {
        Dataset d = workspace.selectedDataset().get();
        if (d == null) {
            counts.set("No dataset loaded");
            return;
        }
        int total = allRows.size();
        String problems = visibleRows.size() == total ? plural(total, "problem")
                : visibleRows.size() + " of " + plural(total, "problem") + " match";
        String skipped = warnings.isEmpty() ? "" : " · " + plural(warnings.size(), "warning");
        counts.set(problems + skipped + " · " + d.kind().wireName());
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
