package org.entropyworkbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.entropyworkbench.core.runner.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small soak: 100 question-steps through the fault-injecting loopback server, each recorded exactly once. */
class SoakTest {

    @TempDir
    Path dir;

    @Test
    void everyQuestionStepIsRecordedExactlyOnceDespiteInjectedFaults() throws Exception {
        SoakBench.Result r = SoakBench.soak(dir.resolve("soak.jsonl"), 25, 40, 8, SoakBench.FAULTS, 5L, 5);

        assertThat(r.expectedSteps()).isEqualTo(100);
        assertThat(r.missing()).isZero();
        assertThat(r.duplicates()).isZero();
        assertThat(r.otherProblems()).isZero();
        assertThat(r.recordedOnce()).isEqualTo(100);
        assertThat(r.everyStepExactlyOnce()).isTrue();
        assertThat(r.lastStatus()).isEqualTo(RunStatus.COMPLETED);
        long faults = r.stats().requests() - r.stats().faults(FaultPlan.Fault.NONE);
        assertThat(faults).as("faults were actually injected").isPositive();
        assertThat(r.stats().requests()).as("every fault cost one more request").isGreaterThanOrEqualTo(100 + faults);
    }
}
