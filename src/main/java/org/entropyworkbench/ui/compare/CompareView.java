package org.entropyworkbench.ui.compare;

import static org.entropyworkbench.ui.common.TableColumns.column;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.common.ChartExporter;
import org.entropyworkbench.ui.common.Formats;
import org.entropyworkbench.ui.common.TableColumns;
import org.entropyworkbench.ui.help.GlossaryLinks;
import org.entropyworkbench.ui.common.TableCsvExporter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Compare screen: two or more runs side by side (separation statistics, each rule's
 * savings and Δ-Acc) with their step-1 entropy distributions overlaid, so one sees at a glance
 * which model's entropy tells right from wrong. Built in code; FX thread only.
 */
public final class CompareView extends BorderPane {

    private final CompareViewModel model;
    private final TableView<CompareRow> table = new TableView<>();
    private final DensityOverlayChart density = new DensityOverlayChart();
    private final SeparationBarChart bars = new SeparationBarChart();
    private final Label finding = new Label();

    public CompareView(CompareViewModel model) {
        this.model = model;
        getStyleClass().add("compare-view");

        ListView<CompareViewModel.Entry> runs = new ListView<>(model.entries());
        StringConverter<CompareViewModel.Entry> names = new StringConverter<>() {
            @Override
            public String toString(CompareViewModel.Entry entry) {
                return entry == null ? "" : twoLines(entry.run().shortName());
            }

            @Override
            public CompareViewModel.Entry fromString(String text) {
                throw new UnsupportedOperationException("the runs list is not editable");
            }
        };
        runs.setCellFactory(list -> {
            CheckBoxListCell<CompareViewModel.Entry> cell =
                    new CheckBoxListCell<>(CompareViewModel.Entry::selectedProperty, names);
            cell.setWrapText(true);
            cell.setStyle("-fx-font-size: 12px;");
            cell.setPrefWidth(0);
            return cell;
        });
        runs.setId("compare-runs");
        Label title = new Label("Runs to compare");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Tick two or more runs");
        hint.getStyleClass().add("hint");
        VBox left = new VBox(6, title, hint, runs);
        VBox.setVgrow(runs, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setPrefWidth(240);
        left.setMinWidth(180);

        finding.setWrapText(true);
        finding.getStyleClass().add("stat-line");
        finding.setId("compare-finding");
        SplitPane charts = new SplitPane(chartPane(density.chart(), "compare-densities"), chartPane(bars.chart(), "compare-cohens-d"));
        charts.setDividerPositions(0.62);
        SplitPane right = new SplitPane(tablePane(), charts);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.40);
        Label settings = new Label();
        settings.setId("compare-settings");
        settings.getStyleClass().add("hint");
        settings.textProperty().bind(model.settingsText());
        VBox centre = new VBox(4, finding, settings, right);
        VBox.setVgrow(right, Priority.ALWAYS);
        centre.setPadding(new Insets(6, 6, 6, 0));
        SplitPane split = new SplitPane(left, centre);
        split.setDividerPositions(0.175);
        SplitPane.setResizableWithParent(left, false);
        setCenter(split);

        model.rows().addListener((ListChangeListener<CompareRow>) c -> update());
        update();
    }

    public TableView<CompareRow> table() { return table; }

    private void update() {
        density.show(List.copyOf(model.compared()));
        bars.show(List.copyOf(model.rows()));
        finding.setText(findingText(model.rows()));
    }

    /** A one-line reading of the comparison: which runs' entropy separates right from wrong. */
    static String findingText(List<CompareRow> rows) {
        if (rows.size() < 2) {
            return "Tick at least two runs to compare them.";
        }
        List<String> yes = new ArrayList<>();
        List<String> no = new ArrayList<>();
        for (CompareRow r : rows) {
            String s = r.name() + " (d = " + Formats.number(r.cohensD(), 2) + ", p " + pText(r.pValue()) + ")";
            (r.separates() ? yes : no).add(s);
        }
        StringBuilder sb = new StringBuilder();
        if (!yes.isEmpty()) {
            Signal signal = rows.get(0).signal();
            sb.append(signal == Signal.DEFAULT ? "Entropy" : signal.label()).append(" separates right from wrong: ").append(String.join("; ", yes)).append(". ");
        }
        if (!no.isEmpty()) {
            sb.append("No usable separation: ").append(String.join("; ", no)).append('.');
        }
        return sb.toString().trim();
    }

