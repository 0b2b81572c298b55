package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reader limits and cut-off files (issue 9, item 18): a truncated {@code .jsonl.gz} is reported as
 * cut off with how much was read, and one line limit applies the same way to every reader.
 */
class RunFileLimitsTest {

    @TempDir
    Path dir;

    private static StepRecord withText(String q, String text) {
        return new StepRecord(q, 1, null, "model-x", "srv", 0.7, 100, 20, text, null, null, "7", null,
                -1, 2, "stop", null, null, Map.of(20, new double[] {0.5, 1.0}), null, null, List.of(), 0, 0);
    }

    @Test
    void aTruncatedGzipFileIsReportedAsCutOffWithHowMuchWasReadAndKeepsWhatCameBefore() throws Exception {
        Path gz = dir.resolve("run.jsonl.gz");
        List<StepRecord> steps = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            steps.add(RunRecords.full("q" + i, 1));
        }
        RunFileWriter.writeAll(gz, RunRecords.header(), steps);
        long size = Files.size(gz);
        try (FileChannel ch = FileChannel.open(gz, StandardOpenOption.WRITE)) {
            ch.truncate(size / 2);
        }

        for (RunFileReader.Detail detail : RunFileReader.Detail.values()) {
            RunFile run = RunFileReader.read(gz, detail);
            assertThat(run.steps().size()).as(detail.name()).isBetween(1, 399);
            assertThat(run.partialTail()).as("not an interrupted run: a cut-off file").isFalse();
            assertThat(run.problems()).singleElement().satisfies(p -> assertThat(p.message())
                    .contains("run.jsonl.gz: the compressed file is cut off", "ends early",
                            "after " + (run.steps().size() + 1) + " complete lines", "MB of text"));
        }
    }

    @Test
    void aStepWithA21MegabyteTextLoadsInEveryReaderDetail() throws Exception {
        Path file = dir.resolve("long-text.jsonl");
        String text = "9".repeat(21_000_000);
        RunFileWriter.writeAll(file, RunRecords.header(), List.of(withText("q1", text), withText("q2", "short")));

        RunFile full = RunFileReader.read(file, RunFileReader.Detail.FULL);
        RunFile summary = RunFileReader.read(file, RunFileReader.Detail.SUMMARY);

        assertThat(full.problems()).isEmpty();
        assertThat(summary.problems()).isEmpty();
        assertThat(full.steps()).hasSize(2);
        assertThat(summary.steps()).hasSize(2);
        assertThat(full.steps().get(0).text()).hasSize(21_000_000);
    }

    @Test
    void aLineOverTheLimitGetsTheSameMessageInEveryReaderDetail() throws Exception {
        Path file = dir.resolve("huge-line.jsonl");
        RunFileWriter.writeAll(file, RunRecords.header(),
                List.of(withText("q1", "9".repeat(1_600_000)), withText("q2", "short")));

        List<String> messages = new ArrayList<>();
        for (RunFileReader.Detail detail : RunFileReader.Detail.values()) {
            RunFile run = RunFileReader.read(file, detail, 1024 * 1024);
            assertThat(run.steps()).extracting(StepRecord::questionId).containsExactly("q2");
            assertThat(run.problems()).hasSize(1);
            messages.add(run.problems().get(0).message());
        }
        assertThat(messages.get(0)).isEqualTo(messages.get(1))
                .contains("line 2", "is 1.5 MB, over the limit of 1 MB for one line of a run file; it was skipped")
                .doesNotContain("StreamReadConstraints");
    }
}
