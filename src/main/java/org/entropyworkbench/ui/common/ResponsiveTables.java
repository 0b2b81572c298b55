package org.entropyworkbench.ui.common;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Keeps every column of a table reachable on a small screen: while the table is wide enough for
 * all columns at their preferred widths, the last column takes up the spare room (the table uses
 * the screen); when it is narrower, the columns keep their widths and a horizontal scroll bar
 * appears, instead of the constrained policy squeezing the last columns out of sight. FX thread.
 */
public final class ResponsiveTables {

    /** Room for the vertical scroll bar and the table's border. */
    private static final double SCROLL_BAR_ROOM = 18;

    private ResponsiveTables() {
    }

    /** Installs the fit-or-scroll behaviour on {@code table} (call after its columns are set). */
    public static void fitOrScroll(TableView<?> table) {
        table.widthProperty().addListener((obs, old, now) -> apply(table, now.doubleValue()));
        table.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<?, ?>>) c ->
                apply(table, table.getWidth()));
        apply(table, table.getWidth());
    }

    /** The width all leaf columns need at their preferred (at least minimum) widths. */
    public static double neededWidth(TableView<?> table) {
        double sum = 0;
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            sum += Math.max(c.getMinWidth(), c.getPrefWidth());
        }
        return sum + SCROLL_BAR_ROOM;
    }

    private static void apply(TableView<?> table, double width) {
        if (width <= 0) {
            return;
        }
        boolean fits = width >= neededWidth(table);
        var wanted = fits ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN : TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (table.getColumnResizePolicy() != wanted) {
            if (!fits) {
                for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
                    c.setPrefWidth(Math.max(c.getMinWidth(), c.getPrefWidth()));
                }
            }
            table.setColumnResizePolicy(wanted);
        }
    }
}
