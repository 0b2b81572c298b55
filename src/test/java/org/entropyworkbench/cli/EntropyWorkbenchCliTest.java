package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyworkbench.core.run.RunFileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntropyWorkbenchCliTest {

    @TempDir
    static Path dir;

    static Path sample;

    /** Output of one in-process invocation. */
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EntropyWorkbenchCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void simulateASample() {
        sample = dir.resolve("sample.jsonl.gz");
        Result r = run("simulate", "--profile", "reasoning", "--questions", "40", "--seed", "3",
                "--max-token-records", "60", "--created-at", "2025-01-01T00:00:00Z", "-o", sample.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("40 questions").contains("160 steps");
    }

    @Test
    void simulateWritesASimulatedRun() throws IOException {
        assertThat(RunFileReader.readHeader(sample).simulated()).isTrue();
        assertThat(RunFileReader.read(sample).steps()).hasSize(160);
    }

    @Test
    void simulateRefusesToOverwriteUnlessForced() {
        Result refused = run("simulate", "--profile", "instruction", "--questions", "2", "--seed", "1", "-o", sample.toString());
        assertThat(refused.code()).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(refused.err()).contains("already exists");
        Path other = dir.resolve("forced.jsonl");
        assertThat(run("simulate", "--profile", "instruction", "--questions", "2", "--seed", "1", "-o", other.toString()).code()).isZero();
        assertThat(run("simulate", "--profile", "instruction", "--questions", "3", "--seed", "1", "--force", "-o", other.toString()).code()).isZero();
    }

    @Test
    void analyzePrintsTheResultsTableAndTheAblation() {
        Result r = run("analyze", sample.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("[SIMULATED]")
                .contains("Step-1 Acc").contains("4-Step Acc").contains("Thresh Acc").contains("Token Sav").contains("Delta-Acc")
                .contains("Entropy mean").contains("Information-theoretic").contains("Bayes optimal").contains("Scale-invariant universal")
                .contains("Cohen's d").contains("Top-k ablation");
        assertThat(r.out().lines().filter(l -> l.matches("\\s+(5|10|15|20)\\s+\\d+\\s+\\d+ .*"))).hasSize(4);
    }

    @Test
    void analyzeJsonIsValidAndCarriesEveryMethod() throws IOException {
        Result r = run("analyze", "--json", "--k", "10", "--priors", "equal", sample.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode first = root.get("runs").get(0);
        assertThat(first.get("k").asInt()).isEqualTo(10);
        assertThat(first.get("priors").asText()).isEqualTo("equal");
        assertThat(first.get("simulated").asBoolean()).isTrue();
        assertThat(first.get("methods")).hasSize(4);
        assertThat(first.get("methods").get(0).get("method").asText()).isEqualTo("entropy-mean");
        assertThat(first.get("methods").get(0).get("tau").isNumber()).isTrue();
        assertThat(first.get("topKAblation")).hasSize(4);
        assertThat(first.get("completeQuestions").asInt()).isEqualTo(40);
    }

    @Test
    void missingOrCorruptRunsFailWithOneLineAndNoStackTrace() throws IOException {
        Result missing = run("analyze", dir.resolve("nope.jsonl").toString());
        assertThat(missing.code()).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("nope.jsonl").contains("not found");
        assertThat(missing.err()).doesNotContain("Exception").doesNotContain("\tat ");

        Path corrupt = dir.resolve("corrupt.jsonl");
        Files.writeString(corrupt, "garbage\n");
        Result bad = run("analyze", corrupt.toString());
        assertThat(bad.code()).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(bad.err().strip()).isEqualTo("ew analyze: corrupt.jsonl line 1: not a run file: the first line is not valid JSON"
                + bad.err().strip().substring(bad.err().strip().indexOf(" (")));
    }

    @Test
    void badUsageExitsWithTwoAndPointsToHelp() {
        Result r = run("analyze", "--k", "7", sample.toString());
        assertThat(r.code()).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(r.err()).contains("--k must be 5, 10, 15 or 20");
        Result unknown = run("analyze", "--bogus", sample.toString());
        assertThat(unknown.code()).isEqualTo(EntropyWorkbenchCli.EXIT_USAGE);
        assertThat(unknown.err()).contains("Unknown option").contains("--help");
        Result noArgs = run("simulate");
        assertThat(noArgs.code()).isEqualTo(EntropyWorkbenchCli.EXIT_USAGE);
        Result profile = run("simulate", "--profile", "wizard", "--questions", "2", "--seed", "1", "-o", dir.resolve("w.jsonl").toString());
        assertThat(profile.code()).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(profile.err()).contains("unknown simulation profile 'wizard'");
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("analyze").contains("calibrate").contains("simulate").contains("import-openai")
                .contains("ui");
        assertThat(run("ui", "--help").out()).contains("Open the workbench window");
        assertThat(run("analyze", "--help").out()).contains("--priors").contains("--json");
    }

    @Test
    void calibrateWritesACalibrationFile() throws IOException {
        Path out = dir.resolve("cal.json");
        Result r = run("calibrate", sample.toString(), "-o", out.toString(), "--method", "scale-invariant-universal");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("<- chosen");
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.toString()).contains("scale-invariant-universal");

        Path few = dir.resolve("few.json");
        Result f = run("calibrate", sample.toString(), "-o", few.toString(), "--few-shot", "10", "--seed", "4", "--draws", "20");
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(f.out()).contains("few-shot").contains("20 draws");
        assertThat(few).exists();
    }

    @Test
    void calibrateWithTauWritesACustomChoiceWithTheGivenKAndPriors() throws IOException {
        Path out = dir.resolve("custom.json");
        Result r = run("calibrate", sample.toString(), "-o", out.toString(), "--k", "5", "--priors", "equal",
                "--tau", "0.123");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("version").intValue()).isEqualTo(2);
        assertThat(json.get("k").intValue()).isEqualTo(5);
        assertThat(json.get("priors").textValue()).isEqualTo("equal");
        assertThat(json.get("chosenMethod").textValue()).isEqualTo("custom");
        assertThat(json.get("chosenTau").doubleValue()).isEqualTo(0.123);
        assertThat(json.get("signal").textValue()).isEqualTo("step1-mean-entropy");

        Result bad = run("calibrate", sample.toString(), "-o", out.toString(), "--tau", "-1");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--tau");
    }

    @Test
    void importOpenAiConvertsResponses() throws IOException {
        Path in = dir.resolve("responses.jsonl");
        Files.writeString(in, "{\"model\":\"m\",\"choices\":[{\"message\":{\"content\":\"Answer: C\"},"
                + "\"logprobs\":{\"content\":[{\"token\":\"C\",\"logprob\":-0.1,\"top_logprobs\":["
                + "{\"token\":\"C\",\"logprob\":-0.1},{\"token\":\"B\",\"logprob\":-2.4}]}]},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"completion_tokens\":1},\"workbench\":{\"q\":\"g1\",\"expected\":\"C\"}}\n");
        Path out = dir.resolve("imported.jsonl");
        Result r = run("import-openai", in.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 steps").contains("multiple-choice");
        assertThat(RunFileReader.read(out).steps().get(0).correct()).isTrue();
    }
}
