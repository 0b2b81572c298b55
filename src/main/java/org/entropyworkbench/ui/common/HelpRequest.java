package org.entropyworkbench.ui.common;

import javafx.event.Event;
import javafx.event.EventType;

/**
 * Asks the window to open the guide at one glossary entry (e.g. "thresh-acc"), fired by whatever the
 * user clicked for an explanation. It bubbles up the scene graph to the window, which owns the help
 * window, so a screen needs no reference to it. FX thread.
 */
public final class HelpRequest extends Event {

    public static final EventType<HelpRequest> OPEN = new EventType<>(Event.ANY, "HELP_REQUEST");

    private final String entryId;

    /** @param entryId a glossary entry id, or null for the guide's start */
    public HelpRequest(String entryId) {
        super(OPEN);
        this.entryId = entryId;
    }

    public String entryId() { return entryId; }
}
