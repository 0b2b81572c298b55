package org.entropyworkbench.ui.analysis;

import static org.entropyworkbench.ui.common.LayoutParts.fixedLabel;
import static org.entropyworkbench.ui.common.LayoutParts.spacer;
import static org.entropyworkbench.ui.common.TableColumns.column;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.tradeoff.GradingState;
import org.entropyworkbench.core.analysis.TopKAblationRow;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.entropyworkbench.ui.charts.TokenEntropyPlot;
import org.entropyworkbench.ui.common.ChartExporter;
import org.entropyworkbench.ui.common.ChartOverlay;
import org.entropyworkbench.ui.common.DomainDragHandler;
import org.entropyworkbench.ui.common.FineSliderKeys;
import org.entropyworkbench.ui.common.Formats;
import org.entropyworkbench.ui.workspace.MethodOption;
import org.entropyworkbench.ui.common.MetricTile;
import org.entropyworkbench.ui.common.ResponsiveTables;
import org.entropyworkbench.ui.common.TableColumns;
import org.entropyworkbench.ui.common.WorkbenchColors;
import org.entropyworkbench.ui.common.TableCsvExporter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Analysis screen: how well step-1 entropy separates right from wrong answers in one run,
 * and what stopping at a threshold τ would save and cost. τ moves with the slider, by dragging
 * on the histogram, or by picking a rule. Built in code; FX thread only.
 */
public final class AnalysisView extends BorderPane {

    private final AnalysisViewModel model;
    private final EntropyHistogramChart histogram = new EntropyHistogramChart();
    private final TradeoffCurveChart curve = new TradeoffCurveChart();
    private final ChartViewer histogramViewer = new ChartViewer(histogram.chart(), false);
    private final ChartViewer curveViewer = new ChartViewer(curve.chart(), false);
    private final ChartOverlay histogramOverlay = new ChartOverlay(histogramViewer);
    private final ChartOverlay curveOverlay = new ChartOverlay(curveViewer);
    private final ChartOverlay.VerticalMarker tauLine =
            histogramOverlay.addVerticalMarker(Color.web("#1f2a3a"), 2.6);
    private final ChartOverlay.MarkerLabels ruleLabels = histogramOverlay.addMarkerLabels();
    private final ChartOverlay.PointMarker currentPoint =
            curveOverlay.addPoint(Color.web("#1f2a3a"), 6);
    private final Slider tauSlider = new Slider(0, 2, 1);
    private final TextField tauField = new TextField();
    /** Why the last text typed into the τ field was not taken; empty when it was. */
    private final Label tauFieldProblem = new Label();
    /** Arrow-key steps of the τ slider, bits. */
    private static final double TAU_KEY_STEP = 0.001;
    private static final double TAU_SHIFT_KEY_STEP = 0.01;
    private final ComboBox<MethodOption> methodBox = new ComboBox<>();
    private final TableView<QuestionRow> questionTable = new TableView<>();
    private final TableView<TopKAblationRow> ablationTable = new TableView<>();
    private final TableView<StepRecord> stepTable = new TableView<>();
    /** Tall enough for the header and the protocol's 4 steps without a scroll bar. */
    private final Label tokenRecordsNote = new Label();
    /** Each Top-k ablation sub-column: wide enough that "Information-" over two sub-columns is not cut. */
    private static final double ABLATION_SUB_WIDTH = 72;
    private static final double STEP_TABLE_HEIGHT = 30 + 4 * 24 + 4;
    /** Width of the τ row above which the "(or drag on the histogram)" hint fits beside the slider. */
    private static final double WIDE_ROW = 900;
    /** Rules whose τ agree to within this (bits) share one label ("Bayes, mean 0.798"). */
    private static final double SAME_TAU = 5e-4;
    /** Width of the separation and baseline lines: beside the tiles on a wide screen, under them on a narrow one. */
    private static final double STATS_WIDTH = 400;
    /** The same lines' width beside the compact tiles (which leave less room in the row). */
    private static final double COMPACT_STATS_WIDTH = 300;
    /** The charts' share of the height under the tiles on a short screen: the question table keeps four rows. */
    private static final double COMPACT_CHARTS_SHARE = 0.53;
    /**
     * Below this height of the screen (a 1024 x 700 laptop window) the tiles are compact (interval beside the
     * figure, no whisker bar) and the separation lines smaller, so the charts keep a usable plot area.
     */
    static final double COMPACT_BELOW = 820;
    /** True while the screen is shorter than {@link #COMPACT_BELOW}. */
    private final BooleanBinding compact = heightProperty().greaterThan(0).and(heightProperty().lessThan(COMPACT_BELOW));
    private final TokenEntropyPlot tokenPlot = new TokenEntropyPlot();
    private final QuestionReader reader = new QuestionReader();
    private boolean updatingSlider;
    private TableColumn<QuestionRow, Double> h1Column;
    private final List<TableColumn<TopKAblationRow, Double>> ablationTauColumns = new ArrayList<>();
    private final Label unitLabel = fixedLabel("bits");
    private final ComboBox<Signal> signalBox = new ComboBox<>();

