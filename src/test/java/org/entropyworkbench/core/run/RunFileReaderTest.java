package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileReaderTest {

    @TempDir
    Path dir;

    private final StepLineCodec codec = new StepLineCodec();

    private String headerLine() {
        return new String(RunHeaderCodec.toLineBytes(RunRecords.header()), StandardCharsets.UTF_8);
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsWhatTheWriterWrote() throws IOException {
        Path p = dir.resolve("run.jsonl");
        List<StepRecord> steps = List.of(RunRecords.full("q1", 1), RunRecords.small("q1", 2, 0.5), RunRecords.full("q2", 1));
        RunFileWriter.writeAll(p, RunRecords.header(), steps);
        RunFile run = RunFileReader.read(p);
        assertThat(run.header().runId()).isEqualTo("run-test-1");
        assertThat(run.problems()).isEmpty();
        assertThat(run.partialTail()).isFalse();
        assertThat(run.steps()).hasSize(3);
        for (int i = 0; i < steps.size(); i++) {
            RunRecords.assertSameRecord(run.steps().get(i), steps.get(i));
        }
        assertThat(RunFileReader.readHeader(p).title()).isEqualTo("test / AIME-shaped");
    }

    @Test
    void malformedLinesAreReportedWithFileLineAndFieldAndGoodLinesStillLoad() throws IOException {
        String good1 = codec.toLine(RunRecords.small("q1", 1, 0.5));
        String badEntropy = "{\"type\":\"step\",\"q\":\"q2\",\"step\":1,\"entropy\":{\"20\":[0.1,\"high\"]}}";
        String brokenJson = "{\"type\":\"step\",\"q\":\"q3\",\"step\":1,\"entropy\":{\"20\":[0.1,";
        String good2 = codec.toLine(RunRecords.small("q4", 1, 0.25));
        Path p = file("run.jsonl", String.join("\n", headerLine(), good1, badEntropy, brokenJson, good2) + "\n");

        RunFile run = RunFileReader.read(p);

        assertThat(run.steps()).extracting(StepRecord::questionId).containsExactly("q1", "q4");
        assertThat(run.problems()).hasSize(2);
        assertThat(run.problems().get(0).lineNumber()).isEqualTo(3);
        assertThat(run.problems().get(0).message())
                .isEqualTo("run.jsonl line 3: field \"entropy.20\": expected an array of numbers");
        assertThat(run.problems().get(1).lineNumber()).isEqualTo(4);
        assertThat(run.problems().get(1).message()).startsWith("run.jsonl line 4: not valid JSON");
        assertThat(run.partialTail()).isFalse();
    }

    @Test
    void halfWrittenLastLineIsReportedAsPartialAndIgnored() throws IOException {
        String good = codec.toLine(RunRecords.small("q1", 1, 0.5));
        String half = codec.toLine(RunRecords.small("q2", 1, 0.5)).substring(0, 30);
        RunFile run = RunFileReader.read(file("run.jsonl", headerLine() + "\n" + good + "\n" + half));
        assertThat(run.partialTail()).isTrue();
        assertThat(run.problems()).isEmpty();
        assertThat(run.steps()).extracting(StepRecord::questionId).containsExactly("q1");
    }

    @Test
    void completeLookingLastLineWithoutNewlineIsStillPartial() throws IOException {
        String good = codec.toLine(RunRecords.small("q1", 1, 0.5));
        RunFile run = RunFileReader.read(file("run.jsonl", headerLine() + "\n" + good));
        assertThat(run.partialTail()).isTrue();
        assertThat(run.steps()).isEmpty();
    }

    @Test
    void brokenJsonOnTheLastTerminatedLineIsPartialNotAProblem() throws IOException {
        String good = codec.toLine(RunRecords.small("q1", 1, 0.5));
        RunFile run = RunFileReader.read(file("run.jsonl", headerLine() + "\n" + good + "\n{\"type\":\"st\n\n"));
        assertThat(run.partialTail()).isTrue();
        assertThat(run.problems()).isEmpty();
        assertThat(run.steps()).hasSize(1);
    }

    @Test
    void duplicateQuestionStepIsReportedAndTheFirstKept() throws IOException {
        String first = codec.toLine(RunRecords.small("q1", 1, 0.5));
        String second = codec.toLine(RunRecords.small("q1", 1, 0.9));
        RunFile run = RunFileReader.read(file("run.jsonl", String.join("\n", headerLine(), first, second) + "\n"));
        assertThat(run.steps()).hasSize(1);
        assertThat(run.steps().get(0).entropies(20)).containsExactly(0.5);
        assertThat(run.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.lineNumber()).isEqualTo(3);
            assertThat(pr.message()).contains("run.jsonl line 3").contains("duplicate").contains("first at line 2");
        });
    }

    @Test
    void unknownLineTypesAndBlankLinesAreSkipped() throws IOException {
        String good = codec.toLine(RunRecords.small("q1", 1, 0.5));
        RunFile run = RunFileReader.read(file("run.jsonl",
                headerLine() + "\n\n{\"type\":\"note\",\"text\":\"later version\"}\n" + good + "\n"));
        assertThat(run.steps()).hasSize(1);
        assertThat(run.problems()).isEmpty();
    }

    @Test
    void readsGzipAndReportsATruncatedGzipAsCutOff() throws IOException {
        Path gz = dir.resolve("run.jsonl.gz");
        RunFileWriter.writeAll(gz, RunRecords.header(), List.of(RunRecords.full("q1", 1), RunRecords.full("q2", 1)));
        assertThat(Files.readAllBytes(gz)[0]).isEqualTo((byte) 0x1f);
        RunFile run = RunFileReader.read(gz, RunFileReader.Detail.SUMMARY);
        assertThat(run.steps()).hasSize(2);
        assertThat(run.steps().get(0).tokens()).isNull();

        Path cut = dir.resolve("cut.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(cut))) {
            out.write((headerLine() + "\n" + codec.toLine(RunRecords.small("q1", 1, 0.5)) + "\n"
                    + codec.toLine(RunRecords.small("q2", 1, 0.5))).getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 12));
        RunFile partial = RunFileReader.read(cut);
        assertThat(partial.steps()).extracting(StepRecord::questionId).contains("q1");
        assertThat(partial.partialTail()).as("a cut-off copy, not an interrupted run").isFalse();
        assertThat(partial.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("cut.jsonl.gz: the compressed file is cut off"));
    }

    @Test
    void unusableFilesFailWithTheFileNamed() throws IOException {
        assertThatThrownBy(() -> RunFileReader.read(dir.resolve("missing.jsonl")))
                .isInstanceOf(RunFileException.class).hasMessageContaining("missing.jsonl").hasMessageContaining("not found");
        assertThatThrownBy(() -> RunFileReader.read(file("empty.jsonl", "")))
                .isInstanceOf(RunFileException.class).hasMessage("empty.jsonl: empty file: no header line");
        assertThatThrownBy(() -> RunFileReader.read(file("notrun.jsonl", "{\"hello\":1}\n")))
                .isInstanceOf(RunFileException.class)
                .hasMessageStartingWith("notrun.jsonl line 1: not a valid run header: field \"format\"");
        assertThatThrownBy(() -> RunFileReader.read(file("garbage.jsonl", "this is not json\n")))
                .isInstanceOf(RunFileException.class).hasMessageStartingWith("garbage.jsonl line 1: not a run file");
        assertThatThrownBy(() -> RunFileReader.readHeader(file("cut.jsonl", headerLine().substring(0, 40))))
                .isInstanceOf(RunFileException.class).hasMessageContaining("header line is incomplete");
    }

    @Test
    void readsAFileThatIsStillBeingAppendedTo() throws IOException {
        Path p = dir.resolve("live.jsonl");
        try (RunFileWriter w = RunFileWriter.create(p, RunRecords.header())) {
            w.append(RunRecords.small("q1", 1, 0.5));
            assertThat(RunFileReader.read(p).steps()).hasSize(1);
            w.append(RunRecords.small("q1", 2, 0.4));
            assertThat(RunFileReader.read(p).steps()).hasSize(2);
        }
    }
}
