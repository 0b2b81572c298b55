package org.entropyworkbench.ui.run;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Run screen's per-question status table and its columns. FX thread. */
final class StatusTable {

    private StatusTable() {
    }

    /** A status table showing {@code rows}. */
    static TableView<QuestionStatusRow> create(ObservableList<QuestionStatusRow> rows) {
        TableView<QuestionStatusRow> table = new TableView<>(rows);
        table.getColumns().add(column("Question", r -> r.questionId(), 110, null));
        table.getColumns().add(column("Step", r -> r.step().get() == 0 ? "" : Integer.toString(r.step().get()), 50, r -> r.step()));
        table.getColumns().add(column("State", r -> r.state().get(), 120, r -> r.state()));
        table.getColumns().add(column("H₁ (bits)", r -> bits(r.step1Entropy().get()), 80, r -> r.step1Entropy()));
        table.getColumns().add(column("H last (bits)", r -> bits(r.lastEntropy().get()), 95, r -> r.lastEntropy()));
        table.getColumns().add(column("Answer", r -> r.answer().get(), 90, r -> r.answer()));
        TableColumn<QuestionStatusRow, String> correct = column("Correct",
                r -> r.stepsDone().get() == 0 ? "" : r.correct().get() == null ? "?" : r.correct().get() ? "✓" : "✗",
                70, r -> r.correct());
        correct.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setStyle("✓".equals(v) ? "-fx-text-fill: #0f766e; -fx-font-weight: bold;"
                        : "✗".equals(v) ? "-fx-text-fill: #c2410c; -fx-font-weight: bold;" : "");
            }
        });
        table.getColumns().add(correct);
        table.getColumns().add(column("Tokens", r -> Long.toString(r.tokens().get()), 80, r -> r.tokens()));
        return table;
    }

    /** A row to warm the table's cells up with ({@link CellWarmUp}); never shown. */
    static QuestionStatusRow warmUpSample() {
        QuestionStatusRow sample = new QuestionStatusRow("warm-up");
        sample.started(1);
        return sample;
    }

    private static String bits(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** A column whose cell text is recomputed when {@code dependency} of its row changes. */
    private static TableColumn<QuestionStatusRow, String> column(String title, Function<QuestionStatusRow, String> text,
                                                                 double width,
                                                                 Function<QuestionStatusRow, ObservableValue<?>> dependency) {
        TableColumn<QuestionStatusRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> {
            QuestionStatusRow r = cd.getValue();
            return dependency == null ? new ReadOnlyStringWrapper(text.apply(r))
                    : Bindings.createStringBinding(() -> text.apply(r), dependency.apply(r), r.stepsDone());
        });
        c.setPrefWidth(width);
        return c;
    }
}
