package org.entropyworkbench.core.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetLoaderTest {

    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(DatasetLoaderTest.class.getResource("/datasets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aimeJsonlWithNumbersAndStringsSkipsRowWithoutAnswer() throws Exception {
        Dataset d = DatasetLoader.load(fixture("aime.jsonl"), null);
        assertThat(d.name()).isEqualTo("aime");
        assertThat(d.kind()).isEqualTo(AnswerKind.INTEGER);
        assertThat(d.problems()).extracting(Problem::id).containsExactly("t-1", "t-2", "t-3", "t-4", "t-5", "t-7");
        assertThat(d.problems()).extracting(Problem::answer).containsExactly("42", "6", "999", "0", "42", "32");
        assertThat(d.problems()).allSatisfy(p -> assertThat(p.kind()).isEqualTo(AnswerKind.INTEGER));
        assertThat(d.warnings()).containsExactly("aime.jsonl line 7: field \"answer\" is missing");
        assertThat(d.source()).isEqualTo(fixture("aime.jsonl"));
    }

    @Test
    void aimeJsonArrayWithCapitalisedFields() throws Exception {
        Dataset d = DatasetLoader.load(fixture("aime-capitalised.json"), null);
        assertThat(d.kind()).isEqualTo(AnswerKind.INTEGER);
        assertThat(d.problems()).extracting(Problem::id).containsExactly("2099-I-1", "2099-I-2", "2099-I-3");
        assertThat(d.problems().get(1).question()).isEqualTo("Find 15 squared minus 25.");
        assertThat(d.problems().get(1).answer()).isEqualTo("200");
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void jsonObjectWithDataListAndNoIdNumbersRecords() throws Exception {
        Dataset d = DatasetLoader.load(fixture("aime-wrapped.json"), null);
        assertThat(d.kind()).isEqualTo(AnswerKind.INTEGER);
        assertThat(d.problems()).extracting(Problem::id).containsExactly("record-1", "record-2");
        assertThat(d.problems()).extracting(Problem::answer).containsExactly("42", "27");
    }

    @Test
    void gpqaShapedCsvBecomesMultipleChoiceWithCorrectOptionFirst() throws Exception {
        Dataset d = DatasetLoader.load(fixture("gpqa-shaped.csv"), null);
        assertThat(d.kind()).isEqualTo(AnswerKind.MULTIPLE_CHOICE);
        assertThat(d.problems()).extracting(Problem::id).containsExactly("recINVENTED1", "recINVENTED2", "recINVENTED4");
        Problem first = d.problems().get(0);
        assertThat(first.question()).startsWith("An invented lab").contains("\"warmer\"");
        assertThat(first.options()).containsExactly("X", "Y", "They are equal", "It cannot be known");
        assertThat(first.answer()).isEqualTo("X");
        Problem quoted = d.problems().get(1);
        assertThat(quoted.question()).isEqualTo("A made-up question spanning\ntwo lines, with a comma.");
        assertThat(quoted.options()).containsExactly("First, correct", "Wrong, one", "Wrong \"two\"", "Wrong three");
        assertThat(d.warnings()).containsExactly("gpqa-shaped.csv line 5: field \"Incorrect Answer 3\" is empty");
    }

    @Test
    void letteredOptionColumnsWithLetterAnswers() throws Exception {
        Dataset d = DatasetLoader.load(fixture("lettered.csv"), null);
        assertThat(d.kind()).isEqualTo(AnswerKind.MULTIPLE_CHOICE);
        assertThat(d.problems().get(0).options()).containsExactly("22", "1", "3", "4");
        assertThat(d.problems().get(1).question()).isEqualTo("Which is a fruit, not a tool?");
        assertThat(d.problems().get(1).options()).containsExactly("apple", "hammer", "saw", "drill");
    }

    @Test
    void choicesListWithIndexLetterOrTextAnswer() throws Exception {
        Dataset d = DatasetLoader.load(fixture("choices.jsonl"), null);
        assertThat(d.kind()).isEqualTo(AnswerKind.MULTIPLE_CHOICE);
        assertThat(d.problems()).extracting(Problem::answer).containsExactly("8", "e", "green");
        assertThat(d.problems().get(0).options()).containsExactly("8", "3", "5", "9");
        assertThat(d.warnings()).singleElement().asString()
                .startsWith("choices.jsonl line 4: field \"answer\" (\"D\") is neither an option letter");
    }

    @Test
    void nonIntegerAnswersMakeTheDatasetFree() throws Exception {
        Dataset d = DatasetLoader.load(fixture("free.jsonl"), null);
        assertThat(d.kind()).isEqualTo(AnswerKind.FREE);
        assertThat(d.problems()).extracting(Problem::answer).containsExactly("Mars", "2.5", "8");
        assertThat(d.problems()).extracting(Problem::id).containsExactly("line-1", "line-2", "line-3");
    }

    @Test
    void integerAboveRangeMakesTheDatasetFree() throws Exception {
        Path p = write("big.jsonl", "{\"question\":\"q1\",\"answer\":12}\n{\"question\":\"q2\",\"answer\":1000}\n");
        assertThat(DatasetLoader.load(p, null).kind()).isEqualTo(AnswerKind.FREE);
    }

    @Test
    void explicitIntegerKindSkipsNonIntegerAnswersWithWarning() throws Exception {
        Dataset d = DatasetLoader.load(fixture("free.jsonl"), FieldMapping.plain(null, "question", "answer")
                .withKind(AnswerKind.INTEGER));
        assertThat(d.kind()).isEqualTo(AnswerKind.INTEGER);
        assertThat(d.problems()).extracting(Problem::answer).containsExactly("8");
        assertThat(d.warnings()).containsExactly(
                "free.jsonl line 1: field \"answer\" is not an integer 0..999: \"Mars\"",
                "free.jsonl line 2: field \"answer\" is not an integer 0..999: \"2.5\"");
    }

    @Test
    void duplicateIdsAreWarnedAndMadeUnique() throws Exception {
        Dataset d = DatasetLoader.load(fixture("duplicates.jsonl"), null);
        assertThat(d.problems()).extracting(Problem::id).containsExactly("p", "p-2", "q", "p-3");
        assertThat(d.warnings()).containsExactly(
                "duplicates.jsonl line 2: duplicate id \"p\", renamed to \"p-2\"",
                "duplicates.jsonl line 4: duplicate id \"p\", renamed to \"p-3\"");
    }

    @Test
    void datasetWithoutUsableRowIsRefused() {
        assertThatThrownBy(() -> DatasetLoader.load(fixture("unusable.jsonl"), null))
                .isInstanceOf(DatasetException.class)
                .hasMessage("unusable.jsonl: no usable row (2 read, 4 skipped; first problem: unusable.jsonl line 1:"
                        + " not valid JSON (Unrecognized token 'this': was expecting (JSON String, Number, Array,"
                        + " Object or token 'null', 'true' or 'false')))");
    }

    @Test
    void malformedJsonLinesAreWarnedWithLineNumbers() throws Exception {
        Path p = write("mixed.jsonl", "{\"problem\":\"ok\",\"answer\":1}\n{broken\n[1]\n{\"problem\":\"ok2\",\"answer\":2}\n");
        Dataset d = DatasetLoader.load(p, null);
        assertThat(d.problems()).hasSize(2);
        assertThat(d.warnings()).hasSize(2);
        assertThat(d.warnings().get(0)).startsWith("mixed.jsonl line 2: not valid JSON");
        assertThat(d.warnings().get(1)).isEqualTo("mixed.jsonl line 3: not a JSON object");
    }

    @Test
    void emptyAndBlankFilesAreRefused() throws Exception {
        Path empty = write("empty.jsonl", "");
        Path blank = write("blank.csv", "\uFEFF \n\n");
        assertThatThrownBy(() -> DatasetLoader.load(empty, null)).isInstanceOf(DatasetException.class)
                .hasMessage("empty.jsonl: the file is empty");
        assertThatThrownBy(() -> DatasetLoader.load(blank, null)).isInstanceOf(DatasetException.class)
                .hasMessage("blank.csv: the file is empty");
    }

    @Test
    void headerOnlyCsvIsRefused() throws Exception {
        Path p = write("header.csv", "question,answer\n");
        assertThatThrownBy(() -> DatasetLoader.load(p, null)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("header.csv: no usable row");
    }

    @Test
    void unknownColumnsNeedAMapping() throws Exception {
        Path p = write("odd.csv", "foo,bar\nx,1\n");
        assertThatThrownBy(() -> DatasetLoader.load(p, null)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("odd.csv: cannot tell which fields hold the question")
                .hasMessageContaining("foo, bar");
        Dataset d = DatasetLoader.load(p, FieldMapping.plain(null, "foo", "bar"));
        assertThat(d.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.question()).isEqualTo("x");
            assertThat(pr.answer()).isEqualTo("1");
            assertThat(pr.id()).isEqualTo("line-2");
        });
    }

    @Test
    void mappingNamingAMissingFieldIsRefusedNamingIt() {
        assertThatThrownBy(() -> DatasetLoader.load(fixture("aime.jsonl"), FieldMapping.plain("id", "Problem", "answer")))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("aime.jsonl: field \"Problem\" not found");
    }

    @Test
    void csvRowWithTooManyFieldsIsSkipped() throws Exception {
        Path p = write("extra.csv", "question,answer\nq1,1\nq2, with comma,2\n");
        Dataset d = DatasetLoader.load(p, null);
        assertThat(d.problems()).hasSize(1);
        assertThat(d.warnings()).containsExactly("extra.csv line 3: has 3 fields but the header has 2 (an unquoted comma?)");
    }

    @Test
    void nonUtf8FileIsRefused() throws Exception {
        Path p = tmp.resolve("latin1.csv");
        Files.write(p, new byte[] {'q', ',', 'a', '\n', (byte) 0xE9, ',', '1', '\n'});
        assertThatThrownBy(() -> DatasetLoader.load(p, FieldMapping.plain(null, "q", "a")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("latin1.csv: not UTF-8");
    }

    @Test
    void missingFileIsRefused() {
        assertThatThrownBy(() -> DatasetLoader.load(tmp.resolve("nope.jsonl"), null))
                .isInstanceOf(DatasetException.class).hasMessageContaining("nope.jsonl: file not found");
    }

    @Test
    void huggingFaceRowsExportIsUnwrapped() throws Exception {
        Path p = write("hf.json", "{\"features\":[],\"rows\":[{\"row_idx\":0,\"row\":{\"id\":\"a\",\"problem\":\"P\","
                + "\"answer\":\"5\"},\"truncated_cells\":[]}]}");
        Dataset d = DatasetLoader.load(p, null);
        assertThat(d.problems()).singleElement().extracting(Problem::id).isEqualTo("a");
    }

    @Test
    void jsonFileHoldingSeveralObjectsIsReadAsJsonLines() throws Exception {
        Path p = write("lines.json", "{\"question\":\"a\",\"answer\":1}\n{\"question\":\"b\",\"answer\":2}\n");
        assertThat(DatasetLoader.load(p, null).problems()).hasSize(2);
    }

    @Test
    void jsonWithoutRowListIsRefused() throws Exception {
        Path p = write("shape.json", "{\"a\":1,\"b\":\"x\"}");
        assertThatThrownBy(() -> DatasetLoader.load(p, null)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("shape.json: expected a JSON array of objects");
    }

    @Test
    void previewShowsColumnsFirstRowsAndDetectedMapping() throws Exception {
        DatasetPreview preview = DatasetLoader.preview(fixture("gpqa-shaped.csv"), 2);
        assertThat(preview.format()).isEqualTo(DatasetFormat.CSV);
        assertThat(preview.columns()).startsWith("Pre-Revision Question", "Question", "Correct Answer");
        assertThat(preview.rows()).hasSize(2);
        assertThat(preview.totalRows()).isEqualTo(4);
        assertThat(preview.rows().get(0)).containsEntry("Record ID", "recINVENTED1");
        FieldMapping m = preview.detectedMapping();
        assertThat(m.idField()).isEqualTo("Record ID");
        assertThat(m.questionField()).isEqualTo("Question");
        assertThat(m.correctOptionField()).isEqualTo("Correct Answer");
        assertThat(m.incorrectOptionFields())
                .containsExactly("Incorrect Answer 1", "Incorrect Answer 2", "Incorrect Answer 3");
        assertThat(m.kind()).isEqualTo(AnswerKind.MULTIPLE_CHOICE);
    }

    @Test
    void previewDetectsIntegerKindAndHasNoMappingForUnknownColumns() throws Exception {
        assertThat(DatasetLoader.preview(fixture("aime.jsonl"), 50).detectedMapping())
                .isEqualTo(new FieldMapping("id", "problem", "answer", List.of(), null, List.of(), AnswerKind.INTEGER));
        assertThat(DatasetLoader.preview(write("odd.csv", "foo,bar\nx,1\n"), 5).detectedMapping()).isNull();
    }

    @Test
    void jsonLinesWithByteOrderMarkAndCrlf() throws Exception {
        Path p = write("bom.jsonl", "\uFEFF{\"question\":\"a\",\"answer\":1}\r\n\r\n{\"question\":\"b\"}\r\n");
        Dataset d = DatasetLoader.load(p, null);
        assertThat(d.problems()).extracting(Problem::question).containsExactly("a");
        assertThat(d.warnings()).containsExactly("bom.jsonl line 3: field \"answer\" is missing");
    }

    @Test
    void unknownExtensionIsSniffedAndTsvIsRead() throws Exception {
        assertThat(DatasetLoader.preview(write("rows.txt", "{\"question\":\"a\",\"answer\":1}\n"), 5).format())
                .isEqualTo(DatasetFormat.JSONL);
        assertThat(DatasetLoader.preview(write("rows.dat", "question,answer\nq,1\n"), 5).format())
                .isEqualTo(DatasetFormat.CSV);
        Dataset tsv = DatasetLoader.load(write("rows.tsv", "question\tanswer\n\"a, b\"\t7\n"), null);
        assertThat(tsv.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.question()).isEqualTo("a, b");
            assertThat(pr.answer()).isEqualTo("7");
        });
    }

    @Test
    void explicitGpqaMappingOnCsvWithOwnColumnNames() throws Exception {
        Path p = write("mine.csv", "key,stem,good,bad1,bad2\nk1,Pick one,yes,no,maybe\n");
        Dataset d = DatasetLoader.load(p, FieldMapping.correctAndIncorrect("key", "stem", "good", List.of("bad1", "bad2")));
        assertThat(d.kind()).isEqualTo(AnswerKind.MULTIPLE_CHOICE);
        assertThat(d.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.id()).isEqualTo("k1");
            assertThat(pr.options()).containsExactly("yes", "no", "maybe");
        });
    }
}
