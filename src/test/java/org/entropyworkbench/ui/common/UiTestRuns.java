package org.entropyworkbench.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.simulate.RunSimulator;
import org.entropyworkbench.core.simulate.SimulationProfile;
import org.entropyworkbench.core.simulate.SimulationSettings;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.RunFileLoader;

/** Small simulated runs written to a test folder, for the UI tests (made by the core simulator). */
public final class UiTestRuns {

    private UiTestRuns() {
    }

    /**
     * Writes a simulated run of {@code questions} questions to {@code dir} (unless that file is
     * already there: the simulator is deterministic) and returns its path.
     */
    public static Path write(Path dir, String profile, int questions, long seed) throws IOException {
        SimulationSettings settings = new SimulationSettings(SimulationProfile.byName(profile), questions, seed, 40,
                AnswerKind.MULTIPLE_CHOICE, "test-" + profile, false, Instant.parse("2025-01-01T00:00:00Z"));
        Path file = dir.resolve(profile + "-" + questions + "-" + seed + ".jsonl");
        if (!Files.exists(file)) {
            new RunSimulator(settings).writeTo(file);
        }
        return file;
    }

    /** Writes and loads a simulated run as the workbench would. */
    public static LoadedRun load(Path dir, String profile, int questions, long seed) throws IOException {
        return RunFileLoader.load(write(dir, profile, questions, seed));
    }
}
