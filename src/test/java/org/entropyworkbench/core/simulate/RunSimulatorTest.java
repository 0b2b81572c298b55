package org.entropyworkbench.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSimulatorTest {

    @TempDir
    Path dir;

    private static SimulationSettings settings(SimulationProfile profile, int questions, long seed, int cap, boolean top) {
        return new SimulationSettings(profile, questions, seed, cap, AnswerKind.INTEGER, null, top, Instant.EPOCH);
    }

    @Test
    void sameSeedGivesTheSameFileAndAnotherSeedDoesNot() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        new RunSimulator(settings(SimulationProfile.reasoning(), 12, 5, 50, true)).writeTo(a);
        new RunSimulator(settings(SimulationProfile.reasoning(), 12, 5, 50, true)).writeTo(b);
        new RunSimulator(settings(SimulationProfile.reasoning(), 12, 6, 50, true)).writeTo(c);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }

    @Test
    void recordsAreCompleteConsistentAndMarkedSimulated() throws IOException {
        Path p = dir.resolve("run.jsonl.gz");
        RunSimulator sim = new RunSimulator(settings(SimulationProfile.reasoning(), 20, 3, 120, true));
        sim.writeTo(p);
        RunFile run = RunFileReader.read(p);
        assertThat(run.problems()).isEmpty();
        assertThat(run.header().simulated()).isTrue();
        assertThat(run.header().generator()).containsEntry("seed", 3).containsEntry("profile", "reasoning");
        assertThat(run.header().title()).contains("simulated");
        assertThat(run.steps()).hasSize(20 * RunSimulator.STEPS);
        for (StepRecord s : run.steps()) {
            int n = s.tokenRecordCount();
            assertThat(n).isBetween(1, 120);
            assertThat(s.completionTokens()).isBetween(800, 8000);
            assertThat(s.flags()).doesNotContain("token-count-mismatch");
            if (n < s.completionTokens()) {
                assertThat(s.flags()).contains(RunSimulator.SAMPLED_TOKENS_FLAG);
            }
            assertThat(s.entropyByK().keySet()).containsExactlyInAnyOrder(5, 10, 15, 20);
            assertThat(s.tokens()).hasSize(n).allSatisfy(t -> assertThat(t).isNotBlank());
            assertThat(s.topLogprobs()).hasSize(n);
            assertThat(s.correct()).isNotNull();
            assertThat(s.correct()).isEqualTo(s.extractedAnswer().equals(s.expectedAnswer()));
            for (int i = 0; i < n; i++) {
                assertThat(s.entropies(5)[i]).isLessThanOrEqualTo(s.entropies(20)[i] + 1e-4);
            }
        }
        StepRecord first = run.steps().get(0);
        double[] recomputed = new double[4];
        StepRecord.TopLogprobs top = first.topLogprobs().get(0);
        TopKEntropy.forThisThread().compute(top.logprobs(), top.tokens().toArray(new String[0]), top.logprobs().length,
                TopKEntropy.ABLATION_KS, recomputed);
        assertThat(first.entropies(20)[0]).isCloseTo(recomputed[3], org.assertj.core.api.Assertions.within(2e-4));
    }

    @Test
    void withoutACapEveryCompletionTokenHasARecordAndNothingIsFlagged() {
        for (StepRecord s : new RunSimulator(settings(SimulationProfile.instruction(), 3, 9, 0, false)).steps()) {
            assertThat(s.tokenRecordCount()).isEqualTo(s.completionTokens());
            assertThat(s.flags()).isEmpty();
            assertThat(s.topLogprobs()).isNull();
        }
    }

    @Test
    void reasoningProfileSeparatesTheClassesAsConfigured() {
        double d = step1CohensD(SimulationProfile.reasoning(), 400, 21);
        assertThat(d).isBetween(0.55, 1.05);
    }

    @Test
    void instructionProfileDoesNotSeparate() {
        double d = step1CohensD(SimulationProfile.instruction(), 400, 21);
        assertThat(d).isBetween(-0.5, 0.1);
    }

    @Test
    void refinementImprovesAccuracyOverall() {
        for (SimulationProfile profile : List.of(SimulationProfile.reasoning(), SimulationProfile.instruction())) {
            int step1 = 0;
            int step4 = 0;
            for (StepRecord s : new RunSimulator(settings(profile, 300, 4, 20, false)).steps()) {
                if (s.step() == 1 && s.correct()) {
                    step1++;
                }
                if (s.step() == 4 && s.correct()) {
                    step4++;
                }
            }
            assertThat(step4).as(profile.name()).isGreaterThanOrEqualTo(step1);
            assertThat(step1 / 300.0).as(profile.name()).isCloseTo(profile.step1Accuracy(),
                    org.assertj.core.api.Assertions.within(0.08));
        }
    }

    @Test
    void multipleChoiceRunsUseLetters() {
        SimulationSettings s = new SimulationSettings(SimulationProfile.reasoning(), 10, 1, 10,
                AnswerKind.MULTIPLE_CHOICE, null, false, Instant.EPOCH);
        RunSimulator sim = new RunSimulator(s);
        assertThat(sim.header().answerKind()).isEqualTo("multiple-choice");
        assertThat(sim.header().dataset()).isEqualTo("simulated-gpqa");
        for (StepRecord r : sim.steps()) {
            assertThat(r.expectedAnswer()).matches("[A-D]");
            assertThat(r.extractedAnswer()).matches("[A-D]");
        }
    }

    private static double step1CohensD(SimulationProfile profile, int questions, long seed) {
        List<Double> correct = new ArrayList<>();
        List<Double> incorrect = new ArrayList<>();
        for (StepRecord s : new RunSimulator(settings(profile, questions, seed, 200, false)).steps()) {
            if (s.step() == 1) {
                double h = StepEntropyAccumulator.mean(s.entropies(20), null, null);
                (s.correct() ? correct : incorrect).add(h);
            }
        }
        double mc = mean(correct);
        double mi = mean(incorrect);
        double pooled = Math.sqrt(((correct.size() - 1) * variance(correct, mc) + (incorrect.size() - 1) * variance(incorrect, mi))
                / (correct.size() + incorrect.size() - 2));
        return (mi - mc) / pooled;
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double variance(List<Double> xs, double mean) {
        return xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (xs.size() - 1);
    }
}
