package org.entropyworkbench.ui.run;

import java.nio.file.Path;
import java.time.Instant;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.simulate.RunSimulator;
import org.entropyworkbench.core.simulate.SimulationProfile;
import org.entropyworkbench.core.simulate.SimulationSettings;

/** Small simulated run files for the Run screen's tests. */
final class SimulatedRuns {

    private SimulatedRuns() {
    }

    /** A reasoning-profile run of {@code questions} questions, at most 150 token records per step. */
    static Path write(Path dir, int questions) throws Exception {
        Path file = dir.resolve("simulated-" + questions + ".jsonl");
        new RunSimulator(new SimulationSettings(SimulationProfile.reasoning(), questions, 11, 150,
                AnswerKind.INTEGER, null, false, Instant.EPOCH)).writeTo(file);
        return file;
    }
}
