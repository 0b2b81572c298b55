package org.entropyworkbench.ui.datasets;

import java.util.List;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.entropyworkbench.ui.common.DialogService;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.ui.common.TableCsvExporter;

/**
 * The Datasets screen: load a dataset file (through the field-mapping dialog) or a built-in one,
 * pick one of the loaded datasets, and browse its problems with a search field, counts and the
 * validation messages of skipped rows. UI built in code; FX thread; loading happens in the
 * view-model's background tasks.
 */
public final class DatasetsView extends BorderPane {

    private final DatasetsViewModel viewModel;
    private final ListView<Dataset> datasetList = new ListView<>();
    private final TableView<ProblemRow> problemTable = new TableView<>();

    public DatasetsView(DatasetsViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("datasets-view");
        setTop(toolbar());
        SplitPane split = new SplitPane(datasetPane(), problemsPane());
        split.setDividerPositions(0.22);
        setCenter(split);
        setPadding(new Insets(8));
    }

    private HBox toolbar() {
        Button load = new Button("Load dataset…");
        load.setId("load-dataset");
        load.setOnAction(e -> chooseFile());
        load.setTooltip(new Tooltip("JSONL, JSON or CSV; you choose which columns hold the question and answer"));
        MenuButton builtIn = new MenuButton("Built-in datasets");
        builtIn.setId("builtin-datasets");
        for (String name : viewModel.builtInNames()) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> viewModel.loadBuiltIn(name));
            builtIn.getItems().add(item);
        }
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busy());
        Label message = new Label();
        message.textProperty().bind(viewModel.message());
        message.setId("dataset-message");
        HBox bar = new HBox(8, load, builtIn, busy, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        return bar;
    }

    private VBox datasetPane() {
        Label title = new Label("Loaded datasets");
        title.setStyle("-fx-font-weight: bold;");
        datasetList.setItems(viewModel.datasets());
        datasetList.setId("dataset-list");
        datasetList.setPlaceholder(new Label("Load a file or a built-in dataset"));
        datasetList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Dataset d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null
                        : d.name() + "\n" + d.problems().size() + " problems · " + d.kind().wireName());
            }
        });
        datasetList.getSelectionModel().selectedItemProperty().addListener((obs, a, b) -> {
            if (b != null) {
                viewModel.select(b);
            }
        });
        Runnable syncSelection = () -> datasetList.getSelectionModel().select(viewModel.selected());
        viewModel.datasets().addListener((javafx.collections.ListChangeListener<Dataset>) c -> syncSelection.run());
        datasetList.itemsProperty().addListener((obs, a, b) -> syncSelection.run());
        syncSelection.run();
        VBox.setVgrow(datasetList, Priority.ALWAYS);
        VBox box = new VBox(6, title, datasetList);
        box.setMinWidth(180);
        return box;
    }

    private VBox problemsPane() {
        CustomTextField search = new CustomTextField();
        search.setPromptText("Search id, question, answer, options");
        search.setLeft(new Label(" ⌕ "));
        search.textProperty().bindBidirectional(viewModel.filter());
        search.setId("problem-search");
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(420);
        Label counts = new Label();
        counts.textProperty().bind(viewModel.counts());
        counts.setId("problem-counts");
        counts.setPadding(new Insets(0, 6, 0, 0));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, search, gap, counts, TableCsvExporter.exportButton(problemTable, "problems"));
        header.setAlignment(Pos.CENTER_LEFT);

        problemTable.setItems(viewModel.problems());
        problemTable.setId("problem-table");
        TableCsvExporter.installContextMenu(problemTable, "problems");
        problemTable.getColumns().add(DatasetImportDialog.column("Id", ProblemRow::id, 110));
        problemTable.getColumns().add(DatasetImportDialog.column("Question", ProblemRow::question, 620));
        problemTable.getColumns().add(DatasetImportDialog.column("Answer", ProblemRow::answer, 180));
        problemTable.getColumns().add(DatasetImportDialog.column("Kind", ProblemRow::kind, 110));
        problemTable.setPlaceholder(new Label("No problems to show"));
        problemTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(problemTable, Priority.ALWAYS);

        ListView<String> warnings = new ListView<>(viewModel.warnings());
        warnings.setId("dataset-warnings");
        warnings.setPrefHeight(110);
        warnings.setPlaceholder(new Label("No validation messages"));
        TitledPane warningPane = new TitledPane();
        warningPane.textProperty().bind(Bindings.size(viewModel.warnings())
                .asString("Validation messages (%d)"));
        warningPane.setContent(warnings);
        warningPane.setCollapsible(true);

        VBox box = new VBox(8, header, problemTable, warningPane);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private void chooseFile() {
        DialogService.of(this).chooseFileToOpen("Load dataset", List.of(
                        DialogService.FileFilter.of("Datasets (*.jsonl, *.json, *.csv)", "*.jsonl", "*.json", "*.csv"),
                        DialogService.FileFilter.of("All files", "*.*")))
                .ifPresent(this::importFile);
    }

    /** Opens the field-mapping dialog for {@code file} and loads it with the chosen mapping. */
    public void importFile(Path file) {
        viewModel.preview(file, model -> {
            DatasetImportDialog dialog = new DatasetImportDialog(model);
            if (getScene() != null) {
                dialog.initOwner(getScene().getWindow());
            }
            dialog.showAndWait().ifPresent(mapping -> viewModel.importDataset(file, mapping));
        });
    }
}
