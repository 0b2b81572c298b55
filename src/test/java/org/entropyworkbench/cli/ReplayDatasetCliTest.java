package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.grading.Graders;
import org.entropyworkbench.core.protocol.QuestionPreparer;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's "Done when": {@code run} then {@code analyze} on the built-in dataset through the replay
 * provider, from nothing but the command line: simulate a recording of builtin:mini, replay it
 * graded against the dataset, analyse the result.
 */
class ReplayDatasetCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int ew(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return EntropyWorkbenchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static String key(StepRecord r) {
        return r.questionId() + "#" + r.step();
    }

    @Test
    void simulateThenReplayOnTheBuiltInDatasetThenAnalyzeGradesWithTheRealGrader() throws Exception {
        Path recording = dir.resolve("mini-sim.jsonl");
        assertThat(ew("simulate", "--profile", "reasoning", "--dataset", "builtin:mini", "--seed", "3",
                "--max-token-records", "30", "--created-at", "2025-01-01T00:00:00Z", "-o", recording.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("12 questions", "48 steps");
        // Flip every recorded verdict: the replay must grade the recorded texts, not repeat these.
        Path tampered = dir.resolve("mini-sim-flipped.jsonl");
        String flipped = Files.readString(recording).replace("\"correct\":true", "\"correct\":\"T\"")
                .replace("\"correct\":false", "\"correct\":true").replace("\"correct\":\"T\"", "\"correct\":false");
        Files.writeString(tampered, flipped);
        Path output = dir.resolve("mini-run.jsonl");

        int code = ew("run", "--dataset", "builtin:mini", "--preset", "replay", "--replay", tampered.toString(),
                "--progress", "none", "-o", output.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("warning");
        assertThat(out.toString()).contains("run completed", "questions      12 (12 finished)", "steps          48");
        Dataset mini = BuiltInDatasets.load("mini");
        Map<String, String> gold = new HashMap<>();
        for (Problem p : mini.problems()) {
            gold.put(p.id(), QuestionPreparer.prepare(p, 0).expectedAnswer());
        }
        RunFile run = RunFileReader.read(output);
        assertThat(run.problems()).isEmpty();
        assertThat(run.header().dataset()).isEqualTo(BuiltInDatasets.MINI);
        assertThat(run.header().answerKind()).isEqualTo("integer");
        assertThat(run.steps().stream().filter(r -> r.step() == 1).map(StepRecord::questionId).toList())
                .containsExactlyInAnyOrderElementsOf(mini.problems().stream().map(Problem::id).toList());
        Map<String, StepRecord> original = new HashMap<>();
        RunFileReader.read(recording).steps().forEach(r -> original.put(key(r), r));
        Map<String, StepRecord> flippedSteps = new HashMap<>();
        RunFileReader.read(tampered).steps().forEach(r -> flippedSteps.put(key(r), r));
        int step1Correct = 0;
        for (StepRecord r : run.steps()) {
            Boolean graderVerdict = Graders.forKind(mini.kind()).grade(r.text(), gold.get(r.questionId())).correct();
            assertThat(r.correct()).as(key(r) + ": " + r.text()).isNotNull().isEqualTo(graderVerdict);
            assertThat(r.expectedAnswer()).isEqualTo(gold.get(r.questionId()));
            assertThat(r.correct()).isEqualTo(original.get(key(r)).correct())
                    .isNotEqualTo(flippedSteps.get(key(r)).correct());
            if (r.step() == 1 && r.correct()) {
                step1Correct++;
            }
        }
        assertThat(step1Correct).isBetween(1, 11);

        assertThat(ew("analyze", output.toString())).as(err.toString()).isZero();
        String table = out.toString();
        assertThat(table).contains("dataset builtin-mini", "12 questions with step 1, 12 complete (4 steps)",
                "Entropy mean", "Information-theoretic", "Bayes optimal", "Scale-invariant universal",
                "Top-k ablation", "correct n=" + step1Correct + " ", "incorrect n=" + (12 - step1Correct) + " ",
                Numbers.percent(step1Correct / 12.0), "per-channel step-1 means");
    }

    @Test
    void multipleChoiceIsGradedAgainstTheShuffleOfTheRunSeedAndAMismatchIsReported() throws Exception {
        Path recording = dir.resolve("mc-sim.jsonl");
        assertThat(ew("simulate", "--profile", "instruction", "--dataset", "builtin:mc", "--shuffle-seed", "8",
                "--seed", "2", "--max-token-records", "10", "-o", recording.toString())).as(err.toString()).isZero();
        Map<String, Boolean> simulated = new HashMap<>();
        RunFileReader.read(recording).steps().forEach(r -> simulated.put(key(r), r.correct()));

        Path same = dir.resolve("mc-same-seed.jsonl");
        assertThat(ew("run", "--dataset", "builtin:mc", "--seed", "8", "--preset", "replay", "--replay",
                recording.toString(), "--progress", "none", "-o", same.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("expected another answer");
        List<StepRecord> steps = RunFileReader.read(same).steps();
        assertThat(steps).hasSize(6 * 4);
        assertThat(steps).allSatisfy(r -> assertThat(r.correct()).as(key(r)).isEqualTo(simulated.get(key(r))));

        Path other = dir.resolve("mc-other-seed.jsonl");
        assertThat(ew("run", "--dataset", "builtin:mc", "--seed", "9", "--preset", "replay", "--replay",
                recording.toString(), "--progress", "none", "-o", other.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("expected another answer than dataset builtin-mc", "grading uses the dataset's");
    }

    @Test
    void aRecordingThatSharesNoQuestionWithTheDatasetIsRefusedAndNothingIsWritten() {
        Path recording = dir.resolve("invented.jsonl");
        assertThat(ew("simulate", "--profile", "reasoning", "--questions", "3", "--seed", "1",
                "--max-token-records", "5", "-o", recording.toString())).isZero();
        Path output = dir.resolve("out.jsonl");

        int code = ew("run", "--dataset", "builtin:mini", "--preset", "replay", "--replay", recording.toString(),
                "-o", output.toString());

        assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("invented.jsonl: none of its completely recorded questions is in dataset"
                + " builtin-mini", "q001", "mini-01");
        assertThat(Files.exists(output)).isFalse();
    }

    @Test
    void simulateChecksItsDatasetOptions() throws Exception {
        assertThat(ew("simulate", "--profile", "reasoning", "--seed", "1", "-o", dir.resolve("a.jsonl").toString()))
                .isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("--questions is required");

        assertThat(ew("simulate", "--profile", "reasoning", "--dataset", "builtin:mini", "--questions", "13",
                "--seed", "1", "-o", dir.resolve("b.jsonl").toString())).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("--questions must be 1 to 12");

        assertThat(ew("simulate", "--profile", "reasoning", "--dataset", "builtin:mini", "--answer-kind",
                "multiple-choice", "--seed", "1", "-o", dir.resolve("c.jsonl").toString()))
                .isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("contradicts dataset builtin-mini");

        Path file = dir.resolve("tiny.jsonl");
        Files.writeString(file, "{\"id\":\"t1\",\"problem\":\"Invented: what is 2 + 3?\",\"answer\":5}\n"
                + "{\"id\":\"t2\",\"problem\":\"Invented: what is 4 + 4?\",\"answer\":8}\n", StandardCharsets.UTF_8);
        Path fromFile = dir.resolve("d.jsonl");
        assertThat(ew("simulate", "--profile", "reasoning", "--dataset", file.toString(), "--seed", "1",
                "--max-token-records", "5", "-o", fromFile.toString())).as(err.toString()).isZero();
        RunFile run = RunFileReader.read(fromFile);
        assertThat(run.header().datasetPath()).isEqualTo(file.toString());
        assertThat(run.steps()).extracting(StepRecord::questionId).containsOnly("t1", "t2");

        Path labelled = dir.resolve("e.jsonl");
        assertThat(ew("simulate", "--profile", "reasoning", "--questions", "2", "--dataset", "just-a-label", "--seed", "1",
                "--max-token-records", "5", "-o", labelled.toString())).as(err.toString()).isZero();
        assertThat(RunFileReader.read(labelled).header().dataset()).isEqualTo("just-a-label");
        assertThat(RunFileReader.read(labelled).steps()).extracting(StepRecord::questionId).contains("q001", "q002");
    }

    @Test
    void analyzeJsonCarriesTheChannelMeansAndWhichTokensHUses() throws Exception {
        Path recording = dir.resolve("sim.jsonl");
        assertThat(ew("simulate", "--profile", "reasoning", "--questions", "20", "--seed", "4",
                "--max-token-records", "40", "-o", recording.toString())).isZero();

        assertThat(ew("analyze", "--json", recording.toString())).as(err.toString()).isZero();

        JsonNode first = new ObjectMapper().readTree(out.toString()).get("runs").get(0);
        assertThat(first.get("entropyTokens").asText()).contains("all tokens with logprobs");
        JsonNode channels = first.get("channelMeans");
        assertThat(channels.get("available").asBoolean()).isTrue();
        int nCorrect = first.get("separation").get("correct").get("n").asInt();
        assertThat(channels.get("correct").get("reasoning").get("n").asInt()).isEqualTo(nCorrect);
        assertThat(channels.get("incorrect").get("answer").has("mean")).isTrue();
        assertThat(channels.get("questionsWithChannels").asInt())
                .isEqualTo(nCorrect + first.get("separation").get("incorrect").get("n").asInt());
    }
}
