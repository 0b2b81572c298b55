package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void createRefusesToOverwrite() throws IOException {
        Path p = dir.resolve("run.jsonl");
        RunFileWriter.create(p, RunRecords.header()).close();
        long size = Files.size(p);
        assertThatThrownBy(() -> RunFileWriter.create(p, RunRecords.header()))
                .isInstanceOf(RunFileException.class).hasMessageContaining("run.jsonl").hasMessageContaining("already exists");
        assertThat(Files.size(p)).isEqualTo(size);
        assertThatThrownBy(() -> RunFileWriter.writeAll(p, RunRecords.header(), List.of()))
                .isInstanceOf(RunFileException.class).hasMessageContaining("already exists");
    }

    @Test
    void everyAppendIsACompleteLineOnDiskImmediately() throws IOException {
        Path p = dir.resolve("run.jsonl");
        try (RunFileWriter w = RunFileWriter.create(p, RunRecords.header())) {
            w.append(RunRecords.full("q1", 1));
            String onDisk = Files.readString(p, StandardCharsets.UTF_8);
            assertThat(onDisk).endsWith("\n");
            assertThat(onDisk.lines()).hasSize(2);
        }
    }

    @Test
    void resumeTruncatesAHalfWrittenLineAndKeepsEveryCompleteOne() throws IOException {
        Path p = dir.resolve("run.jsonl");
        try (RunFileWriter w = RunFileWriter.create(p, RunRecords.header())) {
            w.append(RunRecords.small("q1", 1, 0.5));
            w.append(RunRecords.small("q1", 2, 0.4));
        }
        long completeSize = Files.size(p);
        String half = new StepLineCodec().toLine(RunRecords.small("q1", 3, 0.3)).substring(0, 25);
        Files.writeString(p, half, StandardOpenOption.APPEND);
        assertThat(RunFileReader.read(p).partialTail()).isTrue();

        try (RunFileWriter w = RunFileWriter.openForAppend(p)) {
            assertThat(Files.size(p)).isEqualTo(completeSize);
            w.append(RunRecords.small("q1", 3, 0.3));
        }
        RunFile run = RunFileReader.read(p);
        assertThat(run.partialTail()).isFalse();
        assertThat(run.problems()).isEmpty();
        assertThat(run.steps()).extracting(StepRecord::step).containsExactly(1, 2, 3);
    }

    @Test
    void resumeOfACleanFileChangesNothingBeforeAppending() throws IOException {
        Path p = dir.resolve("run.jsonl");
        try (RunFileWriter w = RunFileWriter.create(p, RunRecords.header())) {
            w.append(RunRecords.small("q1", 1, 0.5));
        }
        byte[] before = Files.readAllBytes(p);
        RunFileWriter.openForAppend(p).close();
        assertThat(Files.readAllBytes(p)).isEqualTo(before);
    }

    @Test
    void resumeRefusesFilesWithoutACompleteHeaderOrCompressed() throws IOException {
        Path cut = dir.resolve("cut.jsonl");
        Files.writeString(cut, "{\"type\":\"header\",\"form");
        assertThatThrownBy(() -> RunFileWriter.openForAppend(cut))
                .isInstanceOf(RunFileException.class).hasMessageContaining("cut.jsonl").hasMessageContaining("no complete header");
        Path gz = dir.resolve("run.jsonl.gz");
        RunFileWriter.writeAll(gz, RunRecords.header(), List.of());
        assertThatThrownBy(() -> RunFileWriter.openForAppend(gz))
                .isInstanceOf(RunFileException.class).hasMessageContaining("gzip");
        assertThatThrownBy(() -> RunFileWriter.openForAppend(dir.resolve("none.jsonl")))
                .isInstanceOf(RunFileException.class).hasMessageContaining("not found");
    }

    @Test
    void parallelAppendsNeverInterleave() throws Exception {
        Path p = dir.resolve("run.jsonl");
        int threads = 4;
        int perThread = 50;
        try (RunFileWriter w = RunFileWriter.create(p, RunRecords.header())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        w.append(RunRecords.full("t" + thread + "-q" + i, 1));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
        }
        RunFile run = RunFileReader.read(p);
        assertThat(run.problems()).isEmpty();
        assertThat(run.steps()).hasSize(threads * perThread);
    }

    @Test
    void appendAfterCloseFailsNamingTheStep() throws IOException {
        RunFileWriter w = RunFileWriter.create(dir.resolve("run.jsonl"), RunRecords.header());
        w.close();
        assertThatThrownBy(() -> w.append(RunRecords.small("q9", 2, 0.1)))
                .isInstanceOf(RunFileException.class).hasMessageContaining("q9").hasMessageContaining("closed");
    }

    @Test
    void writeAllLeavesNoFileWhenTheRecordsFail() {
        Path p = dir.resolve("broken.jsonl");
        Iterable<StepRecord> failing = () -> new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public StepRecord next() {
                throw new IllegalStateException("generator failed");
            }
        };
        assertThatThrownBy(() -> RunFileWriter.writeAll(p, RunRecords.header(), failing))
                .hasMessageContaining("generator failed");
        assertThat(p).doesNotExist();
        assertThat(dir.resolve("broken.jsonl.part")).doesNotExist();
    }
}
