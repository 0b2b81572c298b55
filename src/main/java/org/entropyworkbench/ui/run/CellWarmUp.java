package org.entropyworkbench.ui.run;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;

/**
 * Makes a table or list create, style and lay out its first cell before it has real items. The
 * first cells a virtualised control shows cost tens of milliseconds to 200 ms on the FX thread
 * (cell skins loaded, styled and laid out for the first time); on the Run screen that pause would
 * otherwise land exactly when a run starts or ends, while the live plot should move. FX thread.
 */
final class CellWarmUp {

    private CellWarmUp() {
    }

    /**
     * Shows {@code sample} alone in {@code control}, styles and lays it out, and puts the real
     * (still empty) {@code items} back, all within one FX-thread call: nothing is rendered in
     * between, so the sample is never seen, and the cell stays in the control's pool for the first
     * real item. Does nothing unless the control is in a scene and its items are empty.
     */
    static <T> void warmUp(Control control, ObjectProperty<ObservableList<T>> itemsProperty, T sample) {
        ObservableList<T> items = itemsProperty.get();
        if (control.getScene() == null || items == null || !items.isEmpty()) {
            return;
        }
        itemsProperty.set(FXCollections.observableArrayList(sample));
        control.applyCss();
        control.layout();
        itemsProperty.set(items);
        control.layout();
    }
}
