package org.entropyworkbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small fuzz pass: 200 damaged files over four readers, each ending in a clear result. */
class ReaderFuzzTest {

    @TempDir
    Path dir;

    @Test
    void everyReaderLoadsOrRejectsClearlyWithoutHangOrOutOfMemory() throws Exception {
        int total = 0;
        for (ReaderFuzz.Target target : FuzzTargets.all(dir.resolve("seed"))) {
            ReaderFuzz.Result r = ReaderFuzz.run(target, 50, 77L, 10_000, dir.resolve("work"));
            total += r.cases();
            assertThat(r.failures()).as(target.name() + ": " + r.examples()).isZero();
            assertThat(r.byMutation()).as("every mutation kind was used").hasSize(FuzzMutator.Mutation.values().length);
            assertThat(r.count(ReaderFuzz.Outcome.REJECTED_CLEARLY) + r.count(ReaderFuzz.Outcome.LOADED_WITH_PROBLEMS))
                    .as(target.name() + ": damage was noticed in some cases").isPositive();
        }
        assertThat(total).isEqualTo(200);
    }

    @Test
    void aReaderThatThrowsSomethingElseIsCountedAsUnclear() throws Exception {
        ReaderFuzz.Target broken = new ReaderFuzz.Target() {
            @Override
            public String name() { return "broken"; }

            @Override
            public String fileName() { return "x.jsonl"; }

            @Override
            public byte[] validInput() { return "{\"a\":1}\n".getBytes(); }

            @Override
            public ReaderFuzz.Outcome read(Path file) {
                throw new IllegalStateException("boom");
            }

            @Override
            public boolean isOwnError(Throwable error) { return false; }
        };
        ReaderFuzz.Result r = ReaderFuzz.run(broken, 7, 1L, 5_000, dir);
        assertThat(r.count(ReaderFuzz.Outcome.UNCLEAR_ERROR)).isEqualTo(7);
        assertThat(r.examples()).isNotEmpty().allMatch(e -> e.contains("boom"));
    }
}
