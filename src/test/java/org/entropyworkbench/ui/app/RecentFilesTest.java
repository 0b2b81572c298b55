package org.entropyworkbench.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {

    @TempDir
    Path dir;

    @Test
    void newestFirstWithoutDuplicatesAndPersisted() {
        Path store = dir.resolve("cfg/recent-files.json");
        RecentFiles recent = new RecentFiles(store);
        recent.add(dir.resolve("a.jsonl"));
        recent.add(dir.resolve("b.jsonl"));
        recent.add(dir.resolve("a.jsonl"));

        assertThat(recent.entries()).containsExactly(dir.resolve("a.jsonl"), dir.resolve("b.jsonl"));
        assertThat(store).exists();
        assertThat(new RecentFiles(store).entries()).containsExactly(dir.resolve("a.jsonl"), dir.resolve("b.jsonl"));
    }

    @Test
    void keepsAtMostTheLimit() {
        RecentFiles recent = new RecentFiles(dir.resolve("recent.json"));
        for (int i = 0; i < RecentFiles.MAX_ENTRIES + 5; i++) {
            recent.add(dir.resolve("run" + i + ".jsonl"));
        }
        assertThat(recent.entries()).hasSize(RecentFiles.MAX_ENTRIES);
        assertThat(recent.entries().get(0)).isEqualTo(dir.resolve("run" + (RecentFiles.MAX_ENTRIES + 4) + ".jsonl"));
    }

    @Test
    void corruptStoreMeansNoEntriesAndAReason() throws Exception {
        Path store = dir.resolve("recent.json");
        Files.writeString(store, "{not json");
        RecentFiles recent = new RecentFiles(store);
        assertThat(recent.entries()).isEmpty();
        assertThat(recent.lastError()).contains("recent.json");
    }
}
