package org.entropyworkbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.entropyworkbench.cli.EntropyWorkbenchCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ew bench} is wired into the command line: usage errors and a real (small) section run. */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void unknownSectionIsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EntropyWorkbenchCli.execute(new PrintWriter(out), new PrintWriter(err), "bench", "--only", "speed");
        assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_USAGE);
        assertThat(err.toString()).contains("unknown benchmark 'speed'");
    }

    @Test
    void soakSectionRunsAndReportsItsFigures() {
        StringWriter out = new StringWriter();
        int code = EntropyWorkbenchCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "bench", "--quick",
                "--only", "soak", "--data", dir.toString());
        assertThat(out.toString()).contains("## Benchmark report").contains("nproc").contains("### Soak")
                .contains("| question-steps recorded exactly once | 1,000 steps |");
        assertThat(code).isZero();
    }
}
