package org.entropyworkbench.ui.datasets;

import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.DatasetLoader;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The field-mapping dialog on an invented GPQA-shaped CSV, and an import through the Datasets screen. */
@ExtendWith(ApplicationExtension.class)
class DatasetImportDialogFxTest {

    @TempDir
    static Path dir;

    private Workspace workspace;
    private DatasetsView view;

    @Start
    void start(Stage stage) {
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        view = new DatasetsView(new DatasetsViewModel(workspace, new FxTaskExecutor()));
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void dialogShowsDetectedMappingAndLivePreviewAndImportsWithIt(FxRobot robot) throws Exception {
        Path csv = DatasetImportModelTest.write(dir);
        DatasetImportModel model = new DatasetImportModel(DatasetLoader.preview(csv, 8));
        DatasetImportDialog[] dialog = new DatasetImportDialog[1];
        robot.interact(() -> {
            dialog[0] = new DatasetImportDialog(model);
            dialog[0].initOwner(view.getScene().getWindow());
            dialog[0].show();
        });
        ComboBox<String> question = robot.lookup("#mapping-question").queryAs(ComboBox.class);
        ComboBox<String> correct = robot.lookup("#mapping-correct").queryAs(ComboBox.class);
        TableView<MappedPreviewRow> preview = robot.lookup("#mapping-preview").queryAs(TableView.class);
        assertThat(question.getValue()).isEqualTo("Question");
        assertThat(correct.getValue()).isEqualTo("Correct Answer");
        assertThat(preview.getItems()).hasSize(3);
        assertThat(preview.getItems().get(0).answer()).isEqualTo("amber");

        robot.interact(() -> correct.setValue("Incorrect Answer 3"));
        assertThat(preview.getItems().get(0).answer()).isEqualTo("grey");
        robot.interact(() -> correct.setValue("Correct Answer"));

        ButtonType importButton = dialog[0].getDialogPane().getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow();
        robot.interact(() -> question.setValue(DatasetImportModel.NO_COLUMN));
        assertThat(dialog[0].getDialogPane().lookupButton(importButton).isDisabled()).isTrue();
        robot.interact(() -> question.setValue("Question"));
        assertThat(dialog[0].getDialogPane().lookupButton(importButton).isDisabled()).isFalse();

        robot.interact(() -> ((javafx.scene.control.Button) dialog[0].getDialogPane().lookupButton(importButton)).fire());
        assertThat(dialog[0].getResult()).isNotNull();
        assertThat(dialog[0].getResult().correctOptionField()).isEqualTo("Correct Answer");

        DatasetsViewModel vm = new DatasetsViewModel(workspace, new FxTaskExecutor());
        robot.interact(() -> vm.importDataset(csv, dialog[0].getResult()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.datasets().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workspace.selectedDataset().get().kind()).isEqualTo(AnswerKind.MULTIPLE_CHOICE);
        TableView<ProblemRow> problems = robot.lookup("#problem-table").queryAs(TableView.class);
        assertThat(problems.getItems()).extracting(ProblemRow::id).containsExactly("rec-1", "rec-2", "rec-3");
        assertThat(robot.lookup("#problem-counts").queryLabeled().getText()).isEqualTo("3 problems · multiple-choice");
    }
}
