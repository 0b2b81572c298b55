package org.entropyworkbench.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsViewModelTest {

    private final Workspace workspace = new Workspace(new CurrentThreadTaskExecutor());
    private final DatasetsViewModel vm = new DatasetsViewModel(workspace, new CurrentThreadTaskExecutor());

    @Test
    void builtInDatasetIsAddedSelectedAndListed() {
        vm.loadBuiltIn(BuiltInDatasets.MINI);
        assertThat(workspace.datasets()).hasSize(1);
        Dataset d = workspace.selectedDataset().get();
        assertThat(d.name()).isEqualTo(BuiltInDatasets.MINI);
        assertThat(vm.problems()).hasSize(d.problems().size());
        assertThat(vm.counts().get()).isEqualTo(d.problems().size() + " problems · integer");
        assertThat(vm.message().get()).startsWith("Loaded builtin-mini: " + d.problems().size() + " problems");
        assertThat(vm.busy().get()).isFalse();
    }

    @Test
    void searchFiltersByEveryWordAndCountsSayHowManyMatch() {
        vm.loadBuiltIn(BuiltInDatasets.MINI);
        Dataset d = workspace.selectedDataset().get();
        String id = d.problems().get(3).id();
        vm.filter().set(id.toUpperCase());
        assertThat(vm.problems()).extracting(ProblemRow::id).contains(id);
        long expected = d.problems().stream().filter(p -> ProblemRow.of(p).matches(id)).count();
        assertThat(vm.problems()).hasSize((int) expected);
        assertThat(vm.counts().get()).startsWith(expected + " of " + d.problems().size() + " problems match");
        vm.filter().set("no-such-word-anywhere qqq");
        assertThat(vm.problems()).isEmpty();
        vm.filter().set("");
        assertThat(vm.problems()).hasSize(d.problems().size());
    }

    @Test
    void importWithMappingShowsSkippedRowsAsMessagesNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mixed.jsonl");
        Files.writeString(f, """
                {"id":"a","problem":"Invented question one?","answer":"12"}
                {"id":"b","problem":"Invented question two?"}
                not json at all
                {"id":"c","problem":"Invented question three?","answer":"7"}
                """);
        vm.preview(f, model -> vm.importDataset(f, model.mapping().orElseThrow()));
        Dataset d = workspace.selectedDataset().get();
        assertThat(d.problems()).hasSize(2);
        assertThat(vm.warnings()).hasSize(2);
        assertThat(vm.warnings()).anySatisfy(w -> assertThat(w).contains("mixed.jsonl line 2").contains("answer"));
        assertThat(vm.warnings()).anySatisfy(w -> assertThat(w).contains("mixed.jsonl line 3"));
        assertThat(vm.counts().get()).isEqualTo("2 problems · 2 warnings · integer");
    }

    @Test
    void unreadableFileLeavesWorkspaceAloneAndSaysWhy(@TempDir Path dir) {
        vm.loadBuiltIn(BuiltInDatasets.MINI);
        Path missing = dir.resolve("nowhere.csv");
        vm.preview(missing, model -> { throw new AssertionError("no preview expected"); });
        assertThat(vm.message().get()).contains("nowhere.csv");
        assertThat(workspace.datasets()).hasSize(1);
        assertThat(vm.busy().get()).isFalse();
    }
}
