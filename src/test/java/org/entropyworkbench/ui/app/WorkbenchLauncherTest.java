package org.entropyworkbench.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent-files list the window's start reads on its own thread while the toolkit starts (issue 12). */
class WorkbenchLauncherTest {

    @TempDir
    Path dir;

    private final String configDirBefore = System.getProperty("ewb.configDir");

    @AfterEach
    void restoreConfigDir() {
        if (configDirBefore == null) {
            System.clearProperty("ewb.configDir");
        } else {
            System.setProperty("ewb.configDir", configDirBefore);
        }
    }

    @Test
    void theListReadInTheBackgroundIsTheUsersAndIsTakenOnce() throws Exception {
        System.setProperty("ewb.configDir", dir.toString());
        Path first = dir.resolve("first.jsonl").toAbsolutePath().normalize();
        Path second = dir.resolve("second.jsonl").toAbsolutePath().normalize();
        write("[ \"" + first + "\" ]");

        WorkbenchLauncher.prepareInBackground();
        assertThat(WorkbenchLauncher.recentFiles().entries()).containsExactly(first);

        write("[ \"" + second + "\" ]");
        assertThat(WorkbenchLauncher.recentFiles().entries())
                .as("a later call reads the file again rather than handing out the start's list twice")
                .containsExactly(second);
    }

    @Test
    void withoutTheBackgroundReadTheListIsReadOnTheSpot() throws Exception {
        System.setProperty("ewb.configDir", dir.toString());
        Path run = dir.resolve("run.jsonl").toAbsolutePath().normalize();
        write("[ \"" + run + "\" ]");

        assertThat(WorkbenchLauncher.recentFiles().entries()).containsExactly(run);
    }

    private void write(String json) throws Exception {
        Files.writeString(dir.resolve("recent-files.json"), json, StandardCharsets.UTF_8);
    }
}
