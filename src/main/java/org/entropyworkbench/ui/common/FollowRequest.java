package org.entropyworkbench.ui.common;

import javafx.event.Event;
import javafx.event.EventType;

/**
 * Asks the window to follow a serve record ({@code ew serve --record}) on its Follow screen, fired by a
 * screen's "Follow a serve record…" action. It bubbles up to the window, which owns the Follow screen, so
 * the firing screen needs no reference to it (feature packages do not import each other). FX thread.
 */
public final class FollowRequest extends Event {

    public static final EventType<FollowRequest> CHOOSE = new EventType<>(Event.ANY, "FOLLOW_REQUEST");

    public FollowRequest() {
        super(CHOOSE);
    }
}
