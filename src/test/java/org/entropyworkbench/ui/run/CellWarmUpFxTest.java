package org.entropyworkbench.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The warm-up creates cells but leaves the real (empty) item lists in place and shows nothing of the sample. */
@ExtendWith(ApplicationExtension.class)
class CellWarmUpFxTest {

    private final ObservableList<QuestionStatusRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> messages = FXCollections.observableArrayList();
    private TableView<QuestionStatusRow> table;
    private ListView<String> list;

    @Start
    void start(Stage stage) {
        table = StatusTable.create(rows);
        list = new ListView<>(messages);
        stage.setScene(new Scene(new VBox(table, list), 800, 400));
        stage.show();
    }

    @Test
    void warmUpCreatesCellsAndPutsTheRealEmptyItemsBack(FxRobot robot) {
        robot.interact(() -> {
            assertThat(table.lookupAll(".table-row-cell").stream().filter(n -> n.isVisible()).count()).isZero();
            CellWarmUp.warmUp(table, table.itemsProperty(), StatusTable.warmUpSample());
            CellWarmUp.warmUp(list, list.itemsProperty(), "warm-up");
        });
        robot.interact(() -> {
            assertThat(table.getItems()).isSameAs(rows).isEmpty();
            assertThat(list.getItems()).isSameAs(messages).isEmpty();
            assertThat(table.lookupAll(".table-cell")).isNotEmpty();
            assertThat(table.lookupAll(".table-cell")).noneMatch(n -> n.isVisible()
                    && "warm-up".equals(((javafx.scene.control.TableCell<?, ?>) n).getText()));
            assertThat(list.lookupAll(".list-cell")).noneMatch(n -> n.isVisible()
                    && "warm-up".equals(((javafx.scene.control.ListCell<?>) n).getText()));
        });
    }

    @Test
    void warmUpLeavesATableWithRowsAlone(FxRobot robot) {
        QuestionStatusRow real = new QuestionStatusRow("q1");
        robot.interact(() -> {
            rows.add(real);
            CellWarmUp.warmUp(table, table.itemsProperty(), StatusTable.warmUpSample());
        });
        robot.interact(() -> assertThat(table.getItems()).isSameAs(rows).containsExactly(real));
    }
}
