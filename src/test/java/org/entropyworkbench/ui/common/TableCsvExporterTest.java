package org.entropyworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class TableCsvExporterTest {

    record Row(String id, double h) {
    }

    @TempDir
    Path dir;

    @Test
    void writesVisibleColumnsWithShownTextAndRfc4180Quoting() throws Exception {
        TableView<Row> table = new TableView<>(FXCollections.observableArrayList(
                new Row("q1", 0.8123), new Row("a,\"b\"", 1.5), new Row("line\nbreak", Double.NaN)));
        TableColumn<Row, String> id = new TableColumn<>("id");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        TableColumn<Row, Double> h = new TableColumn<>("H1 (bits)");
        h.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().h()));
        TableCsvExporter.formatColumn(h, v -> String.format(Locale.ROOT, "%.3f", v));
        TableColumn<Row, String> hidden = new TableColumn<>("hidden");
        hidden.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>("x"));
        hidden.setVisible(false);
        table.getColumns().addAll(List.of(id, h, hidden));

        Path out = dir.resolve("t.csv");
        TableCsvExporter.save(table, out);

        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("id,H1 (bits)\r\n"
                + "q1,0.812\r\n"
                + "\"a,\"\"b\"\"\",1.500\r\n"
                + "\"line\nbreak\",NaN\r\n");
    }

    @Test
    void nestedColumnsCarryTheirGroupTitleInTheHeaderRow() {
        TableView<Row> table = new TableView<>(FXCollections.observableArrayList(new Row("q1", 0.25)));
        TableColumn<Row, String> id = new TableColumn<>("id");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        TableColumn<Row, Object> group = new TableColumn<>("Entropy mean");
        TableColumn<Row, Double> savings = new TableColumn<>("savings");
        savings.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().h()));
        group.getColumns().add(savings);
        table.getColumns().addAll(List.of(id, group));

        assertThat(TableCsvExporter.rows(table).get(0)).containsExactly("id", "Entropy mean savings");
    }

    @Test
    void aTwoLineHeaderKeepsItsOneLineTitleInTheCsv() {
        TableView<Row> table = new TableView<>(FXCollections.observableArrayList(new Row("q1", 0.25)));
        TableColumn<Row, String> tokens = new TableColumn<>("Tokens saved");
        tokens.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        TableColumn<Row, Object> group = new TableColumn<>("Information-theoretic");
        TableColumn<Row, Double> savings = new TableColumn<>("savings");
        savings.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().h()));
        group.getColumns().add(savings);
        table.getColumns().addAll(List.of(tokens, group));
        TableColumns.wrapHeader(tokens);
        TableColumns.wrapHeader(group);

        assertThat(((javafx.scene.control.Label) tokens.getGraphic()).getText()).isEqualTo("Tokens\nsaved");
        assertThat(((javafx.scene.control.Label) group.getGraphic()).getText()).isEqualTo("Information-\ntheoretic");
        assertThat(TableCsvExporter.rows(table).get(0)).containsExactly("Tokens saved", "Information-theoretic savings");
    }
}