    public AnalysisView(AnalysisViewModel model) {
        this.model = model;
        getStyleClass().add("analysis-view");
        setTop(new VBox(toolbar(), tauRow(), metricsRow()));
        SplitPane charts = new SplitPane(
                chartPane(histogramOverlay, () -> histogram.exportChart(model.shown(model.tauProperty().get())), "entropy-histogram"),
                chartPane(curveOverlay, () -> curve.exportChart(model.pointProperty().get()), "savings-vs-accuracy"));
        charts.setDividerPositions(0.55);
        SplitPane main = new SplitPane(charts, bottomTabs());
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.5);
        compact.addListener((obs, old, now) -> main.setDividerPositions(now ? COMPACT_CHARTS_SHARE : 0.5));
        setCenter(main);

        DomainDragHandler.install(histogramViewer, model::setShownTau);
        histogramViewer.setId("entropy-histogram");
        Tooltip.install(histogramViewer, new Tooltip("Click or drag to move τ"));

        model.analysisProperty().addListener((obs, old, now) -> showAnalysis(now));
        model.tauProperty().addListener((obs, old, now) -> showTau(now.doubleValue()));
        model.pointProperty().addListener((obs, old, now) -> showPoint(now));
        model.intervals().reportProperty().addListener((obs, old, now) -> curve.setIntervals(now, model.analysis()));
        model.selectedStepsProperty().addListener((obs, old, now) -> showSteps(now));
        model.stepsLoadingProperty().addListener((obs, old, now) -> showSteps(model.selectedStepsProperty().get()));
        model.stepsErrorProperty().addListener((obs, old, now) -> showSteps(model.selectedStepsProperty().get()));
        showAnalysis(model.analysis());
        showTau(model.tauProperty().get());
        showPoint(model.pointProperty().get());
    }

    /** The histogram viewer (the screenshot tour and tests drag on it). */
    public ChartViewer histogramViewer() { return histogramViewer; }

    public Slider tauSlider() { return tauSlider; }

    public EntropyHistogramChart histogram() { return histogram; }

    /** The current-τ line drawn over the histogram. */
    public ChartOverlay.VerticalMarker tauLine() { return tauLine; }

    /** The rules' τ labels above the histogram. */
    public ChartOverlay.MarkerLabels ruleLabels() { return ruleLabels; }

    public TradeoffCurveChart curve() { return curve; }

    /** The savings curve's viewer (tests measure its plot area). */
    public ChartViewer curveViewer() { return curveViewer; }

    public TableView<QuestionRow> questionTable() { return questionTable; }

    /** The drill-down's question reader content (tests read it). */
    public VBox questionReaderContent() { return reader.content(); }

    /**
     * Writes both charts (PNG and SVG) and both tables (CSV) of the current analysis into
     * {@code folder}; returns the files written. FX thread (reads the tables).
     */
    public List<Path> exportAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (var entry : Map.of(
                "entropy-histogram", histogram.exportChart(model.shown(model.tauProperty().get())),
                "savings-vs-accuracy", curve.exportChart(model.pointProperty().get())).entrySet()) {
            Path png = folder.resolve(entry.getKey() + ".png");
            ChartExporter.savePng(entry.getValue(), png, ChartExporter.DEFAULT_WIDTH, ChartExporter.DEFAULT_HEIGHT);
            Path svg = folder.resolve(entry.getKey() + ".svg");
            ChartExporter.saveSvg(entry.getValue(), svg, ChartExporter.DEFAULT_WIDTH, ChartExporter.DEFAULT_HEIGHT);
            written.add(png);
            written.add(svg);
        }
        Path questions = folder.resolve("questions.csv");
        TableCsvExporter.save(questionTable, questions);
        Path ablation = folder.resolve("topk-ablation.csv");
        TableCsvExporter.save(ablationTable, ablation);
        written.add(questions);
        written.add(ablation);
        return written;
    }

    // ---- layout ---------------------------------------------------------------------------

    private HBox toolbar() {
        Label runLabel = new Label();
        runLabel.getStyleClass().add("section-title");
        runLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.runProperty().get() == null ? "No run" : model.runProperty().get().displayName(),
                model.runProperty()));
        runLabel.setMinWidth(120);
        runLabel.setMaxWidth(900);
        runLabel.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(runLabel.getText()), runLabel.textProperty()));

        methodBox.getItems().setAll(MethodOption.all());
        methodBox.valueProperty().bindBidirectional(model.methodProperty());
        methodBox.setId("method-selector");
        methodBox.setTooltip(new Tooltip("Snap τ to a rule's value, or Custom"));

        tauSlider.setId("tau-slider");
        tauSlider.setPrefWidth(260);
        tauSlider.setMinWidth(160);
        HBox.setHgrow(tauSlider, Priority.SOMETIMES);
        tauSlider.valueProperty().addListener((obs, old, now) -> {
            if (!updatingSlider) {
                model.setShownTau(now.doubleValue());
            }
        });
        tauField.setId("tau-field");
        tauField.setPrefColumnCount(6);
        FineSliderKeys.install(tauSlider, TAU_KEY_STEP, TAU_SHIFT_KEY_STEP);
        tauSlider.setTooltip(new Tooltip("←/→ move τ by 0.001 bits, Shift+←/→ by 0.01, Home/End to the ends"));
        tauField.setOnAction(e -> {
            TauInput input = TauInput.parse(tauField.getText());
            if (input.ok()) {
                tauFieldProblem.setText("");
                model.setShownTau(input.value());
            } else {
                tauFieldProblem.setText(input.problem());
                showTau(model.tauProperty().get());
            }
        });
        tauFieldProblem.setId("tau-field-problem");
        tauFieldProblem.getStyleClass().add("error-text");
        tauFieldProblem.setMinWidth(160);
        tauFieldProblem.setWrapText(true);
        tauFieldProblem.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(tauFieldProblem.getText()), tauFieldProblem.textProperty()));
        model.tauProperty().addListener((obs, old, now) -> tauFieldProblem.setText(""));
        tauFieldProblem.managedProperty().bind(tauFieldProblem.textProperty().isNotEmpty());
        tauFieldProblem.visibleProperty().bind(tauFieldProblem.managedProperty());

        ComboBox<Integer> kBox = new ComboBox<>();
        kBox.getItems().setAll(AnalysisViewModel.K_VALUES);
        kBox.setValue(model.kProperty().get());
        kBox.setId("k-selector");
        kBox.setTooltip(new Tooltip("Top-k logprobs used for the entropy"));
        ComboBox<BayesPriors> priorsBox = new ComboBox<>();
        priorsBox.getItems().setAll(BayesPriors.values());
        priorsBox.setId("priors-selector");
        priorsBox.setValue(model.priorsProperty().get());
        priorsBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(BayesPriors p) { return p == null ? "" : p.id() + " priors"; }

            @Override
            public BayesPriors fromString(String s) { return BayesPriors.fromId(s.replace(" priors", "")); }
        });
        priorsBox.setTooltip(new Tooltip("Class priors of the Bayes-optimal rule"));
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> model.reanalyse());
        kBox.valueProperty().addListener((obs, old, now) -> {
            model.kProperty().set(now);
            debounce.playFromStart();
        });
        priorsBox.valueProperty().addListener((obs, old, now) -> {
            model.priorsProperty().set(now);
            debounce.playFromStart();
        });
        model.kProperty().addListener((obs, old, now) -> kBox.setValue(now.intValue()));
        model.priorsProperty().addListener((obs, old, now) -> priorsBox.setValue(now));

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMinSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        kBox.setMinWidth(Region.USE_PREF_SIZE);
        priorsBox.setMinWidth(Region.USE_PREF_SIZE);

        signalBox.getItems().setAll(Signal.values());
        signalBox.setId("signal-selector");
        signalBox.setValue(model.signalProperty().get());
        signalBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Signal s) { return s == null ? "" : s.label(); }

            @Override
            public Signal fromString(String s) { return Signal.fromId(s); }
        });
        signalBox.setTooltip(new Tooltip("The step-1 confidence signal the rules, charts and calibration work on"
                + " (docs/signals.md defines each)"));
        signalBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.signalProperty().set(now);
            }
        });
        model.signalProperty().addListener((obs, old, now) -> signalBox.setValue(now));
        signalBox.setPrefWidth(200);
        signalBox.setMinWidth(130);
        HBox bar = new HBox(runLabel, busy, spacer(), fixedLabel("Signal"), signalBox, fixedLabel("Top-k for H"), kBox, fixedLabel("Bayes"), priorsBox);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private HBox tauRow() {
        Label hint = new Label("(or drag on the histogram)");
        hint.getStyleClass().add("hint");
        methodBox.setMinWidth(140);
        HBox row = new HBox(8, fixedLabel("Rule"), methodBox, fixedLabel("Threshold τ"), tauSlider, tauField,
                unitLabel, hint, tauFieldProblem);
        hint.managedProperty().bind(row.widthProperty().greaterThan(WIDE_ROW).and(tauFieldProblem.textProperty().isEmpty()));
        hint.visibleProperty().bind(hint.managedProperty());
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 8, 0, 8));
        tauSlider.setPrefWidth(420);
        tauSlider.setMinWidth(120);
        HBox.setHgrow(tauSlider, Priority.ALWAYS);
        return row;
    }

    private VBox metricsRow() {
        List<MetricTile> tiles = List.of(
                new MetricTile("Token savings", "Completion tokens of steps 2..S not spent on stopped questions, "
                        + "as a share of all tokens", model.tokenSavingsTextProperty(), "token-savings", "token-savings"),
                new MetricTile("Call savings", "(S-1)·stopped / (S·N): API calls not made",
                        model.callSavingsTextProperty(), "call-savings", "call-savings"),
                new MetricTile("Gated accuracy", "Step-1 answer when stopped, step-S answer otherwise",
                        model.gatedAccuracyTextProperty(), "gated-accuracy", "gated-acc"),
                new MetricTile("Thresh Acc", "Step-1 accuracy of the stopped questions",
                        model.threshAccuracyTextProperty(), "thresh-accuracy", "thresh-acc"),
                new MetricTile("Δ-Acc", "Gated accuracy minus S-step accuracy (percentage points)",
                        model.deltaAccuracyTextProperty(), "delta-accuracy", "delta-acc"),
                new MetricTile("Stopped", "Questions stopped after step 1 (H1 ≤ τ) out of all complete questions",
                        model.stoppedTextProperty(), "stopped", "stopped"),
                new MetricTile("τ", "The current threshold in the signal's units; under it the chosen rule's 95 % "
                        + "bootstrap interval", model.intervals().tauTextProperty(), "tau-value", "tau")
                        .showInterval(model.intervals().tauProperty(), "tau-interval"),
                new MetricTile("AUROC", "Chance that a correct step-1 answer looks more confident than an incorrect "
                        + "one (0.5 = chance); under it the 95 % bootstrap interval", model.intervals().aurocTextProperty(),
                        "auroc", "auroc").showInterval(model.intervals().aurocProperty(), "auroc-interval"),
                new MetricTile("Cohen's d", "Separation of correct and incorrect step-1 values in pooled standard "
                        + "deviations; under it the 95 % bootstrap interval", model.intervals().cohensDTextProperty(),
                        "cohens-d", "cohens-d").showInterval(model.intervals().cohensDProperty(), "cohens-d-interval"));
        tiles.get(0).showInterval(model.intervals().savingsProperty(), "token-savings-interval");
        tiles.get(4).showInterval(model.intervals().deltaProperty(), "delta-accuracy-interval");
        Label separation = new Label();
        separation.textProperty().bind(model.separationTextProperty());
        separation.getStyleClass().add("stat-line");
        separation.setId("separation-text");
        Label baseline = new Label();
        baseline.textProperty().bind(model.baselineTextProperty());
        baseline.getStyleClass().add("stat-line");
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("warning-text");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        separation.setWrapText(true);
        baseline.setWrapText(true);
        VBox stats = new VBox(2, separation, baseline);
        stats.setAlignment(Pos.CENTER_LEFT);
        stats.setPrefWidth(STATS_WIDTH);
        FlowPane row = new FlowPane(8, 4);
        row.getChildren().addAll(tiles);
        row.getChildren().add(stats);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, message);
        box.setPadding(new Insets(6, 8, 4, 8));
        tiles.forEach(t -> t.compactProperty().bind(compact));
        Runnable restyle = () -> {
            box.getStyleClass().remove("compact");
            if (compact.get()) {
                box.getStyleClass().add("compact");
            }
            row.setVgap(compact.get() ? 3 : 4);
            stats.setPrefWidth(compact.get() ? COMPACT_STATS_WIDTH : STATS_WIDTH);
            box.setPadding(compact.get() ? new Insets(4, 8, 2, 8) : new Insets(6, 8, 4, 8));
        };
        compact.addListener((obs, old, now) -> restyle.run());
        restyle.run();
        return box;
    }

    private BorderPane chartPane(ChartOverlay overlay, Supplier<JFreeChart> chart,
                                 String name) {
        BorderPane pane = new BorderPane(overlay);
        ChartViewer viewer = overlay.viewer();
        JFreeChart shown = viewer.getChart();
        Label title = new Label();
        title.getStyleClass().add("chart-title");
        title.setMinWidth(0);
        Tooltip fullTitle = new Tooltip();
        fullTitle.textProperty().bind(title.textProperty());
        title.setTooltip(fullTitle);
        Runnable placeTitle = () -> {
            TextTitle t = shown.getTitle();
            title.setText(t == null ? "" : t.getText());
            title.setVisible(compact.get());
            if (t != null && t.isVisible() == compact.get()) {
                t.setVisible(!compact.get());
            }
        };
        shown.addChangeListener(e -> placeTitle.run());
        compact.addListener((obs, old, now) -> placeTitle.run());
        placeTitle.run();
        Supplier<JFreeChart> titled = () -> {
            JFreeChart copy = chart.get();
            if (copy.getTitle() != null) {
                copy.getTitle().setVisible(true);
            }
            return copy;
        };
        MenuButton export = ChartExporter.exportButton(titled, name);
        export.setMinWidth(Region.USE_PREF_SIZE);
        HBox tools = new HBox(6, title, spacer(), export);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setPadding(new Insets(2, 4, 0, 4));
        pane.setTop(tools);
        viewer.setMinSize(200, 160);
        return pane;
    }

    private TabPane bottomTabs() {
        TabPane tabs = new TabPane(new Tab("Questions", questionsPane()), new Tab("Top-k ablation", ablationPane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private SplitPane questionsPane() {
        TableColumn<QuestionRow, String> id = column("Question", QuestionRow::questionId);
        TableColumn<QuestionRow, Double> h1 = column("H1 (bits)", r -> model.shown(r.h1()));
        h1Column = h1;
        TableCsvExporter.formatColumn(h1, v -> Formats.number(v, 3));
        TableColumn<QuestionRow, String> correct = column("Correct at step 1..S", QuestionRow::correctness);
        TableColumn<QuestionRow, Integer> t1 = column("Tokens 1", QuestionRow::step1Tokens);
        TableColumn<QuestionRow, Long> total = column("Tokens all", QuestionRow::totalTokens);
        TableColumn<QuestionRow, String> stopped = new TableColumn<>("Stops");
        stopped.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().stoppedAt(model.tauProperty().get()) ? "yes" : "no"));
        id.setPrefWidth(90);
        h1.setPrefWidth(75);
        correct.setPrefWidth(125);
        correct.setText("Correct 1..S");
        correct.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(!empty && QuestionRow.NO_GOLD_MARK.equals(item) ? new Tooltip("no gold answer") : null);
            }
        });
        t1.setPrefWidth(75);
        total.setPrefWidth(80);
        questionTable.getColumns().setAll(List.of(id, h1, correct, t1, total, stopped));
        questionTable.setItems(model.questions());
        questionTable.setId("question-table");
        stopped.setPrefWidth(60);
        ResponsiveTables.fitOrScroll(questionTable);
        questionTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(QuestionRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("stopped-row");
                if (!empty && item != null && item.stoppedAt(model.tauProperty().get())) {
                    getStyleClass().add("stopped-row");
                }
            }
        });
        questionTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> model.selectedQuestionProperty().set(now));
        Label placeholder = new Label("No complete questions");
        questionTable.setPlaceholder(placeholder);

        TableColumn<StepRecord, Integer> step = column("Step", StepRecord::step);
        TableColumn<StepRecord, String> answer = column("Answer", s -> s.extractedAnswer() == null ? "(none)" : s.extractedAnswer());
        TableColumn<StepRecord, String> ok = column("Correct", s -> s.correct() == null ? "ungradable"
                : s.correct() ? "yes" : "no");
        TableColumn<StepRecord, Integer> tokens = column("Tokens", StepRecord::completionTokens);
        TableColumn<StepRecord, String> mean = column("Mean H (bits)", s -> Formats.number(meanOf(s.entropies(model.kProperty().get())), 3));
        stepTable.getColumns().setAll(List.of(step, answer, ok, tokens, mean));
        ResponsiveTables.fitOrScroll(stepTable);
        stepTable.setPlaceholder(new Label("Click a question to see its steps"));
        stepTable.setFixedCellSize(24);
        stepTable.setPrefHeight(STEP_TABLE_HEIGHT);
        stepTable.setMinHeight(STEP_TABLE_HEIGHT);
        TableCsvExporter.installContextMenu(stepTable, "question-steps");
        TableCsvExporter.installContextMenu(questionTable, "questions");
        TableCsvExporter.installContextMenu(ablationTable, "topk-ablation");

        tokenPlot.setEmptyMessage("Click a question to plot its per-token entropy");
        StackPane plotHolder = new StackPane(tokenPlot.node());
        plotHolder.setMinHeight(120);
        tokenRecordsNote.getStyleClass().add("hint");
        tokenRecordsNote.setId("token-records-note");
        tokenRecordsNote.managedProperty().bind(tokenRecordsNote.visibleProperty());
        tokenRecordsNote.setVisible(false);
        tokenRecordsNote.setMinHeight(Region.USE_PREF_SIZE);
        tokenRecordsNote.setTooltip(new Tooltip("Run files may keep per-token records for only part of each step"
                + " (the sample runs cap them); the plot shows the recorded tokens"));
        VBox drill = new VBox(4, stepTable, tokenRecordsNote, plotHolder);
        VBox.setVgrow(plotHolder, Priority.ALWAYS);
        drill.setPadding(new Insets(4));

        HBox tableTools = new HBox(6, new Label("Rows shaded green stop after step 1 at the current τ"), spacer(),
                TableCsvExporter.exportButton(questionTable, "questions"));
        tableTools.setAlignment(Pos.CENTER_LEFT);
        tableTools.getStyleClass().add("hint");
        VBox left = new VBox(4, tableTools, questionTable);
        VBox.setVgrow(questionTable, Priority.ALWAYS);
        left.setPadding(new Insets(4));
        Tab stepsTab = new Tab("Steps", drill);
        Tab readTab = new Tab("Read the question", reader.node());
        readTab.setId("tab-read-question");
        TabPane drillTabs = new TabPane(stepsTab, readTab);
        drillTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        drillTabs.setId("drill-tabs");
        SplitPane split = new SplitPane(left, drillTabs);
        split.setDividerPositions(0.5);
        return split;
    }

    private VBox ablationPane() {
        TableColumn<TopKAblationRow, Integer> k = column("k", TopKAblationRow::k);
        TableColumn<TopKAblationRow, Double> d = column("Cohen's d", TopKAblationRow::cohensD);
        TableCsvExporter.formatColumn(d, v -> Formats.number(v, 3));
        TableColumn<TopKAblationRow, Double> p = column("p", TopKAblationRow::pValue);
        TableCsvExporter.formatColumn(p, Formats::pValue);
        ablationTable.getColumns().setAll(List.of(k, d, p));
        for (ThresholdMethod m : ThresholdMethod.values()) {
            TableColumn<TopKAblationRow, Object> group = new TableColumn<>(m.label());
            TableColumn<TopKAblationRow, Double> tau = column("τ (bits)", r -> model.shown(r.tau().get(m)));
            ablationTauColumns.add(tau);
            TableCsvExporter.formatColumn(tau, v -> Formats.number(v, 3));
            TableColumn<TopKAblationRow, Double> saving = column("Token savings", r -> r.tokenSavings().get(m));
            TableCsvExporter.formatColumn(saving, Formats::percent);
            tau.setText("τ (bits)");
            saving.setText("savings");
            tau.setMinWidth(ABLATION_SUB_WIDTH);
            saving.setMinWidth(ABLATION_SUB_WIDTH);
            group.getColumns().addAll(List.of(tau, saving));
            TableColumns.wrapHeader(group);
            ablationTable.getColumns().add(group);
        }
        k.setMinWidth(40);
        d.setMinWidth(80);
        p.setMinWidth(70);
        ablationTable.setItems(model.ablation());
        ablationTable.setId("ablation-table");
        ablationTable.setPlaceholder(new Label("Computing the top-k ablation…"));
        ResponsiveTables.fitOrScroll(ablationTable);
        HBox tools = new HBox(6, new Label("Separation and each rule's τ and token savings when H uses only the top k logprobs"),
                spacer(), TableCsvExporter.exportButton(ablationTable, "topk-ablation"));
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("hint");
        VBox box = new VBox(4, tools, ablationTable);
        VBox.setVgrow(ablationTable, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        return box;
    }

    // ---- updates --------------------------------------------------------------------------

    private void showAnalysis(RunAnalysis a) {
        histogram.setSignal(model.signalProperty().get());
        Signal signal = model.signalProperty().get();
        unitLabel.setText(signal.unit());
        h1Column.setText(signal == Signal.DEFAULT ? "H1 (bits)" : "Step 1 (" + signal.unit() + ")");
        ablationTauColumns.forEach(c -> c.setText("τ (" + signal.unit() + ")"));
        if (a == null) {
            histogram.setClasses(new double[0], new double[0]);
            histogram.setMethodTaus(null);
        } else {
            if (a.gradingState() == GradingState.UNGRADED) {
                histogram.setUngraded(a.runOutcomes().allStep1H());
            } else {
                histogram.setClasses(a.runOutcomes().correctH(), a.runOutcomes().incorrectH());
            }
            histogram.setMethodTaus(a.thresholds());
        }
        List<Double> taus = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        histogram.methodTaus().forEach((m, t) -> {
            int same = -1;
            for (int i = 0; i < taus.size(); i++) {
                if (Math.abs(taus.get(i) - t) < SAME_TAU) {
                    same = i;
                }
            }
            if (same >= 0) {
                texts.set(same, WorkbenchColors.shortLabel(m) + ", " + texts.get(same));
                colors.set(same, Color.web("#1f2a3a"));
                return;
            }
            taus.add(t);
            texts.add(EntropyHistogramChart.markerLabel(m, t));
            java.awt.Color c = WorkbenchColors.method(m);
            colors.add(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
        });
        ruleLabels.set(taus, texts, colors);
        curve.setAnalysis(a);
        curve.setIntervals(model.intervals().report(), a);
        updatingSlider = true;
        try {
            tauSlider.setMin(model.tauMin());
            tauSlider.setMax(model.tauMax());
        } finally {
            updatingSlider = false;
        }
        showTau(model.tauProperty().get());
        stepTable.getItems().clear();
        tokenRecordsNote.setVisible(false);
        tokenPlot.clear();
        reader.clear("Click a question to read it");
    }

    private void showPoint(TradeoffPoint p) {
        if (p == null || model.analysis() != null && !model.analysis().gradingState().hasClasses()) {
            currentPoint.set(Double.NaN, Double.NaN);
        } else {
            currentPoint.set(100 * p.tokenSavings(), 100 * p.gatedAccuracy());
        }
    }

    private void showTau(double gateTau) {
        double tau = model.shown(gateTau);
        tauLine.set(tau, Double.isFinite(tau) ? String.format(Locale.ROOT, "τ = %.3f", tau) : "");
        updatingSlider = true;
        try {
            if (Double.isFinite(tau) && tauSlider.getValue() != tau) {
                tauSlider.setValue(Math.max(tauSlider.getMin(), Math.min(tauSlider.getMax(), tau)));
            }
        } finally {
            updatingSlider = false;
        }
        tauField.setText(Double.isFinite(tau) ? String.format(Locale.ROOT, "%.3f", tau) : "");
        questionTable.refresh();
    }

    private void showSteps(List<StepRecord> steps) {
        stepTable.getItems().setAll(steps);
        String note = tokenRecordsNote(steps, model.kProperty().get());
        tokenRecordsNote.setText(note);
        tokenRecordsNote.setVisible(!note.isEmpty());
        if (steps.isEmpty()) {
            tokenPlot.clear();
        } else {
            tokenPlot.setSteps(steps, model.kProperty().get());
        }
        QuestionRow question = model.selectedQuestionProperty().get();
        if (question == null) {
            reader.clear("Click a question to read it");
        } else if (model.stepsLoadingProperty().get()) {
            reader.clear("Loading this question's tokens from the run file…");
        } else if (!model.stepsErrorProperty().get().isEmpty()) {
            reader.clear(model.stepsErrorProperty().get());
        } else {
            var run = model.runProperty().get();
            reader.show(question.questionId(), QuestionLookup.find(run == null ? null : run.header(),
                    model.workspace().datasets(), question.questionId()), steps, model.kProperty().get());
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    /**
     * Says so when the file records per-token entropy for fewer tokens than a step produced (sample
     * runs cap the records per step), so a short x axis is not mistaken for a short step; empty otherwise.
     */
    static String tokenRecordsNote(List<StepRecord> steps, int k) {
        long recorded = 0;
        long produced = 0;
        for (StepRecord s : steps) {
            double[] h = s.entropies(k);
            int n = h == null ? 0 : h.length;
            recorded += n;
            produced += Math.max(n, s.completionTokens());
        }
        if (steps.isEmpty() || recorded >= produced) {
            return "";
        }
        return String.format(Locale.ROOT, "Per-token entropy recorded for %,d of these steps' %,d tokens",
                recorded, produced);
    }

    private static double meanOf(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
