package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --dataset}: a missing file is an error, a skipped row is reported (issue 9, item 18). */
class SimulateDatasetErrorsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int ew(String... args) {
        return EntropyWorkbenchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aMissingDatasetFileIsAnErrorNamingTheFileWithOrWithoutQuestions() {
        Path missing = dir.resolve("missing.jsonl");
        assertThat(ew("simulate", "--profile", "reasoning", "--seed", "1", "--dataset", missing.toString(), "-o", dir.resolve("a.jsonl").toString()))
                .isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("dataset file " + missing + " not found").doesNotContain("--questions is required");

        err.getBuffer().setLength(0);
        assertThat(ew("simulate", "--profile", "reasoning", "--seed", "1", "--dataset", "missing.jsonl", "--questions", "3", "-o", dir.resolve("b.jsonl").toString()))
                .isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("dataset file missing.jsonl not found");
        assertThat(Files.exists(dir.resolve("b.jsonl"))).isFalse();
    }

    @Test
    void aShortCsvRowIsReportedAsRunReportsIt() throws Exception {
        Path csv = dir.resolve("short.csv");
        Files.writeString(csv, "id,question,answer\na,What is 2 + 2?,4\nb,What is 3 + 3?\nc,What is 1 + 1?,2\n");

        int code = ew("simulate", "--profile", "reasoning", "--dataset", csv.toString(), "--seed", "1",
                "-o", dir.resolve("sim.jsonl").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("warning: short.csv line 3");
        assertThat(out.toString()).contains("2 questions");
    }
}
