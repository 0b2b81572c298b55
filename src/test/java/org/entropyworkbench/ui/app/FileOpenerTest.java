package org.entropyworkbench.ui.app;

import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileWriter;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOpenerTest {

    @TempDir
    Path dir;

    private Workspace workspace;
    private FileOpener opener;
    private final List<FileOpener.Outcome> outcomes = new ArrayList<>();
    private final List<Path> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        opener = new FileOpener(workspace, new CurrentThreadTaskExecutor(), outcomes::add);
        opener.setOnOpened(opened::add);
    }

    @Test
    void routesRunFilesPlainAndGzippedByTheirHeader() throws Exception {
        Path plain = UiTestRuns.write(dir, "reasoning", 12, 1);
        Path gz = dir.resolve("copy.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(plain));
        }
        Path renamed = dir.resolve("oddly-named.json");
        Files.copy(plain, renamed);

        assertThat(FileOpener.detect(plain)).isEqualTo(FileOpener.FileKind.RUN);
        assertThat(FileOpener.detect(gz)).isEqualTo(FileOpener.FileKind.RUN);
        assertThat(FileOpener.detect(renamed)).isEqualTo(FileOpener.FileKind.RUN);

        opener.openAll(List.of(plain, gz));
        assertThat(workspace.runs()).hasSize(2);
        assertThat(workspace.selectedRun().get().path()).isEqualTo(plain);
        assertThat(outcomes).allMatch(o -> o.loaded() && o.kind() == FileOpener.FileKind.RUN && o.problems().isEmpty());
        assertThat(opened).containsExactly(plain, gz);
    }

    @Test
    void filesOpenedTogetherReachTheWorkspaceInTheGivenOrderWhateverFinishesFirst() throws Exception {
        Path a = UiTestRuns.write(dir, "reasoning", 12, 1);
        Path b = UiTestRuns.write(dir, "instruction", 12, 2);
        Path c = UiTestRuns.write(dir, "reasoning", 14, 3);
        Path missing = dir.resolve("gone.jsonl");
        List<Runnable> finished = new ArrayList<>();
        org.entropyworkbench.ui.task.TaskExecutor reversed = new org.entropyworkbench.ui.task.TaskExecutor() {
            @Override
            public <T> org.entropyworkbench.ui.task.TaskHandle submit(String title,
                    org.entropyworkbench.ui.task.BackgroundWork<T> work, java.util.function.Consumer<T> onSuccess,
                    java.util.function.Consumer<Throwable> onFailure) {
                finished.add(0, () -> {
                    try {
                        onSuccess.accept(work.call(null));
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
                return new org.entropyworkbench.ui.task.TaskHandle() {
                    @Override
                    public void cancel() { }

                    @Override
                    public boolean isDone() { return true; }
                };
            }

            @Override
            public void runOnUiThread(Runnable action) { action.run(); }
        };
        FileOpener inReverse = new FileOpener(workspace, reversed, outcomes::add);

        inReverse.openAll(List.of(a, missing, b, c));
        finished.forEach(Runnable::run); // the last file finishes first

        assertThat(workspace.runs()).extracting(LoadedRun::path).containsExactly(a, b, c);
        assertThat(workspace.selectedRun().get().path()).isEqualTo(a);
        assertThat(outcomes).extracting(FileOpener.Outcome::file).containsExactly(a, missing, b, c);
        assertThat(outcomes.get(1).loaded()).isFalse();
    }

    @Test
    void routesCalibrationFilesToTheWorkspaceCalibration() throws Exception {
        LoadedRun run = UiTestRuns.load(dir, "reasoning", 30, 2);
        Path cal = dir.resolve("cal.json");
        CalibrationFileWriter.write(cal, CalibrationFile.from(run.analysis(), null, "test", Instant.EPOCH));

        assertThat(FileOpener.detect(cal)).isEqualTo(FileOpener.FileKind.CALIBRATION);
        opener.open(cal);
        assertThat(workspace.calibration().get()).isNotNull();
        assertThat(workspace.runs()).isEmpty();
    }

    @Test
    void routesOtherTablesToDatasets() throws Exception {
        Path csv = dir.resolve("mini.csv");
        Files.writeString(csv, "id,question,answer\nq1,What is 2+3?,5\nq2,What is 10-4?,6\n", StandardCharsets.UTF_8);
        Path jsonl = dir.resolve("mini.jsonl");
        Files.writeString(jsonl, "{\"id\":\"a\",\"question\":\"1+1?\",\"answer\":\"2\"}\n", StandardCharsets.UTF_8);
        Path json = dir.resolve("list.json");
        Files.writeString(json, "[{\"id\":\"a\",\"question\":\"1+2?\",\"answer\":\"3\"}]", StandardCharsets.UTF_8);

        assertThat(FileOpener.detect(csv)).isEqualTo(FileOpener.FileKind.DATASET);
        assertThat(FileOpener.detect(jsonl)).isEqualTo(FileOpener.FileKind.DATASET);
        assertThat(FileOpener.detect(json)).isEqualTo(FileOpener.FileKind.DATASET);
        opener.open(csv);
        assertThat(workspace.datasets()).hasSize(1);
        assertThat(workspace.datasets().get(0).problems()).hasSize(2);
        assertThat(workspace.selectedDataset().get()).isSameAs(workspace.datasets().get(0));
    }

    @Test
    void unknownFilesAreRefusedWithTheirName() throws Exception {
        Path txt = dir.resolve("notes.txt");
        Files.writeString(txt, "hello");
        assertThat(FileOpener.detect(txt)).isEqualTo(FileOpener.FileKind.UNSUPPORTED);
        opener.open(txt);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.loaded()).isFalse();
            assertThat(o.error()).contains("notes.txt");
        });
        assertThat(opened).isEmpty();
    }

    @Test
    void aCorruptLineIsReportedWithFileAndLineWhileGoodLinesLoad() throws Exception {
        Path good = UiTestRuns.write(dir, "reasoning", 10, 3);
        List<String> lines = new ArrayList<>(Files.readAllLines(good));
        int total = lines.size();
        lines.add(5, "{\"type\":\"step\",\"q\":\"broken\",\"step\":\"one\"}");
        Path corrupt = dir.resolve("corrupt.jsonl");
        Files.write(corrupt, lines);

        opener.open(corrupt);

        assertThat(workspace.runs()).singleElement().satisfies(r ->
                assertThat(r.file().steps()).hasSize(total - 1));
        FileOpener.Outcome o = outcomes.get(0);
        assertThat(o.loaded()).isTrue();
        assertThat(o.problems()).singleElement().asString().contains("corrupt.jsonl").contains("6");
    }

    @Test
    void aFileWithoutAHeaderFailsNamingTheFile() throws Exception {
        Path bad = dir.resolve("nothing.jsonl.gz");
        Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        opener.open(bad);
        assertThat(workspace.runs()).isEmpty();
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.error()).contains("nothing.jsonl.gz"));
    }
}