    private static String pText(double p) {
        String t = Formats.pValue(p);
        return t.startsWith("<") ? t : "= " + t;
    }

    /** A numeric column shown (and exported as CSV) through {@code format}, {@code width} pixels wide. */
    private static TableColumn<CompareRow, Double> numberColumn(String title, Function<CompareRow, Double> value,
            Function<Double, String> format, double width) {
        TableColumn<CompareRow, Double> c = column(title, value);
        TableCsvExporter.formatColumn(c, format);
        c.setPrefWidth(width);
        return c;
    }

    private VBox tablePane() {
        List<TableColumn<CompareRow, ?>> cols = new ArrayList<>();
        TableColumn<CompareRow, String> name = column("Run", CompareRow::name);
        name.setPrefWidth(212);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : twoLines(item));
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        cols.add(name);
        TableColumn<CompareRow, String> n = column("n correct / incorrect", CompareRow::classesText);
        n.setPrefWidth(85);
        cols.add(n);
        TableColumn<CompareRow, String> auroc = column("AUROC [95 %]", CompareRow::aurocText);
        auroc.setPrefWidth(112);
        auroc.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.replace(" [", "\n["));
            }
        });
        auroc.setId("compare-auroc");
        cols.add(auroc);
        TableColumn<CompareRow, Double> d = numberColumn("Cohen's d", CompareRow::cohensD, v -> Formats.number(v, 3), 64);
        cols.add(d);
        TableColumn<CompareRow, Double> p = numberColumn("p", CompareRow::pValue, Formats::pValue, 66);
        cols.add(p);
        TableColumn<CompareRow, Double> overlap = numberColumn("Overlap", CompareRow::overlap, Formats::percent, 66);
        cols.add(overlap);
        TableColumn<CompareRow, Double> s1 = numberColumn("Step-1 acc", CompareRow::step1Accuracy, Formats::percent, 60);
        cols.add(s1);
        TableColumn<CompareRow, Double> fin = numberColumn("S-step acc", CompareRow::finalAccuracy, Formats::percent, 60);
        cols.add(fin);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            TableColumn<CompareRow, Object> group = new TableColumn<>(m.label());
            TableColumn<CompareRow, Double> sav = numberColumn("savings", r -> r.tokenSavings().get(m), Formats::percent, 60);
            TableColumn<CompareRow, Double> del = numberColumn("Δ-Acc", r -> r.deltaAccuracy().get(m), Formats::points, 70);
            group.getColumns().addAll(List.of(sav, del));
            GlossaryLinks.column(sav, "token-savings");
            GlossaryLinks.column(del, "delta-acc");
            TableColumns.wrapHeader(group);
            cols.add(group);
        }
        for (TableColumn<CompareRow, ?> c : List.of(n, auroc, d, s1, fin)) {
            TableColumns.wrapHeader(c);
        }
        GlossaryLinks.column(d, "cohens-d");
        GlossaryLinks.column(p, "cohens-d");
        GlossaryLinks.column(overlap, "cohens-d");
        GlossaryLinks.column(s1, "step1-acc");
        GlossaryLinks.column(fin, "s-step-acc");
        table.getColumns().setAll(cols);
        table.setItems(model.rows());
        table.setId("compare-table");
        table.setFixedCellSize(40);
        TableCsvExporter.installContextMenu(table, "compare");
        table.setPlaceholder(new Label("Tick runs on the left"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox tools = new HBox(6, new Label("Savings are token savings; Δ-Acc is gated minus S-step accuracy"), gap,
                TableCsvExporter.exportButton(table, "compare"));
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("hint");
        VBox box = new VBox(4, tools, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** A run name "model / dataset" on two lines, so long names fit a narrow list or column. */
    static String twoLines(String name) {
        return name.replace(" / ", " /\n");
    }

    private static BorderPane chartPane(JFreeChart chart, String name) {
        ChartViewer viewer = new ChartViewer(chart, false);
        viewer.setMinSize(200, 150);
        BorderPane pane = new BorderPane(viewer);
        HBox tools = new HBox(ChartExporter.exportButton(() -> chart, name));
        tools.setAlignment(Pos.CENTER_RIGHT);
        tools.setPadding(new Insets(2, 4, 0, 4));
        pane.setTop(tools);
        return pane;
    }

}
