package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.simulate.RunSimulator;
import org.entropyworkbench.core.simulate.SimulationProfile;
import org.entropyworkbench.core.simulate.SimulationSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel reader gives exactly what the sequential reader gives, with chunk boundaries everywhere. */
class ParallelRunFileReaderTest {

    @TempDir
    static Path dir;

    static List<String> lines;

    @BeforeAll
    static void simulate() throws IOException {
        Path clean = dir.resolve("clean.jsonl");
        new RunSimulator(new SimulationSettings(SimulationProfile.reasoning(), 40, 9L, 60, AnswerKind.INTEGER, "par", false,
                Instant.EPOCH)).writeTo(clean);
        lines = Files.readAllLines(clean, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(150);
    }

    private static Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertSameAsSequential(Path file) throws IOException {
        for (RunFileReader.Detail detail : RunFileReader.Detail.values()) {
            RunFile expected = RunFileReader.read(file, detail);
            for (int chunk : new int[] {1, 700, 5_000, 64_000}) {
                for (int threads : new int[] {2, 3}) {
                    RunFile actual = ParallelRunFileReader.read(file, detail, threads, 0, chunk);
                    assertSame(expected, actual);
                }
            }
        }
    }

    private static void assertSame(RunFile expected, RunFile actual) {
        assertThat(actual.header()).isEqualTo(expected.header());
        assertThat(actual.problems()).isEqualTo(expected.problems());
        assertThat(actual.partialTail()).isEqualTo(expected.partialTail());
        assertThat(actual.steps()).hasSameSizeAs(expected.steps());
        for (int i = 0; i < expected.steps().size(); i++) {
            StepRecord e = expected.steps().get(i);
            StepRecord a = actual.steps().get(i);
            assertThat(a.questionId()).isEqualTo(e.questionId());
            assertThat(a.step()).isEqualTo(e.step());
            assertThat(a.correct()).isEqualTo(e.correct());
            assertThat(a.completionTokens()).isEqualTo(e.completionTokens());
            assertThat(a.channels()).isEqualTo(e.channels());
            assertThat(a.tokens()).isEqualTo(e.tokens());
            assertThat(a.text()).isEqualTo(e.text());
            assertThat(a.entropyByK().keySet()).isEqualTo(e.entropyByK().keySet());
            for (int k : e.entropyByK().keySet()) {
                assertThat(Arrays.equals(a.entropyByK().get(k), e.entropyByK().get(k))).isTrue();
            }
            assertThat(Arrays.equals(a.tailMass(), e.tailMass())).isTrue();
            assertThat(Arrays.equals(a.chosenLogprob(), e.chosenLogprob())).isTrue();
            assertThat(Arrays.equals(a.tokenConfidence(), e.tokenConfidence())).isTrue();
        }
        assertThat(actual.failedSteps()).isEqualTo(expected.failedSteps());
    }

    private static String failedLine(String questionId, int step, String reason) {
        return new String(FailedStepCodec.toLineBytes(new FailedStep(questionId, step, "00ff", "m", "custom", reason, 400,
                1L)), StandardCharsets.UTF_8);
    }

    @Test
    void failedStepsAndOverLongLinesReadTheSame() throws IOException {
        List<String> withFailures = new ArrayList<>(lines);
        withFailures.add(10, failedLine("refused", 1, "first refusal"));
        withFailures.add(40, failedLine("refused", 1, "second refusal"));   // replaces the first
        withFailures.add(50, failedLine("other", 2, "too long"));
        withFailures.add(failedLine("q-retried", 1, "refused, then answered"));
        String stepLine = lines.get(1);
        String firstId = RunFileReader.read(write("probe.jsonl", lines.get(0) + "\n" + stepLine + "\n")).steps().get(0)
                .questionId();
        withFailures.add(70, failedLine(firstId, 1, "refused before the step line that overrides it"));
        Path file = write("failed.jsonl", String.join("\n", withFailures) + "\n");
        assertSameAsSequential(file);
        RunFile r = ParallelRunFileReader.read(file, RunFileReader.Detail.SUMMARY, 2, 0, 700);
        assertThat(r.failedSteps()).extracting(FailedStep::questionId, FailedStep::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("refused", "second refusal"),
                org.assertj.core.groups.Tuple.tuple("other", "too long"),
                org.assertj.core.groups.Tuple.tuple("q-retried", "refused, then answered"));
    }

    @Test
    void aCleanRunReadsTheSame() throws IOException {
        assertSameAsSequential(write("clean2.jsonl", String.join("\n", lines) + "\n"));
    }

    @Test
    void damagedLinesDuplicatesAndAPartialLastLineAreReportedTheSame() throws IOException {
        List<String> damaged = new ArrayList<>(lines);
        damaged.set(7, "{\"type\":\"step\",\"q\":");                  // bad JSON in the middle
        damaged.set(20, "{\"type\":\"step\",\"q\":\"x\",\"step\":\"one\"}"); // wrong field type
        damaged.add(30, lines.get(3));                                   // duplicate, far from the first copy
        damaged.add(60, "");                                             // blank line
        damaged.add(61, "   \t");
        damaged.add(90, lines.get(0));                                   // a second header
        damaged.add(100, "{\"type\":\"note\",\"text\":\"ignored\"}");  // another line type
        damaged.add(110, "[1,2,3]");
        damaged.add(lines.get(lines.size() - 1));                        // duplicate of the last step line
        String text = String.join("\n", damaged) + "\n" + lines.get(5).substring(0, 200); // half-written last line
        assertSameAsSequential(write("damaged.jsonl", text));
        RunFile r = RunFileReader.read(dir.resolve("damaged.jsonl"));
        assertThat(r.partialTail()).isTrue();
        assertThat(r.problems()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aSyntaxErrorOnTheLastLineIsATailNotAProblemAndCrLfLinesWork() throws IOException {
        String text = String.join("\r\n", lines) + "\r\n{\"type\":\"step\",\"q\":\"broken\r\n\r\n";
        assertSameAsSequential(write("crlf.jsonl", text));
        assertThat(RunFileReader.read(dir.resolve("crlf.jsonl")).partialTail()).isTrue();
    }

    @Test
    void badHeadersFailTheSameWay() throws IOException {
        Path noHeader = write("noheader.jsonl", "\n\n  \n");
        Path notJson = write("notjson.jsonl", "hello\n" + lines.get(1) + "\n");
        for (Path p : List.of(noHeader, notJson)) {
            String expected = messageOf(() -> RunFileReader.read(p));
            String actual = messageOf(() -> ParallelRunFileReader.read(p, RunFileReader.Detail.FULL, 2, 0, 16));
            assertThat(actual).isNotNull().isEqualTo(expected);
        }
    }

    @Test
    void smallAndGzipFilesAreReadSequentially() throws IOException {
        Path small = write("small.jsonl", String.join("\n", lines) + "\n");
        RunFile viaDefault = ParallelRunFileReader.read(small, RunFileReader.Detail.SUMMARY);
        assertSame(RunFileReader.read(small, RunFileReader.Detail.SUMMARY), viaDefault);
    }

    private interface Read {
        RunFile run() throws IOException;
    }

    private static String messageOf(Read read) {
        try {
            read.run();
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
