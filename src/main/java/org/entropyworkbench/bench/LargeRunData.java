package org.entropyworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.simulate.RunSimulator;
import org.entropyworkbench.core.simulate.SimulationProfile;
import org.entropyworkbench.core.simulate.SimulationSettings;

/**
 * The simulated runs of the large-run benchmark, generated on demand with the project's
 * simulator (reasoning profile, 4 steps, per-token records capped at {@link #RECORDS_PER_STEP} per
 * step, about 5,000 token records per question: the 2,000-question run holds about 10 million) and
 * reused when present. Never committed: they live under target/bench-data.
 */
public final class LargeRunData {

    /** Cap on per-token records per step; with the reasoning profile's lengths this gives ~5,000 per question. */
    public static final int RECORDS_PER_STEP = 1400;

    private LargeRunData() {
    }

    public static Path file(Path dir, int questions) throws IOException {
        Path file = dir.resolve("large-" + questions + "q-cap" + RECORDS_PER_STEP + ".jsonl");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        SimulationSettings settings = new SimulationSettings(SimulationProfile.reasoning(), questions, 2026L,
                RECORDS_PER_STEP, AnswerKind.INTEGER, "simulated-large", false, Instant.EPOCH);
        new RunSimulator(settings).writeTo(file);
        return file;
    }
}
