package org.entropyworkbench.ui.help;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.entropyworkbench.ui.common.HelpRequest;
import org.entropyworkbench.ui.common.TableColumns;

/**
 * Links a table column that shows a metric to its glossary entry, as the Analysis metric tiles are
 * linked: the header's tooltip explains the term, and the header's context menu opens the guide at
 * it (a {@link HelpRequest} that bubbles up to the window). A left click stays the table's sort.
 * FX thread.
 */
public final class GlossaryLinks {

    private GlossaryLinks() {
    }

    /**
     * @throws IllegalArgumentException when the glossary has no entry {@code entryId} (a programming
     *                                  error, caught by the screens' tests)
     */
    public static void column(TableColumn<?, ?> column, String entryId) {
        Glossary.Entry entry = Glossary.find(entryId)
                .orElseThrow(() -> new IllegalArgumentException("the glossary has no entry '" + entryId + "'"));
        Label header = TableColumns.headerLabel(column);
        Tooltip tip = new Tooltip(entry.term() + ": " + entry.text().strip()
                + "\n\nRight-click this header to open it in the guide (F1: the whole guide).");
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        tip.setShowDuration(Duration.seconds(30));
        header.setTooltip(tip);
        MenuItem explain = new MenuItem("Explain \u201c" + entry.term() + "\u201d in the guide");
        explain.setOnAction(e -> header.fireEvent(new HelpRequest(entry.id())));
        column.setContextMenu(new ContextMenu(explain));
    }
}
