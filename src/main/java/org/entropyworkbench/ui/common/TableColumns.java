package org.entropyworkbench.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

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
}
