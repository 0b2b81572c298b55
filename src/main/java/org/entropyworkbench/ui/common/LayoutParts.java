package org.entropyworkbench.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small pieces the screens' tool bars are built from. FX thread only. */
public final class LayoutParts {

    private LayoutParts() {
    }

    /** A label that keeps its whole text: the fields next to it shrink instead. */
    public static Label fixedLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** An empty region that takes the spare width of an {@link HBox}, pushing what follows to the right. */
    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
