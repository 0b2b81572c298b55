package org.entropyworkbench.ui.signals;

import static org.entropyworkbench.ui.common.TableColumns.column;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.entropyworkbench.ui.common.ChartExporter;
import org.entropyworkbench.ui.common.ResponsiveTables;
import org.entropyworkbench.ui.common.TableColumns;
import org.entropyworkbench.ui.common.TableCsvExporter;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Signals screen: the selected run's confidence signals ranked by AUROC with their 95 % bootstrap
 * intervals, unavailable signals last with the reason, every signal's savings-vs-accuracy curve overlaid
 * beside the table, a button that makes the chosen signal the one Analysis, Calibration and Compare work
 * on, and a Transfer tab (calibrate on one loaded run, evaluate on another). Built in code; FX thread only.
 */
public final class SignalsView extends BorderPane {

    private final SignalsViewModel model;
    private final TableView<SignalRow> table = new TableView<>();
    private final SignalCurvesChart curves = new SignalCurvesChart();

    public SignalsView(SignalsViewModel model) {
        this.model = model;
        getStyleClass().add("signals-view");

        Label title = new Label("Which signal knows? Step-1 confidence signals ranked by AUROC");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMinSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button use = new Button("Analyse with this signal");
        use.setId("use-signal");
        use.setMinWidth(Region.USE_PREF_SIZE);
        use.setTooltip(new Tooltip("Make the selected signal the one Analysis, Calibration and Compare work on"));
        use.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            SignalRow r = table.getSelectionModel().getSelectedItem();
            return r == null || !r.available();
        }, table.getSelectionModel().selectedItemProperty()));
        use.setOnAction(e -> model.useOnAnalysis(table.getSelectionModel().getSelectedItem().signal()));
        HBox header = new HBox(8, title, busy, spacer, use);
        header.setAlignment(Pos.CENTER_LEFT);

        Label settings = new Label();
        settings.setId("signals-settings");
        settings.getStyleClass().add("hint");
        settings.setWrapText(true);
        settings.textProperty().bind(model.settingsTextProperty());
        Label explain = new Label("AUROC: the chance that a correct step-1 answer looks more confident than an incorrect"
                + " one (0.5 = chance, 1 = perfect); an interval that includes 0.5 cannot tell the signal from chance.");
        explain.setTooltip(new Tooltip("docs/signals.md defines each signal, its source and its direction"));
        explain.getStyleClass().add("hint");
        explain.setWrapText(true);
        Label message = new Label();
        message.setId("signals-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        buildTable();
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.available()) {
                model.highlightedProperty().set(now.signal());
            }
        });
        model.curves().addListener((ListChangeListener<SignalCurve>) c ->
                curves.setCurves(model.curves(), model.highlightedProperty().get()));
        model.highlightedProperty().addListener((obs, old, now) -> curves.highlight(now));
        curves.setCurves(model.curves(), model.highlightedProperty().get());
        ChartViewer viewer = new ChartViewer(curves.chart(), false);
        viewer.setId("signal-curves");
        viewer.setMinSize(260, 220);
        HBox chartTools = new HBox(ChartExporter.exportButton(curves::chart, "signal-curves"));
        chartTools.setAlignment(Pos.CENTER_RIGHT);
        Label chartHint = new Label("Dashed: high = confident. Click a row to draw its curve on top.");
        chartHint.getStyleClass().add("hint");
        chartHint.setWrapText(true);
        chartHint.setMinHeight(Region.USE_PREF_SIZE);
        VBox chartPane = new VBox(2, chartTools, viewer, chartHint);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        SplitPane ranking = new SplitPane(table, chartPane);
        ranking.setId("signals-split");
        settings.setMinHeight(Region.USE_PREF_SIZE);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        VBox rankingBox = new VBox(6, settings, explain, ranking);
        VBox.setVgrow(ranking, Priority.ALWAYS);
        rankingBox.setPadding(new Insets(6, 0, 0, 0));
        ranking.widthProperty().addListener((obs, old, now) -> orient(ranking, now.doubleValue()));

        Tab rankingTab = new Tab("Ranking and trade-off curves", rankingBox);
        rankingTab.setId("signals-ranking-tab");
        Tab transferTab = new Tab("Transfer: calibrate on one run, evaluate on another", new TransferView(model.transfer()));
        transferTab.setId("signals-transfer-tab");
        TabPane tabs = new TabPane(rankingTab, transferTab);
        tabs.setId("signals-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox box = new VBox(6, header, message, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        setCenter(box);
    }

    /** Table beside the chart when there is room for both, else the chart under the table. */
    private static void orient(SplitPane split, double width) {
        Orientation wanted = width >= SIDE_BY_SIDE_WIDTH ? Orientation.HORIZONTAL : Orientation.VERTICAL;
        if (split.getOrientation() != wanted) {
            split.setOrientation(wanted);
            split.setDividerPositions(wanted == Orientation.HORIZONTAL ? 0.6 : 0.52);
        }
    }

    /** Width from which the ranking table and the curves sit side by side. */
    private static final double SIDE_BY_SIDE_WIDTH = 1300;

    public TableView<SignalRow> table() { return table; }

    /** The overlay of every signal's trade-off curve. */
    public SignalCurvesChart curves() { return curves; }

    private void buildTable() {
        table.setId("signals-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No signals ranked yet"));
        TableColumn<SignalRow, String> rank = column("#", r -> r.rank() == 0 ? "" : Integer.toString(r.rank()));
        rank.setPrefWidth(36);
        TableColumn<SignalRow, String> name = column("Signal", SignalRow::label);
        name.setPrefWidth(230);
        TableColumn<SignalRow, String> direction = column("Direction, units", SignalRow::direction);
        direction.setPrefWidth(150);
        TableColumn<SignalRow, String> auroc = column("AUROC", SignalRow::aurocText);
        auroc.setPrefWidth(70);
        TableColumn<SignalRow, String> interval = column("95 % interval", SignalRow::interval);
        interval.setPrefWidth(120);
        TableColumn<SignalRow, String> auprc = column("AUPRC (base)", SignalRow::auprcText);
        auprc.setPrefWidth(130);
        TableColumn<SignalRow, String> d = column("Cohen's d [95 %]", SignalRow::cohensD);
        d.setPrefWidth(140);
        TableColumn<SignalRow, String> p = column("p Welch / perm.", SignalRow::pText);
        p.setPrefWidth(120);
        TableColumn<SignalRow, String> n = column("n correct / incorrect", SignalRow::counts);
        n.setPrefWidth(120);
        TableColumn<SignalRow, String> note = column("Availability", SignalRow::note);
        note.setPrefWidth(360);
        TableColumns.textWithTooltip(note);
        table.getColumns().setAll(List.of(rank, name, direction, auroc, interval, auprc, d, p, n, note));
        for (TableColumn<SignalRow, ?> c : table.getColumns()) {
            c.setMinWidth(Math.min(c.getPrefWidth(), 60));
            TableColumns.wrapHeader(c);
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SignalRow item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && !item.available() ? "-fx-opacity: 0.65;" : "");
            }
        });
        ResponsiveTables.fitOrScroll(table);
        TableCsvExporter.installContextMenu(table, "signals");
    }
}
