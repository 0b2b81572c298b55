package org.entropyworkbench.ui.run;

import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.entropyworkbench.ui.common.DialogService;
import org.entropyworkbench.ui.common.TableCsvExporter;

/**
 * The Run screen: the settings form with Probe, Start / Pause / Cancel and "Replay recorded run…"
 * on the left; on the right the run's progress with time left, the live per-token entropy plot of
 * the streams in flight beside the followed stream's tinted text, and the per-question status table.
 * Live data arrives through one 25 Hz tick of the view-model, never per token. FX thread.
 */
public final class RunView extends BorderPane {

    private final RunViewModel viewModel;
    private final LiveTokenDisplays live = new LiveTokenDisplays();
    private final TableView<QuestionStatusRow> table;
    private final ProgressBar progressBar = new ProgressBar(0);
    private final ListView<String> messages;

    public RunView(RunViewModel viewModel) {
        this.viewModel = viewModel;
        this.table = StatusTable.create(viewModel.questions());
        this.messages = new ListView<>(viewModel.messages());
        getStyleClass().add("run-view");
        viewModel.setLiveSink(live);
        SplitPane split = new SplitPane(leftPane(), rightPane());
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        setCenter(split);
        setPadding(new Insets(6));
        sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene before, Scene now) {
                if (now != null) {
                    sceneProperty().removeListener(this);
                    Platform.runLater(RunView.this::warmUpCells);
                    viewModel.warmUpLiveDisplays();
                }
            }
        });
    }

    /** The status table (tests look at it). */
    public TableView<QuestionStatusRow> statusTable() { return table; }

    /** The overall progress bar (tests look at it). */
    public ProgressBar progressBar() { return progressBar; }

    /**
     * Once, just after the screen entered its scene: the status table and the message list make
     * their first cells now (see {@link CellWarmUp}), not when the first run starts or ends.
     */
    private void warmUpCells() {
        CellWarmUp.warmUp(table, table.itemsProperty(), StatusTable.warmUpSample());
        CellWarmUp.warmUp(messages, messages.itemsProperty(), "warm-up");
    }

    private VBox leftPane() {
        ScrollPane formScroll = new ScrollPane(new RunForm(viewModel));
        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(formScroll, Priority.ALWAYS);

        Button start = new Button("Start");
        start.setId("run-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> viewModel.startRun());
        start.disableProperty().bind(viewModel.running().or(viewModel.startBlocked()));
        Button pause = new Button();
        pause.setId("run-pause");
        pause.textProperty().bind(Bindings.when(viewModel.paused()).then("Resume").otherwise("Pause"));
        pause.setOnAction(e -> {
            if (viewModel.paused().get()) {
                viewModel.resume();
            } else {
                viewModel.pause();
            }
        });
        pause.disableProperty().bind(viewModel.running().not());
        Button cancel = new Button("Cancel");
        cancel.setId("run-cancel");
        cancel.setOnAction(e -> viewModel.cancel());
        cancel.disableProperty().bind(viewModel.running().not());
        for (Button b : new Button[]{start, pause, cancel}) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        HBox controls = new HBox(6, start, pause, cancel);

        Button replay = new Button("Replay recorded run…");
        replay.setId("run-replay");
        replay.setMaxWidth(Double.MAX_VALUE);
        replay.setTooltip(new Tooltip("Streams a recorded run file through the same screen (teaching demo)"));
        replay.setOnAction(e -> chooseReplay());
        replay.disableProperty().bind(viewModel.running());
        Spinner<Integer> speed = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100_000, (int) viewModel.replaySpeed().get(), 100);
        speed.setValueFactory(f);
        speed.setEditable(true);
        speed.setPrefWidth(100);
        f.valueProperty().addListener((obs, a, b) -> viewModel.replaySpeed().set(b == null ? 0 : b));
        viewModel.replaySpeed().addListener((obs, a, b) -> f.setValue((int) Math.round(b.doubleValue())));
        Label speedLabel = new Label("tokens/s per stream (0 = max)");
        speedLabel.setStyle("-fx-font-size: 11px; -fx-text-fill: #4b5563;");
        HBox speedRow = new HBox(6, speed, speedLabel);
        speedRow.setAlignment(Pos.CENTER_LEFT);

        Button follow = new Button("Follow a serve record…");
        follow.setId("run-follow");
        follow.setMaxWidth(Double.MAX_VALUE);
        follow.setTooltip(new Tooltip("Watch a file ew serve --record is writing, on the Follow screen"));
        follow.setOnAction(e -> follow.fireEvent(new org.entropyworkbench.ui.common.FollowRequest()));

        VBox box = new VBox(8, formScroll, controls, replay, speedRow, follow);
        box.setPadding(new Insets(0, 6, 0, 0));
        box.setMinWidth(300);
        box.setPrefWidth(340);
        return box;
    }

    private VBox rightPane() {
        Label title = new Label();
        title.textProperty().bind(Bindings.when(viewModel.runTitle().isEmpty())
                .then("No run yet").otherwise(viewModel.runTitle()));
        title.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        progressBar.progressProperty().bind(viewModel.progress());
        progressBar.setMaxWidth(Double.MAX_VALUE);
        progressBar.setId("run-progress");
        HBox.setHgrow(progressBar, Priority.ALWAYS);
        Label percent = new Label();
        percent.textProperty().bind(viewModel.progress().multiply(100).asString(Locale.ROOT, "%.0f %%"));
        percent.setMinWidth(44);
        HBox bar = new HBox(8, progressBar, percent);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label counts = new Label();
        counts.textProperty().bind(viewModel.progressText());
        counts.setId("run-progress-text");
        Label status = new Label();
        status.textProperty().bind(viewModel.status());
        status.setStyle("-fx-text-fill: #374151;");
        status.setId("run-status");
        status.setWrapText(true);
        Label modelWarning = new Label();
        modelWarning.textProperty().bind(viewModel.modelWarning());
        modelWarning.getStyleClass().add("warning-banner");
        modelWarning.setWrapText(true);
        modelWarning.setId("run-model-warning");
        modelWarning.managedProperty().bind(viewModel.modelWarning().isNotEmpty());
        modelWarning.visibleProperty().bind(modelWarning.managedProperty());
        VBox header = new VBox(4, title, bar, counts, status, modelWarning);

        Label following = new Label();
        following.textProperty().bind(live.following());
        following.setStyle("-fx-font-weight: bold;");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button followAny = new Button("Follow any");
        followAny.setTooltip(new Tooltip("Show whichever stream is active (select a row to follow one question)"));
        followAny.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            live.pin(null);
        });
        HBox textHeader = new HBox(6, following, gap, followAny);
        textHeader.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(live.text().node(), Priority.ALWAYS);
        VBox textBox = new VBox(4, textHeader, live.text().node(), new TintLegend());
        textBox.setMinWidth(260);

        SplitPane streams = new SplitPane(live.plot().node(), textBox);
        streams.setDividerPositions(0.58);

        configureTable();
        messages.setPlaceholder(new Label("No warnings"));
        messages.setPrefWidth(300);
        messages.setId("run-messages");
        SplitPane lower = new SplitPane(table, messages);
        lower.setDividerPositions(0.74);

        SplitPane vertical = new SplitPane(streams, lower);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.56);
        VBox.setVgrow(vertical, Priority.ALWAYS);
        VBox box = new VBox(8, header, vertical);
        box.setPadding(new Insets(0, 0, 0, 6));
        return box;
    }

    private void configureTable() {
        table.setId("run-status-table");
        TableCsvExporter.installContextMenu(table, "run-status");
        table.setPlaceholder(new Label("Questions of the run appear here"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, a, b) ->
                live.pin(b == null ? null : b.questionId()));
    }

    private void chooseReplay() {
        Path samples = Path.of(System.getProperty("ewb.sampleRuns", "sample-runs"));
        DialogService.of(this).chooseFileToOpen("Replay recorded run",
                        List.of(DialogService.FileFilter.of("Run files (*.jsonl, *.jsonl.gz)", "*.jsonl", "*.jsonl.gz")),
                        Files.isDirectory(samples) ? samples : null)
                .ifPresent(chosen -> viewModel.startReplay(chosen, viewModel.replaySpeed().get()));
    }
}
