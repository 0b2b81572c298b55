package org.entropyworkbench.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.DatasetLoader;
import org.entropyworkbench.core.dataset.FieldMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import dialog's mapping on an invented GPQA-shaped CSV (no GPQA text). */
class DatasetImportModelTest {

    static final String GPQA_SHAPED_CSV = """
            Record ID,Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2,Incorrect Answer 3,Subdomain
            rec-1,"Which colour does an invented indicator dye turn at pH 3?",amber,violet,teal,grey,Made-up chemistry
            rec-2,"A fictional planet orbits twice as far out.
            How long is its year, relative?",about 2.8 times,twice,four times,the same,Made-up astronomy
            rec-3,"Which of these invented alloys is the lightest?",Florium,Gravane,Densite,Ponderum,Made-up materials
            """;

    @Test
    void gpqaShapedCsvIsDetectedAndPrefilled(@TempDir Path dir) throws Exception {
        Path csv = write(dir);
        DatasetImportModel model = new DatasetImportModel(DatasetLoader.preview(csv, 8));

        assertThat(model.questionColumn().get()).isEqualTo("Question");
        assertThat(model.idColumn().get()).isEqualTo("Record ID");
        assertThat(model.optionShape().get()).isEqualTo(OptionShape.CORRECT_AND_INCORRECT);
        assertThat(model.correctOptionColumn().get()).isEqualTo("Correct Answer");
        assertThat(model.optionColumns()).containsExactly("Incorrect Answer 1", "Incorrect Answer 2", "Incorrect Answer 3");
        assertThat(model.validationMessage().get()).isEmpty();
        assertThat(model.mappedRows()).hasSize(3);
        MappedPreviewRow second = model.mappedRows().get(1);
        assertThat(second.id()).isEqualTo("rec-2");
        assertThat(second.question()).isEqualTo("A fictional planet orbits twice as far out. …");
        assertThat(second.answer()).isEqualTo("about 2.8 times");
        assertThat(second.options()).isEqualTo("twice | four times | the same");

        Dataset d = DatasetLoader.load(csv, model.mapping().orElseThrow());
        assertThat(d.kind()).isEqualTo(AnswerKind.MULTIPLE_CHOICE);
        assertThat(d.problems()).hasSize(3);
        assertThat(d.problems().get(0).options()).containsExactly("amber", "violet", "teal", "grey");
    }

    @Test
    void editingTheMappingUpdatesPreviewAndValidation(@TempDir Path dir) throws Exception {
        DatasetImportModel model = new DatasetImportModel(DatasetLoader.preview(write(dir), 8));

        model.optionColumns().setAll(List.of("Incorrect Answer 1"));
        assertThat(model.mappedRows().get(0).options()).isEqualTo("violet");
        assertThat(model.mapping()).get().extracting(FieldMapping::incorrectOptionFields)
                .isEqualTo(List.of("Incorrect Answer 1"));

        model.optionColumns().clear();
        assertThat(model.validationMessage().get()).contains("incorrect-option column");
        assertThat(model.mapping()).isEmpty();

        model.optionShape().set(OptionShape.NONE);
        model.answerColumn().set("Subdomain");
        model.idColumn().set(DatasetImportModel.NO_COLUMN);
        assertThat(model.validationMessage().get()).isEmpty();
        assertThat(model.mappedRows().get(2).id()).isEqualTo("line 3");
        assertThat(model.mappedRows().get(2).answer()).isEqualTo("Made-up materials");
        assertThat(model.mapping().orElseThrow().kind()).isNull();

        model.questionColumn().set(DatasetImportModel.NO_COLUMN);
        assertThat(model.validationMessage().get()).isEqualTo("Choose the column that holds the question");
    }

    @Test
    void fileWithUnrecognisedColumnsStartsEmptyAndAsksForAQuestion(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("odd.jsonl");
        Files.writeString(f, "{\"prompt_text\":\"What is 6*7?\",\"gold\":\"42\",\"key\":\"a\"}\n"
                + "{\"prompt_text\":\"What is 2+2?\",\"gold\":\"4\",\"key\":\"b\"}\n");
        DatasetImportModel model = new DatasetImportModel(DatasetLoader.preview(f, 8));
        assertThat(model.columnChoices()).contains(DatasetImportModel.NO_COLUMN, "prompt_text", "gold", "key");
        model.questionColumn().set("prompt_text");
        model.answerColumn().set("gold");
        model.idColumn().set("key");
        assertThat(model.validationMessage().get()).isEmpty();
        Dataset d = DatasetLoader.load(f, model.mapping().orElseThrow());
        assertThat(d.kind()).isEqualTo(AnswerKind.INTEGER);
        assertThat(d.problems()).extracting(p -> p.id()).containsExactly("a", "b");
    }

    static Path write(Path dir) throws Exception {
        Path csv = dir.resolve("invented-gpqa-shaped.csv");
        Files.writeString(csv, GPQA_SHAPED_CSV);
        return csv;
    }
}
