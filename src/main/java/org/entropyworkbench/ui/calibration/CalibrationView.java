package org.entropyworkbench.ui.calibration;

import static org.entropyworkbench.ui.common.LayoutParts.fixedLabel;
import static org.entropyworkbench.ui.common.TableColumns.column;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.entropyworkbench.ui.common.DialogService;
import org.entropyworkbench.ui.common.ChartExporter;
import org.entropyworkbench.ui.common.Formats;
import org.entropyworkbench.ui.common.ResponsiveTables;
import org.entropyworkbench.ui.common.TableColumns;
import org.entropyworkbench.ui.help.GlossaryLinks;
import org.entropyworkbench.ui.common.TableCsvExporter;
import org.entropyworkbench.ui.workspace.MethodOption;
import org.entropyworkbench.ui.workspace.SampleMode;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Calibration screen: choose the calibration sample (all questions, or repeated n-shot
 * draws), read each rule's τ with its spread and expected effect, export the calibration JSON
 * for serving code or gated runs, and import one to compare. Built in code; FX thread only.
 */
public final class CalibrationView extends BorderPane {

    private final CalibrationViewModel model;
    private final TableView<CalibrationRow> table = new TableView<>();
    private final TauSpreadChart spread = new TauSpreadChart();

    public CalibrationView(CalibrationViewModel model) {
        this.model = model;
        getStyleClass().add("calibration-view");
        setTop(controls());
        ChartViewer viewer = new ChartViewer(spread.chart(), false);
        viewer.setMinSize(200, 160);
        BorderPane chartPane = new BorderPane(viewer);
        HBox chartTools = new HBox(ChartExporter.exportButton(spread::chart, "tau-spread"));
        chartTools.setAlignment(Pos.CENTER_RIGHT);
        chartTools.setPadding(new Insets(2, 4, 0, 4));
        chartPane.setTop(chartTools);
        SplitPane split = new SplitPane(tablePane(), chartPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.54);
        setCenter(split);
        model.rows().addListener((ListChangeListener<CalibrationRow>) c ->
                spread.show(List.copyOf(model.rows()), model.fewShotProperty().get()));
        spread.show(List.copyOf(model.rows()), model.fewShotProperty().get());
    }

    public TableView<CalibrationRow> table() { return table; }

    private VBox controls() {
        ComboBox<SampleMode> mode = new ComboBox<>();
        mode.getItems().setAll(SampleMode.values());
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.setId("sample-mode");
        Spinner<Integer> shots = new Spinner<>(CalibrationViewModel.MIN_SHOTS, CalibrationViewModel.MAX_SHOTS,
                model.shotsProperty().get());
        shots.setPrefWidth(80);
        shots.valueProperty().addListener((obs, old, now) -> model.shotsProperty().set(now));
        model.shotsProperty().addListener((obs, old, now) -> shots.getValueFactory().setValue(now.intValue()));
        TextField seed = new TextField(Long.toString(model.seedProperty().get()));
        seed.setPrefColumnCount(6);
        seed.textProperty().addListener((obs, old, now) -> {
            try {
                model.seedProperty().set(Long.parseLong(now.trim()));
            } catch (NumberFormatException e) {
                seed.setStyle("-fx-border-color: #c0392b;");
                return;
            }
            seed.setStyle("");
        });
        model.seedProperty().addListener((obs, old, now) -> {
            if (!seed.getText().trim().equals(Long.toString(now.longValue()))) {
                seed.setText(Long.toString(now.longValue()));
            }
        });
        Spinner<Integer> draws = new Spinner<>(1, 5000, model.drawsProperty().get(), 50);
        draws.setPrefWidth(95);
        draws.setEditable(true);
        draws.valueProperty().addListener((obs, old, now) -> model.drawsProperty().set(now));
        model.drawsProperty().addListener((obs, old, now) -> draws.getValueFactory().setValue(now.intValue()));
        shots.disableProperty().bind(model.modeProperty().isNotEqualTo(SampleMode.FEW_SHOT));
        seed.disableProperty().bind(shots.disableProperty());
        draws.disableProperty().bind(shots.disableProperty());
        Button compute = new Button("Compute");
        compute.setDefaultButton(true);
        compute.setOnAction(e -> model.compute());
        compute.setId("compute-calibration");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());

        ComboBox<MethodOption> chosen = new ComboBox<>();
        chosen.getItems().setAll(MethodOption.all());
        chosen.valueProperty().bindBidirectional(model.chosenMethodProperty());
        chosen.setId("chosen-method");
        chosen.setTooltip(new Tooltip("The threshold a gated run uses (chosenMethod and chosenTau in the file);"
                + " shared with the Analysis screen, where Custom is the τ you dragged"));
        Label sessionText = new Label();
        sessionText.setId("calibration-session");
        sessionText.textProperty().bind(model.sessionTextProperty());
        sessionText.getStyleClass().add("hint");
        sessionText.setWrapText(true);
        Button export = new Button("Export calibration JSON…");
        export.setId("export-calibration");
        export.setOnAction(e -> {
            DialogService.of(this).chooseFileToSave("Export calibration", "calibration.json",
                    List.of(DialogService.FileFilter.of("Calibration JSON", "*.json"))).ifPresent(model::exportTo);
        });
        Button importButton = new Button("Import calibration…");
        importButton.setOnAction(e -> {
            DialogService.of(this).chooseFileToOpen("Import calibration",
                    List.of(DialogService.FileFilter.of("Calibration JSON", "*.json"))).ifPresent(model::importFrom);
        });

