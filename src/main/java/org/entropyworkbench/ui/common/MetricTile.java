package org.entropyworkbench.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A small labelled number ("Token savings / 37.4 %") bound to a view-model string. With a glossary
 * entry, its tooltip says so and a click on the tile opens the guide there ({@link HelpRequest}).
 * FX thread only.
 */
public final class MetricTile extends VBox {

    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final Label value = new Label();
    private final HBox valueLine = new HBox(5, value);
    private final BooleanProperty compact = new SimpleBooleanProperty(this, "compact");
    private Label intervalLabel;

    public MetricTile(String name, String explanation, ObservableValue<String> text, String id) {
        this(name, explanation, text, id, null);
    }

    /** @param glossaryId the glossary entry that explains this metric, or null */
    public MetricTile(String name, String explanation, ObservableValue<String> text, String id, String glossaryId) {
        Label title = new Label(name);
        title.getStyleClass().add("metric-name");
        value.getStyleClass().add("metric-value");
        value.textProperty().bind(text);
        value.setId(id);
        getStyleClass().add("metric-tile");
        valueLine.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(title, valueLine);
        compact.addListener((obs, old, now) -> pseudoClassStateChanged(COMPACT, now));
        String tip = explanation;
        if (glossaryId != null) {
            tip += "\n\nClick for the glossary entry (Help ▸ Guide and glossary)";
            setCursor(Cursor.HAND);
            setOnMouseClicked(e -> fireEvent(new HelpRequest(glossaryId)));
            getProperties().put(GLOSSARY_KEY, glossaryId);
        }
        Tooltip.install(this, new Tooltip(tip));
    }

    /** Key of the tile's glossary entry id in {@link #getProperties()} (tests). */
    public static final String GLOSSARY_KEY = MetricTile.class.getName() + ".glossary";

    public Label valueLabel() { return value; }

    /**
     * Compact tiles (a short window) show the interval's text beside the figure and no whisker bar, so two
     * rows of tiles leave the charts room. FX thread only.
     */
    public BooleanProperty compactProperty() { return compact; }

    /**
     * Adds the 95 % interval under the figure: its text ("[0.48, 0.77]", "interval…") and a whisker bar,
     * following {@code figure} (the bar keeps its place when hidden, so the tile does not jump between a rule
     * and a custom τ). The tile keeps its figure line unchanged. When {@linkplain #compactProperty() compact},
     * the same label sits beside the figure and the bar is left out. Returns this tile.
     */
    public MetricTile showInterval(ObservableValue<IntervalFigure> figure, String id) {
        Label text = new Label();
        text.getStyleClass().add("metric-interval");
        text.setId(id);
        WhiskerBar bar = new WhiskerBar();
        bar.setId(id + "-bar");
        VBox below = new VBox(text, bar);
        getChildren().add(below);
        Runnable place = () -> {
            boolean inline = compact.get();
            below.setManaged(!inline);
            below.setVisible(!inline);
            valueLine.getChildren().remove(text);
            below.getChildren().remove(text);
            if (inline) {
                valueLine.getChildren().add(text);
            } else {
                below.getChildren().add(0, text);
            }
        };
        compact.addListener((obs, old, now) -> place.run());
        place.run();
        Runnable update = () -> {
            IntervalFigure f = figure.getValue() == null ? IntervalFigure.none() : figure.getValue();
            text.setText(f.text());
            bar.show(f);
        };
        figure.addListener((obs, old, now) -> update.run());
        update.run();
        intervalLabel = text;
        return this;
    }

    /** The interval's text under the figure, or null when the tile shows none (tests). */
    public Label intervalLabel() { return intervalLabel; }
}
