package org.entropyworkbench.ui.common;

import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * Wraps a whole screen so it still works in a window smaller than the screen's minimum size:
 * the screen fills the window while it fits, and scroll bars appear (instead of the right or
 * bottom part being cut off) when the window is smaller. FX thread.
 */
public final class ScreenScroll {

    private ScreenScroll() {
    }

    /**
     * A scroll pane around {@code screen} that stretches it to the window, down to the screen's
     * own minimum size (a fit-to-width scroll pane never makes its content smaller than that).
     */
    public static ScrollPane wrap(Region screen) {
        ScrollPane scroll = new ScrollPane(screen);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("screen-scroll");
        return scroll;
    }
}
