package org.entropyworkbench.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.grading.Grade;
import org.entropyworkbench.core.grading.Graders;
import org.entropyworkbench.core.protocol.QuestionPreparer;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSimulationTest {

    @TempDir
    Path dir;

    private static List<StepRecord> records(RunSimulator simulator) {
        List<StepRecord> all = new ArrayList<>();
        simulator.steps().forEach(all::add);
        return all;
    }

    @Test
    void aBuiltInDatasetGivesItsIdsExpectedAnswersAndGraderConsistentVerdicts() throws Exception {
        Dataset mini = BuiltInDatasets.load("mini");
        DatasetQuestions from = DatasetQuestions.of(mini, 0, 0);
        RunSimulator simulator = new RunSimulator(SimulationSettings.forDataset(SimulationProfile.reasoning(), from, 9,
                20, null, false, Instant.EPOCH));

        List<StepRecord> steps = records(simulator);

        assertThat(steps).hasSize(mini.problems().size() * RunSimulator.STEPS);
        List<String> ids = steps.stream().filter(r -> r.step() == 1).map(StepRecord::questionId).toList();
        assertThat(ids).containsExactlyElementsOf(mini.problems().stream().map(Problem::id).toList());
        for (StepRecord r : steps) {
            Problem p = mini.problems().stream().filter(x -> x.id().equals(r.questionId())).findFirst().orElseThrow();
            String gold = QuestionPreparer.prepare(p, 0).expectedAnswer();
            assertThat(r.expectedAnswer()).isEqualTo(gold);
            Grade g = Graders.forKind(AnswerKind.INTEGER).grade(r.text(), gold);
            assertThat(g.correct()).as(r.questionId() + " step " + r.step() + ": " + r.text()).isEqualTo(r.correct());
        }
        assertThat(steps).anyMatch(r -> Boolean.TRUE.equals(r.correct())).anyMatch(r -> Boolean.FALSE.equals(r.correct()));
        RunHeader h = simulator.header();
        assertThat(h.dataset()).isEqualTo(mini.name());
        assertThat(h.answerKind()).isEqualTo("integer");
        assertThat(h.simulated()).isTrue();
        assertThat(h.generator()).containsKey("questionsFrom");
    }

    @Test
    void multipleChoiceLettersFollowTheShuffleOfTheGivenRunSeed() throws Exception {
        Dataset mc = BuiltInDatasets.load("mc");
        DatasetQuestions from = DatasetQuestions.of(mc, 42, 0);
        List<StepRecord> steps = records(new RunSimulator(SimulationSettings.forDataset(SimulationProfile.instruction(),
                from, 4, 10, null, false, Instant.EPOCH)));

        for (StepRecord r : steps) {
            Problem p = mc.problems().stream().filter(x -> x.id().equals(r.questionId())).findFirst().orElseThrow();
            String gold = QuestionPreparer.prepare(p, 42).expectedAnswer();
            assertThat(r.expectedAnswer()).isEqualTo(gold);
            assertThat(Graders.forProblem(p).grade(r.text(), gold).correct()).as(r.text()).isEqualTo(r.correct());
        }
    }

    @Test
    void aLimitTakesTheFirstQuestionsAndSettingsMustAgreeWithTheDataset() throws Exception {
        Dataset mini = BuiltInDatasets.load("mini");
        DatasetQuestions firstThree = DatasetQuestions.of(mini, 0, 3);
        assertThat(firstThree.questions()).extracting(DatasetQuestions.Question::id)
                .containsExactly("mini-01", "mini-02", "mini-03");

        assertThatThrownBy(() -> new SimulationSettings(SimulationProfile.reasoning(), 5, 1, 0, AnswerKind.INTEGER,
                null, false, Instant.EPOCH, firstThree)).hasMessageContaining("must equal the size of dataset");
        assertThatThrownBy(() -> new SimulationSettings(SimulationProfile.reasoning(), 3, 1, 0,
                AnswerKind.MULTIPLE_CHOICE, null, false, Instant.EPOCH, firstThree)).hasMessageContaining("answer kind");
        Dataset free = new Dataset("notes", null, AnswerKind.FREE,
                List.of(new Problem("f1", "Invented: name a colour.", "blue", List.of(), AnswerKind.FREE)), List.of());
        assertThatThrownBy(() -> DatasetQuestions.of(free, 0, 0)).hasMessageContaining("free-text answers");
    }

    /** The committed sample runs are reproduced exactly by the invented-question simulator (sample-runs/generate.sh). */
    @Test
    void withoutADatasetTheCommittedSampleRunsAreReproduced() throws IOException {
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        assertReproduces("1-reasoning-aime.jsonl.gz", new SimulationSettings(SimulationProfile.reasoning(), 30, 101, 300,
                AnswerKind.INTEGER, "aime-sized-simulated", false, created));
        assertReproduces("4-instruction-gpqa.jsonl.gz", new SimulationSettings(SimulationProfile.instruction(), 198, 202,
                100, AnswerKind.MULTIPLE_CHOICE, "gpqa-diamond-sized-simulated", false, created));
    }

    private void assertReproduces(String sample, SimulationSettings settings) throws IOException {
        Path committed = Path.of("sample-runs", sample);
        Path fresh = dir.resolve(sample);
        new RunSimulator(settings).writeTo(fresh);
        assertThat(new String(gunzip(fresh), java.nio.charset.StandardCharsets.UTF_8))
                .as(sample).isEqualTo(new String(gunzip(committed), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
