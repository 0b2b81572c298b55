package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.entropyworkbench.core.follow.ServeRecordLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTailTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryStepAWriterThreadAppendsInOrderAndNothingTwice() throws Exception {
        Path file = dir.resolve("serve.jsonl");
        int n = 300;
        RunFileWriter writer = RunFileWriter.create(file, ServeRecordLines.header());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try (writer) {
                for (int i = 0; i < n; i++) {
                    writer.append(ServeRecordLines.step("r" + i, 1, 0.1 * (i % 10), 10 + i));
                    if (i % 50 == 0) {
                        Thread.sleep(5);
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        RunFileTail tail = new RunFileTail(file);
        List<String> seen = new ArrayList<>();
        RunHeader header = null;
        t.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (seen.size() < n && System.nanoTime() < deadline) {
            RunFileTail.Update u = tail.poll();
            header = u.header() != null ? u.header() : header;
            assertThat(u.problems()).isEmpty();
            u.steps().forEach(s -> seen.add(s.questionId()));
            Thread.sleep(1);
        }
        t.join();
        assertThat(failure.get()).isNull();
        seen.addAll(tail.poll().steps().stream().map(StepRecord::questionId).toList());
        assertThat(header).isNotNull();
        assertThat(header.runId()).isEqualTo("serve-test");
        assertThat(seen).hasSize(n).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo("r0");
        assertThat(seen.get(n - 1)).isEqualTo("r" + (n - 1));
        assertThat(tail.position()).isEqualTo(Files.size(file));
    }

    @Test
    void aPartialLastLineWaitsForItsNewline() throws IOException {
        Path file = dir.resolve("partial.jsonl");
        RunFileWriter.create(file, ServeRecordLines.header()).close();
        byte[] line = new StepLineCodec().toLineBytes(ServeRecordLines.step("a", 1, 0.25, 40));
        RunFileTail tail = new RunFileTail(file);
        assertThat(tail.poll().header()).isNotNull();

        int half = line.length / 2;
        Files.write(file, java.util.Arrays.copyOfRange(line, 0, half), StandardOpenOption.APPEND);
        RunFileTail.Update first = tail.poll();
        assertThat(first.steps()).isEmpty();
        assertThat(first.problems()).isEmpty();

        Files.write(file, java.util.Arrays.copyOfRange(line, half, line.length), StandardOpenOption.APPEND);
        Files.write(file, "\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        RunFileTail.Update second = tail.poll();
        assertThat(second.steps()).extracting(StepRecord::questionId).containsExactly("a");
        assertThat(second.steps().get(0).completionTokens()).isEqualTo(40);
    }

    @Test
    void aBadLineIsAProblemWithItsLineNumberAndTheNextLineStillReads() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        RunFileWriter.create(file, ServeRecordLines.header()).close();
        RunFileTail tail = new RunFileTail(file);
        tail.poll();
        Files.write(file, "{\"type\":\"step\",\"q\": oops\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (RunFileWriter w = RunFileWriter.openForAppend(file)) {
            w.append(ServeRecordLines.step("b", 1, 0.5, 7));
        }
        RunFileTail.Update u = tail.poll();
        assertThat(u.problems()).singleElement().satisfies(p -> assertThat(p.lineNumber()).isEqualTo(2));
        assertThat(u.steps()).extracting(StepRecord::questionId).containsExactly("b");
    }

    @Test
    void aTruncatedFileIsReadAgainFromItsStartWithANote() throws IOException {
        Path file = dir.resolve("trunc.jsonl");
        try (RunFileWriter w = RunFileWriter.create(file, ServeRecordLines.header())) {
            for (int i = 0; i < 5; i++) {
                w.append(ServeRecordLines.step("old" + i, 1, 0.3, 9));
            }
        }
        RunFileTail tail = new RunFileTail(file);
        assertThat(tail.poll().steps()).hasSize(5);

        byte[] line = new StepLineCodec().toLineBytes(ServeRecordLines.step("new0", 1, 0.3, 9));
        Files.write(file, line, StandardOpenOption.TRUNCATE_EXISTING);
        Files.write(file, "\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        RunFileTail.Update u = tail.poll();
        assertThat(u.reset()).isTrue();
        assertThat(u.note()).contains("trunc.jsonl").contains("from the start");
        // the new content has no header line, so its first line is reported, not read as a header silently
        assertThat(u.problems()).hasSize(1);
        assertThat(u.problems().get(0).message()).contains("line 1").contains("header");
    }

    @Test
    void aReplacedFileStartsOverAndAMissingFileIsANoteNotAnError() throws IOException {
        Path file = dir.resolve("rot.jsonl");
        RunFileTail tail = new RunFileTail(file);
        RunFileTail.Update missing = tail.poll();
        assertThat(missing.note()).contains("does not exist");
        assertThat(tail.poll().note()).isNull();

        try (RunFileWriter w = RunFileWriter.create(file, ServeRecordLines.header())) {
            for (int i = 0; i < 3; i++) {
                w.append(ServeRecordLines.step("a" + i, 1, 0.3, 9));
            }
        }
        assertThat(tail.poll().steps()).hasSize(3);
        Path other = dir.resolve("rot.new");
        try (RunFileWriter w = RunFileWriter.create(other, ServeRecordLines.header())) {
            for (int i = 0; i < 4; i++) {
                w.append(ServeRecordLines.step("b" + i, 1, 0.3, 9));
            }
        }
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RunFileTail.Update u = tail.poll();
        assertThat(u.reset()).isTrue();
        assertThat(u.note()).contains("replaced");
        assertThat(u.header()).isNotNull();
        assertThat(u.steps()).extracting(StepRecord::questionId).containsExactly("b0", "b1", "b2", "b3");
    }
}
