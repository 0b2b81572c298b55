package org.entropyworkbench.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

/** Read-only table columns computed from the row object. FX thread only. */
public final class TableColumns {

    private TableColumns() {
    }

    /** A column titled {@code title} whose cells show {@code value} of the row. */
    public static <S, T> TableColumn<S, T> column(String title, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /**
     * Cells that show their text and, when it is not empty, the whole text as a tooltip: for a long
     * note or verdict the column cuts short.
     */
    public static <S> void textWithTooltip(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
    }

    private static final String TITLE_KEY = TableColumns.class.getName() + ".title";

    /**
     * Shows {@code column}'s title on two lines, broken at the space or hyphen nearest its middle,
     * so a narrow column keeps its whole title (a header grows to its label's height, but does
     * not wrap by itself). {@link #title} still returns the one-line title, for CSV headers.
     */
    public static void wrapHeader(TableColumn<?, ?> column) {
        String text = column.getText();
        if (text == null) {
            return;
        }
        Label label = new Label(twoLines(text));
        label.setTextAlignment(TextAlignment.CENTER);
        label.setAlignment(Pos.CENTER);
        label.setMinHeight(Region.USE_PREF_SIZE);
        column.getProperties().put(TITLE_KEY, text);
        column.setText(null);
        column.setGraphic(label);
    }

    /**
     * {@code text} broken into two lines at the space nearest the middle, or when it has no space
     * at the hyphen nearest the middle; kept as is when it has neither.
     */
    static String twoLines(String text) {
        int best = nearestToMiddle(text, ' ');
        if (best < 0) {
            best = nearestToMiddle(text, '-');
        }
        if (best < 0) {
            return text;
        }
        return text.charAt(best) == ' '
                ? text.substring(0, best) + "\n" + text.substring(best + 1)
                : text.substring(0, best + 1) + "\n" + text.substring(best + 1);
    }

    private static int nearestToMiddle(String text, char c) {
        int best = -1;
        int middle = text.length() / 2;
        for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
            if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The column's header as a label, for a tooltip or a menu: the one {@link #wrapHeader} made, or
     * a one-line label made from the column's text now. FX thread.
     */
    public static Label headerLabel(TableColumn<?, ?> column) {
        if (column.getGraphic() instanceof Label existing) {
            return existing;
        }
        String text = column.getText();
        Label label = new Label(text == null ? "" : text);
        column.getProperties().put(TITLE_KEY, text == null ? "" : text);
        column.setText(null);
        column.setGraphic(label);
        return label;
    }

    /** A column's one-line title, also when {@link #wrapHeader} put it on two lines. */
    public static String title(TableColumnBase<?, ?> column) {
        Object stored = column.getProperties().get(TITLE_KEY);
        if (stored instanceof String t) {
            return t;
        }
        return column.getText() == null ? "" : column.getText();
    }
}
