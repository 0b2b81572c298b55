package org.entropyworkbench.ui.workspace;

import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void addRunSelectsTheFirstAndReplacesARunFromTheSamePath() throws Exception {
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        Path a = UiTestRuns.write(dir, "reasoning", 8, 1);
        Path b = UiTestRuns.write(dir, "instruction", 8, 2);
        LoadedRun first = RunFileLoader.load(a);
        LoadedRun second = RunFileLoader.load(b);
        ws.addRun(first);
        ws.addRun(second);
        assertThat(ws.runs()).containsExactly(first, second);
        assertThat(ws.selectedRun().get()).isSameAs(first);

        LoadedRun again = RunFileLoader.load(a);
        ws.addRun(again);
        assertThat(ws.runs()).containsExactly(again, second);
        assertThat(ws.selectedRun().get()).isSameAs(again);
    }

    @Test
    void shortNameDropsTheTrailingParenthetical() throws Exception {
        LoadedRun run = RunFileLoader.load(UiTestRuns.write(dir, "reasoning", 5, 4));
        assertThat(run.displayName()).endsWith(")");
        assertThat(run.shortName()).isEqualTo(run.displayName().substring(0, run.displayName().lastIndexOf(" (")));
    }
}
