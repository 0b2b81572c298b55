package org.entropyworkbench.ui.compare;

import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareViewModelTest {

    @TempDir
    Path dir;

    @Test
    void rowsFollowTheTickedRunsAndShowTheirSeparation() throws Exception {
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        CompareViewModel model = new CompareViewModel(ws);
        LoadedRun reasoning = UiTestRuns.load(dir, "reasoning", 200, 21);
        LoadedRun instruction = UiTestRuns.load(dir, "instruction", 200, 22);
        ws.addRun(reasoning);
        ws.addRun(instruction);

        assertThat(model.entries()).hasSize(2);
        assertThat(model.rows()).extracting(CompareRow::name).containsExactly(reasoning.shortName(), instruction.shortName());
        CompareRow r = model.rows().get(0);
        assertThat(r.cohensD()).isEqualTo(reasoning.analysis().separation().cohensD());
        assertThat(r.overlap()).isEqualTo(reasoning.analysis().separation().overlap());
        assertThat(r.separates()).isTrue();
        assertThat(model.rows().get(1).separates()).isFalse();

        String finding = CompareView.findingText(model.rows());
        assertThat(finding).contains("Entropy separates right from wrong: " + reasoning.shortName());
        assertThat(finding).contains("No usable separation: " + instruction.shortName());

        LoadedRun twin = UiTestRuns.load(Files.createDirectories(dir.resolve("twin")), "reasoning", 200, 21);
        ws.addRun(twin);
        assertThat(model.rows()).hasSize(3);
        assertThat(model.rows().stream().map(CompareRow::name).distinct().count()).as("labels stay distinct").isEqualTo(3);
        model.setSelected(twin.displayName(), false);

        model.setSelected(reasoning.displayName(), false);
        assertThat(model.rows()).extracting(CompareRow::name).containsExactly(instruction.shortName());
        assertThat(CompareView.findingText(model.rows())).contains("at least two");
    }
}
