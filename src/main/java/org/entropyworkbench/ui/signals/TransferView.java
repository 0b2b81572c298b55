package org.entropyworkbench.ui.signals;

import static org.entropyworkbench.ui.common.LayoutParts.fixedLabel;
import static org.entropyworkbench.ui.common.LayoutParts.spacer;
import static org.entropyworkbench.ui.common.TableColumns.column;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.entropyworkbench.ui.common.ResponsiveTables;
import org.entropyworkbench.ui.common.TableColumns;
import org.entropyworkbench.ui.common.TableCsvExporter;
import org.entropyworkbench.ui.workspace.LoadedRun;

/**
 * The transfer section of the Signals screen: pick the run that calibrates τ and the run it is applied to,
 * read each rule's τ, savings and Δ-Acc in-sample vs transferred, and the plain verdict (in the warning
 * colour when the gate would lose accuracy). Built in code; FX thread only.
 */
public final class TransferView extends VBox {

    private final TransferViewModel model;
    private final TableView<TransferRow> table = new TableView<>();

    public TransferView(TransferViewModel model) {
        this.model = model;
        getStyleClass().add("transfer-view");
        ComboBox<LoadedRun> calibrate = runBox("transfer-calibration", model.calibrationRunProperty());
        ComboBox<LoadedRun> evaluate = runBox("transfer-evaluation", model.evaluationRunProperty());
        Button swap = new Button("⇄ Swap");
        swap.setId("transfer-swap");
        swap.setMinWidth(Region.USE_PREF_SIZE);
        swap.setOnAction(e -> model.swap());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMinSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        FlowPane pickers = new FlowPane(8, 4, fixedLabel("Calibrate on"), calibrate, fixedLabel("Evaluate on"), evaluate, swap, busy);
        pickers.setAlignment(Pos.CENTER_LEFT);

        Label settings = new Label();
        settings.setId("transfer-settings");
        settings.getStyleClass().add("hint");
        settings.setWrapText(true);
        settings.textProperty().bind(model.settingsTextProperty());
        Label verdict = new Label();
        verdict.setId("transfer-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.textProperty().bind(model.verdictProperty());
        verdict.getStyleClass().add("stat-line");
        model.losesAccuracyProperty().addListener((obs, old, now) -> styleVerdict(verdict, now));
        styleVerdict(verdict, model.losesAccuracyProperty().get());
        Label explain = new Label("In-sample: the evaluation run calibrated on its own step 1. Transferred: the"
                + " calibration run's τ applied to the evaluation run. Δ-Acc is gated minus the evaluation run's"
                + " S-step accuracy; a negative transferred Δ-Acc means the gate would lose accuracy there.");
        explain.getStyleClass().add("hint");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);

        buildTable();
        HBox tools = new HBox(6, spacer(), TableCsvExporter.exportButton(table, "transfer"));
        getChildren().addAll(pickers, settings, verdict, table, tools, explain);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        setSpacing(6);
        setPadding(new Insets(6, 0, 0, 0));
    }

    public TableView<TransferRow> table() { return table; }

    private ComboBox<LoadedRun> runBox(String id, javafx.beans.property.ObjectProperty<LoadedRun> property) {
        ComboBox<LoadedRun> box = new ComboBox<>(model.runs());
        box.setId(id);
        box.valueProperty().bindBidirectional(property);
        box.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(200, Math.min(420, (getWidth() - 300) / 2)), widthProperty()));
        box.setMinWidth(160);
        box.setTooltip(new Tooltip("One of the loaded runs (File ▸ Open… adds more)"));
        return box;
    }

    private void buildTable() {
        table.setId("transfer-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("Pick two loaded runs"));
        TableColumn<TransferRow, String> rule = column("Rule", TransferRow::rule);
        rule.setPrefWidth(165);
        TableColumn<TransferRow, String> tauIn = column("τ in-sample", TransferRow::tauInSample);
        TableColumn<TransferRow, String> tauA = column("τ transferred", TransferRow::tauTransferred);
        TableColumn<TransferRow, String> savIn = column("Savings in-sample", TransferRow::savingsInSample);
        TableColumn<TransferRow, String> savA = column("Savings transferred", TransferRow::savingsTransferred);
        TableColumn<TransferRow, String> dIn = column("Δ-Acc in-sample", TransferRow::deltaInSample);
        TableColumn<TransferRow, String> dA = column("Δ-Acc transferred", TransferRow::deltaTransferred);
        for (TableColumn<TransferRow, String> c : List.of(tauIn, tauA, savIn, savA, dIn, dA)) {
            c.setPrefWidth(82);
        }
        TableColumn<TransferRow, String> verdict = column("Verdict", TransferRow::verdict);
        verdict.setPrefWidth(420);
        TableColumns.textWithTooltip(verdict);
        table.getColumns().setAll(List.of(rule, tauIn, tauA, savIn, savA, dIn, dA, verdict));
        for (TableColumn<TransferRow, ?> c : table.getColumns()) {
            c.setMinWidth(Math.min(c.getPrefWidth(), 70));
            TableColumns.wrapHeader(c);
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TransferRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("losing-row");
                if (!empty && item != null && item.losesAccuracy()) {
                    getStyleClass().add("losing-row");
                }
            }
        });
        table.setFixedCellSize(26);
        table.setPrefHeight(40 + 4 * 26 + 6);
        table.setMinHeight(40 + 4 * 26 + 6);
        ResponsiveTables.fitOrScroll(table);
        TableCsvExporter.installContextMenu(table, "transfer");
    }

    private static void styleVerdict(Label verdict, boolean loses) {
        verdict.getStyleClass().removeAll("warning-text", "verdict-holds");
        verdict.getStyleClass().add(loses ? "warning-text" : "verdict-holds");
    }
}
