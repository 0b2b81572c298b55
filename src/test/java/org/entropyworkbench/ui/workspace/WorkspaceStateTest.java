package org.entropyworkbench.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.entropyworkbench.core.signal.Signal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace remembered between sessions: written, read back, restored; a vanished file is a note. */
class WorkspaceStateTest {

    @TempDir
    Path dir;

    @Test
    void aSnapshotRoundTripsAndRestoresEachRunsSessionSettings() throws Exception {
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        LoadedRun a = RunFileLoader.load(UiTestRuns.write(dir, "reasoning", 30, 1));
        LoadedRun b = RunFileLoader.load(UiTestRuns.write(dir, "instruction", 30, 2));
        ws.addRun(a);
        ws.addRun(b);
        ws.session().kProperty().set(5);
        ws.session().priorsProperty().set(BayesPriors.EQUAL);
        ws.session().tauProperty().set(0.4321);
        ws.selectedRun().set(b);
        ws.session().methodProperty().set(new MethodOption(ThresholdMethod.BAYES_OPTIMAL));
        ws.session().sampleModeProperty().set(SampleMode.FEW_SHOT);
        ws.session().signalProperty().set(Signal.MAX_ENTROPY);

        WorkspaceStateFile file = new WorkspaceStateFile(dir.resolve("state").resolve("workspace.json"));
        file.write(ws.snapshot(1024, 700));
        WorkspaceState read = file.read();
        assertThat(read.width()).isEqualTo(1024);
        assertThat(read.selectedRun()).isEqualTo(b.path().toAbsolutePath());
        assertThat(read.runs()).hasSize(2);
        SessionSettings first = read.runs().get(0).settings();
        assertThat(first.k()).isEqualTo(5);
        assertThat(first.priors()).isEqualTo(BayesPriors.EQUAL);
        assertThat(first.rule()).isNull();
        assertThat(first.customTau()).isEqualTo(0.4321);
        assertThat(read.runs().get(1).settings().rule()).isEqualTo(ThresholdMethod.BAYES_OPTIMAL);
        assertThat(read.runs().get(1).settings().sampleMode()).isEqualTo(SampleMode.FEW_SHOT);
        assertThat(read.runs().get(1).settings().signal()).isEqualTo(Signal.MAX_ENTROPY);
        assertThat(first.signal()).isEqualTo(Signal.DEFAULT);

        Workspace next = new Workspace(new CurrentThreadTaskExecutor());
        for (WorkspaceState.RunEntry e : read.existingRuns()) {
            next.rememberSettings(e.path(), e.settings());
        }
        next.addRun(RunFileLoader.load(a.path()));
        assertThat(next.session().kProperty().get()).isEqualTo(5);
        assertThat(next.session().methodProperty().get().isCustom()).isTrue();
        assertThat(next.session().tauProperty().get()).isEqualTo(0.4321);
        assertThat(next.session().analysis().options().k()).isEqualTo(5);
    }

    @Test
    void aRunWhoseFileIsGoneIsDroppedWithANote() throws Exception {
        Path kept = UiTestRuns.write(dir, "reasoning", 20, 3);
        Path gone = UiTestRuns.write(dir, "instruction", 20, 4);
        WorkspaceState state = new WorkspaceState(800, 600, gone, java.util.List.of(
                new WorkspaceState.RunEntry(kept, SessionSettings.defaults()),
                new WorkspaceState.RunEntry(gone, SessionSettings.defaults())));
        Files.delete(gone);
        assertThat(state.existingRuns()).extracting(WorkspaceState.RunEntry::path).containsExactly(kept);
        assertThat(state.missingRunNotes()).singleElement().asString()
                .startsWith("Not reopened: " + gone.getFileName());
    }

    @Test
    void anUnreadableFileGivesAnEmptyWorkspace() throws Exception {
        Path f = dir.resolve("workspace.json");
        Files.writeString(f, "{ not json");
        assertThat(new WorkspaceStateFile(f).read().runs()).isEmpty();
        assertThat(new WorkspaceStateFile(dir.resolve("none.json")).read()).isEqualTo(WorkspaceState.empty());
    }
}
