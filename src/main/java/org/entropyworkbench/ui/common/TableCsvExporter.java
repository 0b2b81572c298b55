package org.entropyworkbench.ui.common;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Writes what a table shows to CSV (RFC 4180: comma separated, CRLF line ends, fields containing
 * comma, quote, CR or LF are quoted and quotes doubled). Only visible leaf columns are written, in
 * display order, with the same text the cells show (see {@link #formatColumn}). Call on the FX
 * thread: it reads the table's items and columns.
 */
public final class TableCsvExporter {

    private static final String FORMATTER_KEY = TableCsvExporter.class.getName() + ".formatter";

    private TableCsvExporter() {
    }

    /**
     * Gives {@code column} a cell factory that shows {@code formatter}'s text, and remembers the
     * formatter so the CSV export writes exactly that text. Null values show as empty cells.
     */
    public static <S, T> void formatColumn(TableColumn<S, T> column, Function<T, String> formatter) {
        column.getProperties().put(FORMATTER_KEY, formatter);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : formatter.apply(item));
            }
        });
    }

    /** Writes the visible columns of {@code table} (header row first) to {@code file}. */
    public static void save(TableView<?> table, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (List<String> row : rows(table)) {
                out.write(toCsvLine(row));
                out.write("\r\n");
            }
        }
    }

    /** The header row and every data row as the cells show them. */
    public static List<List<String>> rows(TableView<?> table) {
        List<List<String>> rows = new ArrayList<>();
        List<? extends TableColumn<?, ?>> columns = table.getVisibleLeafColumns();
        List<String> header = new ArrayList<>();
        for (TableColumn<?, ?> c : columns) {
            header.add(headerText(c));
        }
        rows.add(header);
        for (int i = 0; i < table.getItems().size(); i++) {
            List<String> row = new ArrayList<>();
            for (TableColumn<?, ?> c : columns) {
                row.add(cellText(c, i));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * A leaf column's header with its parents' titles in front ("Entropy mean savings"), so
     * sub-columns that share a short title stay distinct in the CSV.
     */
    static String headerText(TableColumn<?, ?> column) {
        StringBuilder sb = new StringBuilder(TableColumns.title(column));
        for (TableColumnBase<?, ?> p = column.getParentColumn(); p != null; p = p.getParentColumn()) {
            String parent = TableColumns.title(p);
            if (!parent.isBlank()) {
                sb.insert(0, parent + " ");
            }
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static String cellText(TableColumn<?, ?> column, int rowIndex) {
        Object value = column.getCellData(rowIndex);
        if (value == null) {
            return "";
        }
        Object formatter = column.getProperties().get(FORMATTER_KEY);
        if (formatter instanceof Function<?, ?> f) {
            return ((Function<Object, String>) f).apply(value);
        }
        return String.valueOf(value);
    }

    /** One CSV record without the line end. */
    public static String toCsvLine(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        return sb.toString();
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** An "Export CSV…" button that asks for a file and saves {@code table} to it. */
    public static Button exportButton(TableView<?> table, String baseFileName) {
        Button button = new Button("Export CSV…");
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.getStyleClass().add("export-button");
        button.setTooltip(new Tooltip("Save the table as it is shown (visible columns) to a CSV file"));
        button.setOnAction(e -> chooseAndSave(table, baseFileName));
        return button;
    }

    /**
     * Gives {@code table} a right-click menu with "Export CSV…" (every table has one, also where
     * there is no room for a button).
     */
    public static void installContextMenu(TableView<?> table, String baseFileName) {
        MenuItem export = new MenuItem("Export CSV…");
        export.setOnAction(e -> chooseAndSave(table, baseFileName));
        table.setContextMenu(new ContextMenu(export));
    }

    private static void chooseAndSave(TableView<?> table, String baseFileName) {
        DialogService dialogs = DialogService.of(table);
        Optional<Path> file = dialogs.chooseFileToSave("Export table as CSV", baseFileName + ".csv",
                List.of(DialogService.FileFilter.of("CSV file", "*.csv")));
        if (file.isEmpty()) {
            return;
        }
        try {
            save(table, file.get());
        } catch (IOException ex) {
            dialogs.showError("CSV export failed", "Could not write " + file.get() + ": " + ex.getMessage());
        }
    }
}