        mode.setMinWidth(120);
        HBox row1 = new HBox(8, fixedLabel("Sample"), mode, fixedLabel("n"), shots, fixedLabel("seed"), seed,
                fixedLabel("draws"), draws, compute, busy);
        for (Region r : new Region[] {shots, seed, draws, compute}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        row1.setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        chosen.setMinWidth(120);
        export.setMinWidth(Region.USE_PREF_SIZE);
        importButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox row2 = new HBox(8, fixedLabel("Rule for gated runs"), chosen, export, importButton, gap);
        row2.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setId("calibration-status");
        status.setWrapText(true);
        Label imported = new Label();
        imported.textProperty().bind(model.importedTextProperty());
        imported.getStyleClass().add("hint");
        Label runName = new Label();
        runName.getStyleClass().add("section-title");
        runName.textProperty().bind(Bindings.createStringBinding(() -> model.workspace().selectedRun().get() == null
                ? "No run" : "Calibrating on " + model.workspace().selectedRun().get().displayName(),
                model.workspace().selectedRun()));
        VBox box = new VBox(6, runName, row1, row2, sessionText, status, imported);
        box.getStyleClass().add("toolbar-row");
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox tablePane() {
        TableColumn<CalibrationRow, String> rule = column("Rule", r -> r.method().label());
        rule.setPrefWidth(180);
        rule.setMinWidth(180);
        TableColumn<CalibrationRow, String> tau = column("τ mean ± sd", r -> Double.isNaN(r.tauSd())
                ? Formats.number(r.tau(), 3) : Formats.number(r.tau(), 3) + " ± " + Formats.number(r.tauSd(), 3));
        tau.setMinWidth(120);
        TableColumn<CalibrationRow, String> range = column("τ min – max", r -> Formats.number(r.tauMin(), 3) + " – "
                + Formats.number(r.tauMax(), 3));
        TableColumn<CalibrationRow, Double> inSample = column("τ (all)", CalibrationRow::inSampleTau);
        TableCsvExporter.formatColumn(inSample, v -> Formats.number(v, 3));
        TableColumn<CalibrationRow, Double> imported = column("τ (imported)", CalibrationRow::importedTau);
        TableCsvExporter.formatColumn(imported, v -> Formats.number(v, 3));
        TableColumn<CalibrationRow, Double> tokens = column("Tokens saved", CalibrationRow::tokenSavings);
        TableCsvExporter.formatColumn(tokens, Formats::percent);
        TableColumn<CalibrationRow, Double> calls = column("Calls saved", CalibrationRow::callSavings);
        TableCsvExporter.formatColumn(calls, Formats::percent);
        TableColumn<CalibrationRow, Double> gated = column("Gated acc", CalibrationRow::gatedAccuracy);
        TableCsvExporter.formatColumn(gated, Formats::percent);
        TableColumn<CalibrationRow, Double> delta = column("Δ-Acc", CalibrationRow::deltaAccuracyPoints);
        TableCsvExporter.formatColumn(delta, Formats::points);
        TableColumn<CalibrationRow, Integer> avail = column("Draws", CalibrationRow::availableDraws);
        TableColumn<CalibrationRow, String> note = column("Note", CalibrationRow::note);
        range.setMinWidth(112);
        inSample.setMinWidth(62);
        imported.setMinWidth(84);
        tokens.setMinWidth(62);
        calls.setMinWidth(62);
        gated.setMinWidth(62);
        delta.setMinWidth(72);
        avail.setMinWidth(55);
        note.setPrefWidth(280);
        for (TableColumn<CalibrationRow, ?> c : List.of(tau, range, imported, tokens, calls, gated)) {
            TableColumns.wrapHeader(c);
        }
        GlossaryLinks.column(rule, "rules");
        GlossaryLinks.column(tau, "tau");
        GlossaryLinks.column(tokens, "token-savings");
        GlossaryLinks.column(calls, "call-savings");
        GlossaryLinks.column(gated, "gated-acc");
        GlossaryLinks.column(delta, "delta-acc");
        note.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(c.widthProperty().subtract(12));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null || item.isEmpty() ? null : text);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        table.getColumns().setAll(List.of(rule, tau, range, inSample, imported, tokens, calls, gated, delta, avail, note));
        table.setItems(model.rows());
        table.setId("calibration-table");
        TableCsvExporter.installContextMenu(table, "calibration");
        ResponsiveTables.fitOrScroll(table);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setId("calibration-placeholder");
        placeholder.textProperty().bind(Bindings.when(model.statusProperty().isEmpty())
                .then("No run to calibrate").otherwise(model.statusProperty()));
        table.setPlaceholder(placeholder);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox tools = new HBox(6, new Label("Expected effects: in-sample on the whole run, or the mean over draws on the"
                + " questions not drawn"), gap, TableCsvExporter.exportButton(table, "calibration"));
        tools.getStyleClass().add("hint");
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, tools, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        return box;
    }
}
