package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyworkbench.core.follow.ServeRecordLines;
import org.entropyworkbench.core.run.RunFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} and {@code calibrate} on a serve record (no gold answers): analyze prints what needs no
 * answers and says why the rest is missing, in text and as explicit nulls with a reason in --json;
 * calibrate refuses with a clear message and writes nothing.
 */
class UngradedRunCliTest {

    @TempDir
    Path dir;

    /** Header τ 0.5; requests a, c stop (H 0.2, 0.4); b, d refine (H 0.9, 1.3) with two steps each. */
    private Path record() throws Exception {
        Path file = dir.resolve("serve.jsonl");
        try (RunFileWriter w = RunFileWriter.create(file, ServeRecordLines.header())) {
            w.append(ServeRecordLines.step("a", 1, 0.2, 100));
            w.append(ServeRecordLines.step("b", 1, 0.9, 100));
            w.append(ServeRecordLines.step("b", 2, 0.5, 300));
            w.append(ServeRecordLines.step("c", 1, 0.4, 100));
            w.append(ServeRecordLines.step("d", 1, 1.3, 100));
            w.append(ServeRecordLines.step("d", 2, 0.5, 300));
        }
        return file;
    }

    @Test
    void analyzeSaysWhyAccuracyIsMissingAndShowsTheStopRate() throws Exception {
        EntropyWorkbenchCliTest.Result r = EntropyWorkbenchCliTest.run("analyze", "--no-cache", record().toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("no gold answers in this run").contains("4 questions, 4 with a step-1")
                .contains("stop rate 50.0 % of 4").doesNotContain("NaN").doesNotContain("Gated Acc");
    }

    @Test
    void analyzeJsonHasExplicitNullsWithTheReason() throws Exception {
        EntropyWorkbenchCliTest.Result r = EntropyWorkbenchCliTest.run("analyze", "--no-cache", "--json",
                record().toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode run = new ObjectMapper().readTree(r.out()).get("runs").get(0);
        assertThat(run.get("gradingState").asText()).isEqualTo("ungraded");
        assertThat(run.get("accuracyReason").asText()).contains("no gold answers");
        JsonNode method = run.get("methods").get(0);
        assertThat(method.get("gatedAccuracy").isNull()).isTrue();
        assertThat(method.get("finalAccuracy").isNull()).isTrue();
        assertThat(method.get("reason").asText()).contains("graded questions");
        assertThat(run.get("separation").get("cohensD").isNull()).isTrue();
        JsonNode u = run.get("ungraded");
        assertThat(u.get("questions").asInt()).isEqualTo(4);
        assertThat(u.get("headerTau").asDouble()).isEqualTo(0.5);
        assertThat(u.get("stopRate").asDouble()).isEqualTo(0.5);
        assertThat(u.get("histogram").get("counts")).hasSize(10);
    }

    @Test
    void calibrateRefusesWithAClearMessageAndWritesNothing() throws Exception {
        Path out = dir.resolve("cal.json");
        EntropyWorkbenchCliTest.Result r = EntropyWorkbenchCliTest.run("calibrate", "--no-cache", record().toString(),
                "-o", out.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("cannot calibrate").contains("no gold answers").contains("nothing was written");
        assertThat(Files.exists(out)).isFalse();
    }
}
