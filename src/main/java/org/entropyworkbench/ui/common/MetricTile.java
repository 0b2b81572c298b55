package org.entropyworkbench.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** A small labelled number ("Token savings / 37.4 %") bound to a view-model string. FX thread only. */
public final class MetricTile extends VBox {

    private final Label value = new Label();

    public MetricTile(String name, String explanation, ObservableValue<String> text, String id) {
        Label title = new Label(name);
        title.getStyleClass().add("metric-name");
        value.getStyleClass().add("metric-value");
        value.textProperty().bind(text);
        value.setId(id);
        getStyleClass().add("metric-tile");
        getChildren().addAll(title, value);
        Tooltip.install(this, new Tooltip(explanation));
    }

    public Label valueLabel() { return value; }
}
