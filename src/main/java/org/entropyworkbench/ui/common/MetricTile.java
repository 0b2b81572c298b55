package org.entropyworkbench.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A small labelled number ("Token savings / 37.4 %") bound to a view-model string. With a glossary
 * entry, its tooltip says so and a click on the tile opens the guide there ({@link HelpRequest}).
 * FX thread only.
 */
public final class MetricTile extends VBox {

    private final Label value = new Label();

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
        getChildren().addAll(title, value);
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
}
