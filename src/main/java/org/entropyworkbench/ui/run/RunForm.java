package org.entropyworkbench.ui.run;

import java.util.List;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.entropyworkbench.ui.common.DialogService;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.provider.ApiKeySource;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.core.runner.RunMode;

/**
 * The Run screen's settings form, bound to a {@link RunFormModel}: dataset, server, key source,
 * protocol settings and output file, plus the Probe button. The key field is a PasswordField and
 * its text stays in memory. FX thread.
 */
final class RunForm extends GridPane {

    private final RunViewModel viewModel;
    private final RunFormModel form;
    private int row;

    RunForm(RunViewModel viewModel) {
        this.viewModel = viewModel;
        this.form = viewModel.form();
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(4, 8, 4, 4));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(96);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(150);
        getColumnConstraints().addAll(labels, fields);
        build();
    }

    private void build() {
        section("Dataset and server");
        ComboBox<Dataset> dataset = new ComboBox<>(viewModel.workspace().datasets());
        dataset.valueProperty().bindBidirectional(form.dataset());
        dataset.setCellFactory(lv -> datasetCell());
        dataset.setButtonCell(datasetCell());
        dataset.setPromptText("Load one on the Datasets screen");
        add("Dataset", dataset);

        ComboBox<ServerPreset> preset = new ComboBox<>();
        preset.getItems().setAll(ServerPreset.values());
        preset.valueProperty().bindBidirectional(form.preset());
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(ServerPreset p) { return p == null ? "" : p.label(); }

            @Override
            public ServerPreset fromString(String s) { return null; }
        });
        preset.setId("run-preset");
        add("Server", preset);

        TextField baseUrl = new TextField();
        baseUrl.textProperty().bindBidirectional(form.baseUrl());
        add("Base URL", baseUrl);

        TextField model = new TextField();
        model.setPromptText("e.g. openai/gpt-oss-20b");
        model.textProperty().bindBidirectional(form.model());
        model.setId("run-model");
        add("Model", model);

        TextField keyVariable = new TextField();
        keyVariable.textProperty().bindBidirectional(form.keyVariable());
        keyVariable.setPromptText("no key");
        keyVariable.setTooltip(new Tooltip("Environment variable holding the key; if unset, the same name is looked up in "
                + ApiKeySource.defaultKeysFile() + " (owner-readable only)"));
        add("Key from", keyVariable);

        PasswordField typedKey = new PasswordField();
        typedKey.setPromptText("or type a key (memory only)");
        typedKey.textProperty().bindBidirectional(form.typedKey());
        add("", typedKey);

        Button probe = new Button("Probe");
        probe.setOnAction(e -> viewModel.probe());
        probe.setTooltip(new Tooltip("One short request: are logprobs returned, up to which k, for reasoning too?"));
        probe.disableProperty().bind(form.model().isEmpty());
        probe.setId("run-probe");
        probe.setMinWidth(Region.USE_PREF_SIZE);
        Label probeResult = new Label();
        probeResult.textProperty().bind(viewModel.probeResult());
        probeResult.setWrapText(true);
        probeResult.setMinWidth(0);
        probeResult.setMinHeight(Region.USE_PREF_SIZE);
        probeResult.setId("probe-result");
        probeResult.getStyleClass().add("probe-result");
        viewModel.probeFailed().addListener((obs, a, failed) -> {
            probeResult.getStyleClass().remove("error-text");
            if (failed) {
                probeResult.getStyleClass().add("error-text");
            }
        });
        HBox.setHgrow(probeResult, Priority.ALWAYS);
        HBox probeRow = new HBox(8, probe, probeResult);
        probeRow.setAlignment(Pos.TOP_LEFT);
        add("", probeRow);
        CheckBox startAnyway = new CheckBox("Start anyway (the probe failed)");
        startAnyway.setId("run-start-anyway");
        startAnyway.setWrapText(true);
        startAnyway.selectedProperty().bindBidirectional(viewModel.startDespiteProbe());
        startAnyway.setTooltip(new Tooltip("Start is blocked while the last probe of this server failed;"
                + " tick to start all the same (e.g. a server that is still loading its model)"));
        startAnyway.managedProperty().bind(viewModel.probeFailed());
        startAnyway.visibleProperty().bind(viewModel.probeFailed());
        add("", startAnyway);

        section("Protocol");
        ComboBox<RunMode> mode = new ComboBox<>();
        mode.getItems().setAll(RunMode.values());
        mode.valueProperty().bindBidirectional(form.mode());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunMode m) { return m == null ? "" : m.wireName(); }

            @Override
            public RunMode fromString(String s) { return null; }
        });
        add("Mode", mode);

        Label gate = new Label();
        gate.setId("run-gate");
        gate.textProperty().bind(viewModel.gateText());
        gate.setStyle("-fx-text-fill: #4b5563; -fx-font-size: 11px;");
        gate.setWrapText(true);
        gate.setTooltip(new Tooltip("Gated and budgeted runs apply the loaded calibration's chosen rule or custom τ;"
                + " choose it on the Calibration screen"));
        add("Threshold", gate);

        add("Steps", intSpinner(form.steps(), 1, 10, 1));
        add("Top-k", intSpinner(form.topK(), 1, 20, 1));
        add("Temperature", doubleSpinner(form.temperature(), 0, 2, 0.1));
        add("Max tokens", intSpinner(form.maxTokens(), 16, 131_072, 1024));
        ComboBox<String> effort = new ComboBox<>();
        effort.getItems().setAll("", "low", "medium", "high");
        effort.setEditable(true);
        effort.valueProperty().bindBidirectional(form.reasoningEffort());
        effort.setPromptText("none");
        add("Reasoning", effort);
        add("Concurrency", intSpinner(form.concurrency(), 1, 256, 1));
        add("Requests/min", intSpinner(form.requestsPerMinute(), 0, 100_000, 10));

        section("Output");
        TextField output = new TextField();
        output.textProperty().bindBidirectional(form.output());
        output.setOnKeyTyped(e -> form.outputEdited().set(true));
        output.setTooltip(new Tooltip("Run file (JSON Lines). When it exists the run resumes where it stopped."));
        Button browse = new Button("…");
        browse.setOnAction(e -> chooseOutput());
        HBox.setHgrow(output, Priority.ALWAYS);
        add("Run file", new HBox(4, output, browse));
    }

    private void chooseOutput() {
        DialogService.of(this).chooseFileToSave("Run file", null,
                List.of(DialogService.FileFilter.of("Run files (*.jsonl)", "*.jsonl"))).ifPresent(chosen -> {
                    form.outputEdited().set(true);
                    form.output().set(chosen.toString());
                });
    }

    private void section(String title) {
        Label l = new Label(title);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 13px; -fx-padding: 6 0 0 0;");
        add(l, 0, row++, 2, 1);
    }

    private void add(String label, Node field) {
        if (field instanceof javafx.scene.control.Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        addRow(row++, new Label(label), field);
    }

    private static Spinner<Integer> intSpinner(IntegerProperty p, int min, int max, int step) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, p.get(), step);
        s.setValueFactory(f);
        s.setEditable(true);
        f.valueProperty().addListener((obs, a, b) -> {
            if (b != null) {
                p.set(b);
            }
        });
        p.addListener((obs, a, b) -> f.setValue(b.intValue()));
        s.setPrefWidth(110);
        return s;
    }

    private static Spinner<Double> doubleSpinner(DoubleProperty p, double min, double max, double step) {
        Spinner<Double> s = new Spinner<>();
        SpinnerValueFactory.DoubleSpinnerValueFactory f = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, p.get(), step);
        s.setValueFactory(f);
        s.setEditable(true);
        f.valueProperty().addListener((obs, a, b) -> {
            if (b != null) {
                p.set(b);
            }
        });
        p.addListener((obs, a, b) -> f.setValue(b.doubleValue()));
        s.setPrefWidth(110);
        return s;
    }

    private static ListCell<Dataset> datasetCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Dataset d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.name() + " (" + d.problems().size() + ")");
            }
        };
    }
}
