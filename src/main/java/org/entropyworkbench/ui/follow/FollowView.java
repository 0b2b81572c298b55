package org.entropyworkbench.ui.follow;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileReader;
import org.entropyworkbench.core.follow.TrafficSnapshot;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.ui.common.ChartExporter;
import org.entropyworkbench.ui.common.DialogService;
import org.entropyworkbench.ui.common.MetricTile;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Follow screen: a growing {@code ew serve --record} file watched live. Tiles for requests seen, the
 * observed stop rate against the calibration's expected one, tokens used and the estimated tokens saved;
 * the traffic's H histogram against the calibration's correct/incorrect classes below. Polls twice a
 * second while the screen follows a file (the reading happens off the FX thread). Built in code; FX thread.
 */
public final class FollowView extends BorderPane {

    private final FollowViewModel model;
    private final FollowChart chart = new FollowChart();
    private final Timeline timer;

    public FollowView(FollowViewModel model) {
        this.model = model;
        getStyleClass().add("follow-view");

        Label title = new Label("Follow live traffic: a serve record read while ew serve writes it");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        Button open = new Button("Follow a serve record…");
        open.setId("follow-open");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setTooltip(new Tooltip("Pick the file ew serve --record writes; the view reads what is appended"));
        open.setOnAction(e -> chooseRecord());
        Button calibration = new Button("Calibration…");
        calibration.setId("follow-calibration");
        calibration.setMinWidth(Region.USE_PREF_SIZE);
        calibration.setTooltip(new Tooltip("The calibration file the proxy serves with (its τ and its classes)"));
        calibration.setOnAction(e -> chooseCalibration());
        Button stop = new Button("Stop following");
        stop.setId("follow-stop");
        stop.setMinWidth(Region.USE_PREF_SIZE);
        stop.disableProperty().bind(model.following().not());
        stop.setOnAction(e -> model.stop());
        HBox buttons = new HBox(8, open, calibration, stop);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label record = hint(model.recordText().get(), "follow-record");
        record.textProperty().bind(model.recordText());
        Label gate = hint("", "follow-gate");
        gate.textProperty().bind(model.gateText());
        Label message = new Label();
        message.setId("follow-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.message());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        FlowPane tiles = new FlowPane(8, 6,
                new MetricTile("Requests seen", "Requests in the record so far (one per completion id)",
                        model.requests(), "follow-requests"),
                new MetricTile("Stop rate (observed)", "Requests whose step-1 signal is at or below τ, of those with a"
                        + " usable signal", model.stopRate(), "follow-stop-rate"),
                new MetricTile("Stop rate (expected)", "The share of the calibration run's labelled questions at or"
                        + " below τ: what the traffic should show if it looks like the calibration data",
                        model.expectedStopRate(), "follow-expected"),
                new MetricTile("Tokens used", "Completion tokens of every recorded step", model.tokens(), "follow-tokens"),
                new MetricTile("Tokens saved (estimate)", "Against refining every request; see the note below the tiles",
                        model.saved(), "follow-saved"));
        Label savings = hint("", "follow-savings-note");
        savings.textProperty().bind(model.savingsNote());

        ChartViewer viewer = new ChartViewer(chart.chart(), false);
        viewer.setMinSize(200, 180);
        viewer.setPrefHeight(360);
        BorderPane chartPane = new BorderPane(viewer);
        HBox tools = new HBox(ChartExporter.exportButton(chart::chart, "follow-histogram"));
        tools.setAlignment(Pos.CENTER_RIGHT);
        chartPane.setTop(tools);

        VBox box = new VBox(6, title, buttons, record, gate, message, tiles, savings, chartPane);
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        setCenter(box);

        model.traffic().addListener((obs, old, now) -> redraw());
        model.calibration().addListener((obs, old, now) -> redraw());
        timer = new Timeline(new KeyFrame(Duration.millis(FollowViewModel.POLL_MILLIS), e -> model.poll()));
        timer.setCycleCount(Timeline.INDEFINITE);
        model.following().addListener((obs, was, now) -> {
            if (now) {
                timer.play();
            } else {
                timer.stop();
            }
            redraw();
        });
        redraw();
    }

    private static Label hint(String text, String id) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setId(id);
        return l;
    }

    /** The file menu's "Follow a serve record…" and the button: pick the file, then follow it. */
    public void chooseRecord() {
        DialogService.of(this).chooseFileToOpen("Follow a serve record (ew serve --record FILE)", List.of(
                DialogService.FileFilter.of("Run files", "*.jsonl"),
                DialogService.FileFilter.of("All files", "*.*"))).ifPresent(model::follow);
    }

    private void chooseCalibration() {
        DialogService dialogs = DialogService.of(this);
        dialogs.chooseFileToOpen("Calibration the proxy serves with", List.of(
                DialogService.FileFilter.of("Calibration", "*.json"),
                DialogService.FileFilter.of("All files", "*.*"))).ifPresent(p -> readCalibration(dialogs, p));
    }

    private void readCalibration(DialogService dialogs, Path file) {
        try {
            CalibrationFile cal = CalibrationFileReader.read(file);
            model.calibrationChosen(cal);
        } catch (Exception e) {
            dialogs.showError("Cannot use " + file.getFileName(), e.getMessage());
        }
    }

    private void redraw() {
        CalibrationFile cal = model.gateCalibration();
        TrafficSnapshot t = model.traffic().get();
        Signal signal = Signal.DEFAULT;
        if (cal != null) {
            try {
                signal = cal.gateSignal();
            } catch (IllegalArgumentException e) {
                signal = Signal.DEFAULT;
            }
        }
        chart.show(t.scores(), cal == null ? null : cal.classDistribution(), signal,
                cal == null ? Double.NaN : cal.chosenTau());
        String noClasses = cal != null && cal.classDistribution() == null
                ? "calibration has no class distribution (written before the field existed): only τ is drawn" : null;
        chart.chart().getXYPlot().setNoDataMessage(noClasses != null ? noClasses
                : model.following().get() ? "No traffic yet: requests appear here as the record grows"
                : "Follow a serve record to see its traffic here");
        if (noClasses != null && t.scores().length > 0) {
            chart.chart().getTitle().setText("Live traffic (the calibration has no class distribution)");
        } else {
            chart.chart().getTitle().setText("Live traffic vs the calibration's classes");
        }
    }
}
