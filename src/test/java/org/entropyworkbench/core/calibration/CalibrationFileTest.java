package org.entropyworkbench.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.FewShotCalibration;
import org.entropyworkbench.core.tradeoff.SyntheticRunFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFileTest {

    private static final Instant WHEN = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path dir;

    static RunAnalysis analysis() {
        SyntheticRunFixture f = new SyntheticRunFixture(4);
        var outcomes = SyntheticRunFixture.randomOutcomes(120, 4, 5);
        for (var q : outcomes) {
            f.question(q.questionId(), q.h1(), q.correctByStep(), q.tokensByStep());
        }
        return RunAnalysis.of(f.build(), AnalysisOptions.defaults());
    }

    static CalibrationFile inSample() {
        return CalibrationFile.from(analysis(), ThresholdMethod.BAYES_OPTIMAL, "0.1.0", WHEN);
    }

    @Test
    void inSampleFileCarriesTheAnalysis() {
        RunAnalysis a = analysis();
        CalibrationFile c = CalibrationFile.from(a, ThresholdMethod.BAYES_OPTIMAL, "0.1.0", WHEN);
        assertThat(c.version()).isEqualTo(2);
        assertThat(c.signal()).isEqualTo("step1-mean-entropy");
        assertThat(c.provenance()).isNull();
        assertThat(c.chosen()).isEqualTo(ChosenThreshold.rule(ThresholdMethod.BAYES_OPTIMAL, c.tau(ThresholdMethod.BAYES_OPTIMAL)));
        assertThat(c.entropyUnit()).isEqualTo("bits");
        assertThat(c.k()).isEqualTo(20);
        assertThat(c.priors()).isEqualTo("empirical");
        assertThat(c.model()).isEqualTo("test-model");
        assertThat(c.sourceRunId()).isEqualTo("run-1");
        assertThat(c.chosenTau()).isEqualTo(a.thresholds().tau(ThresholdMethod.BAYES_OPTIMAL));
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertThat(c.tau(m)).isEqualTo(a.thresholds().tau(m));
            assertThat(c.methods().get(m).tokenSavings()).isEqualTo(a.atMethod(m).tokenSavings());
            assertThat(c.methods().get(m).deltaAccuracyPoints()).isEqualTo(a.atMethod(m).deltaAccuracyPoints());
        }
        assertThat(c.classStatistics().cohensD()).isEqualTo(a.separation().cohensD());
        assertThat(c.classStatistics().correct().n()).isEqualTo(a.separation().correct().n());
        assertThat(c.sample().mode()).isEqualTo("all");
        assertThat(c.sample().questionIds()).hasSize(a.runOutcomes().step1Labels().size());
        assertThat(c.sample().seed()).isNull();
        assertThat(c.createdAt()).isEqualTo("2025-06-01T12:00:00Z");
    }

    static CalibrationProvenance provenance() {
        return new CalibrationProvenance("served-model.gguf", 20, 0.6, "llama.cpp", "b4500",
                LogprobsTiming.BEFORE_SAMPLING, "ab12");
    }

    /** A version-1 file as the previous workbench wrote it: no chosenTau, signal, provenance or prompts. */
    static String version1Text() {
        return """
                {"format": "entropy-workbench-calibration", "version": 1, "createdAt": "2025-06-01T12:00:00Z",
                 "workbenchVersion": "0.1.0", "model": "m", "server": "vllm http://gpu1:8000/v1", "dataset": "AIME 2025",
                 "sourceRunId": "r1", "k": 20, "entropyUnit": "bits", "priors": "empirical", "chosenMethod": "entropy-mean",
                 "methods": {
                   "entropy-mean": {"tau": 0.77, "available": true, "note": null, "expected": {"tokenSavings": 0.3,
                     "callSavings": 0.3, "gatedAccuracy": 0.8, "deltaAccuracyPoints": 0.0}},
                   "information-theoretic": {"tau": 0.8, "available": true, "note": null, "expected": {"tokenSavings": 0.3,
                     "callSavings": 0.3, "gatedAccuracy": 0.8, "deltaAccuracyPoints": 0.0}},
                   "bayes-optimal": {"tau": null, "available": false, "note": "one class", "expected": {"tokenSavings": null,
                     "callSavings": null, "gatedAccuracy": null, "deltaAccuracyPoints": null}},
                   "scale-invariant-universal": {"tau": 0.9, "available": true, "note": null, "expected": {"tokenSavings": 0.4,
                     "callSavings": 0.4, "gatedAccuracy": 0.7, "deltaAccuracyPoints": -1.0}}},
                 "classStatistics": {"correct": {"n": 3, "mu": 0.7, "sigma": 0.1}, "incorrect": {"n": 2, "mu": 1.0,
                   "sigma": 0.1}, "cohensD": 3.0, "pValue": 0.01},
                 "calibrationSample": {"mode": "all", "n": 5, "draws": 1, "seed": null, "questionIds": ["a","b","c","d","e"]}}
                """;
    }

    @Test
    void readsVersion1Files() throws IOException {
        Path file = dir.resolve("v1.json");
        Files.writeString(file, version1Text());
        CalibrationFile c = CalibrationFileReader.read(file);
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.chosen()).isEqualTo(ChosenThreshold.rule(ThresholdMethod.ENTROPY_MEAN, 0.77));
        assertThat(c.gateThreshold(null).tau()).isEqualTo(0.77);
        assertThat(c.signal()).isEqualTo(CalibrationFile.DEFAULT_SIGNAL);
        assertThat(c.provenance()).isNull();
        assertThat(c.prompts()).isNull();
        Files.writeString(file, version1Text().replace("\"chosenMethod\": \"entropy-mean\"", "\"chosenMethod\": \"custom\""));
        assertThatThrownBy(() -> CalibrationFileReader.read(file))
                .hasMessageContaining("field \"chosenMethod\": \"custom\" needs version 2");
    }

    @Test
    void customTauSignalProvenanceAndPromptsRoundTrip() throws IOException {
        CalibrationFile c = inSample().withCustomTau(0.123).withSignal("some-future-signal").withProvenance(provenance())
                .withPrompts(new CalibrationPrompts("sys", "Solve: {question}", "Check again.", 4));
        Path file = dir.resolve("custom.json");
        CalibrationFileWriter.write(file, c);
        var tree = new ObjectMapper().readTree(file.toFile());
        assertThat(tree.at("/version").intValue()).isEqualTo(2);
        assertThat(tree.at("/chosenMethod").textValue()).isEqualTo("custom");
        assertThat(tree.at("/chosenTau").doubleValue()).isEqualTo(0.123);
        assertThat(tree.at("/provenance/logprobsTiming").textValue()).isEqualTo("before-sampling");
        assertThat(tree.at("/prompts/refine").textValue()).isEqualTo("Check again.");
        CalibrationFile back = CalibrationFileReader.read(file);
        assertThat(back).isEqualTo(c);
        assertThat(back.chosen().isCustom()).isTrue();
        assertThat(back.chosenMethod()).isNull();
        assertThat(back.gateThreshold(null)).isEqualTo(ChosenThreshold.custom(0.123));
        assertThat(back.gateThreshold(ThresholdMethod.ENTROPY_MEAN))
                .isEqualTo(ChosenThreshold.rule(ThresholdMethod.ENTROPY_MEAN, c.tau(ThresholdMethod.ENTROPY_MEAN)));
        assertThat(back.signal()).isEqualTo("some-future-signal");
        assertThat(back.prompts().toPromptSet().step1()).isEqualTo("Solve: {question}");
    }

    @Test
    void promptsComeFromTheRunHeader() {
        CalibrationFile c = inSample();
        var h = analysis().header();
        if (h.prompts().isEmpty()) {
            assertThat(c.prompts()).isNull();
        } else {
            assertThat(c.prompts().step1()).isEqualTo(h.prompts().get("step1"));
            assertThat(c.prompts().steps()).isEqualTo(h.steps());
        }
    }

    @Test
    void customTauNeedsANumberAndRuleTauMustAgree() throws IOException {
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> {
            r.put("chosenMethod", "custom");
            r.putNull("chosenTau");
        }))).hasMessageContaining("field \"chosenTau\": expected a number when chosenMethod is \"custom\"");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> r.put("chosenTau", 99.0))))
                .hasMessageContaining("field \"chosenTau\": is 99.0 but methods.bayes-optimal.tau is");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> r.putObject("provenance").put("logprobsTiming", "later"))))
                .hasMessageContaining("field \"provenance.logprobsTiming\"");
        assertThatThrownBy(() -> inSample().withCustomTau(-1)).hasMessageContaining("non-negative");
    }

    @Test
    void roundTripsThroughTheFile() throws IOException {
        CalibrationFile c = inSample();
        Path file = dir.resolve("calibration.json");
        CalibrationFileWriter.write(file, c);
        assertThat(CalibrationFileReader.read(file)).isEqualTo(c);
    }

    @Test
    void fewShotRoundTripsAndAveragesDraws() throws IOException {
        RunAnalysis a = analysis();
        FewShotCalibration.Result fs = FewShotCalibration.run(a.outcomes(), 10, 30, 7, a.options().thresholdOptions());
        CalibrationFile c = CalibrationFile.fromFewShot(a, fs, ThresholdMethod.ENTROPY_MEAN, "0.1.0", WHEN);
        assertThat(c.sample().mode()).isEqualTo("few-shot");
        assertThat(c.sample().seed()).isEqualTo(7L);
        assertThat(c.sample().n()).isEqualTo(10);
        assertThat(c.sample().draws()).isEqualTo(30);
        assertThat(c.sample().questionIds()).isEqualTo(fs.allExampleIds());
        assertThat(c.tau(ThresholdMethod.ENTROPY_MEAN)).isCloseTo(fs.summary(ThresholdMethod.ENTROPY_MEAN).tau().mean(), within(1e-12));
        assertThat(c.methods().get(ThresholdMethod.ENTROPY_MEAN).note()).contains("mean of 30 draws of 10");
        Path file = dir.resolve("few.json");
        CalibrationFileWriter.write(file, c);
        assertThat(CalibrationFileReader.read(file)).isEqualTo(c);
    }

    @Test
    void unavailableMethodsWriteNullAndCannotBeChosen() throws IOException {
        SyntheticRunFixture f = new SyntheticRunFixture(2);
        f.question("a", 0.5, new Boolean[] {true, true}, new int[] {1, 1});
        f.question("b", 0.6, new Boolean[] {true, true}, new int[] {1, 1});
        RunAnalysis a = RunAnalysis.of(f.build(), AnalysisOptions.defaults());
        assertThatThrownBy(() -> CalibrationFile.from(a, ThresholdMethod.BAYES_OPTIMAL, "0.1.0", WHEN))
                .hasMessageContaining("cannot choose bayes-optimal");
        CalibrationFile c = CalibrationFile.from(a, null, "0.1.0", WHEN);
        Path file = dir.resolve("c.json");
        CalibrationFileWriter.write(file, c);
        var tree = new ObjectMapper().readTree(file.toFile());
        assertThat(tree.at("/methods/bayes-optimal/tau").isNull()).isTrue();
        assertThat(tree.at("/methods/bayes-optimal/available").booleanValue()).isFalse();
        assertThat(tree.at("/classStatistics/cohensD").isNull()).isTrue();
        assertThat(tree.at("/chosenMethod").isNull()).isTrue();
        CalibrationFile back = CalibrationFileReader.read(file);
        assertThat(back).isEqualTo(c);
        assertThat(back.chosenTau()).isNaN();
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("calibration.json");
        Files.writeString(file, "old contents");
        CalibrationFileWriter.write(file, inSample());
        assertThat(Files.readString(file)).contains("entropy-workbench-calibration");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writeIntoMissingFolderNamesTheFile() {
        Path file = dir.resolve("no-such-folder").resolve("cal.json");
        assertThatThrownBy(() -> CalibrationFileWriter.write(file, inSample()))
                .isInstanceOf(CalibrationFileException.class)
                .hasMessageStartingWith("cal.json: ");
    }

    private Path corrupt(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = CalibrationFileWriter.toJson(inSample());
        edit.accept(root);
        Path file = dir.resolve("calibration.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(root));
        return file;
    }

    @Test
    void badTauNamesFileAndFieldPath() throws IOException {
        Path file = corrupt(r -> ((ObjectNode) r.get("methods").get("bayes-optimal")).put("tau", "abc"));
        assertThatThrownBy(() -> CalibrationFileReader.read(file))
                .isInstanceOf(CalibrationFileException.class)
                .hasMessage("calibration.json: field \"methods.bayes-optimal.tau\": expected a number, got \"abc\"")
                .extracting(e -> ((CalibrationFileException) e).field()).isEqualTo("methods.bayes-optimal.tau");
    }

    @Test
    void availableMethodNeedsATau() throws IOException {
        Path file = corrupt(r -> ((ObjectNode) r.get("methods").get("entropy-mean")).putNull("tau"));
        assertThatThrownBy(() -> CalibrationFileReader.read(file))
                .hasMessageContaining("field \"methods.entropy-mean.tau\": expected a number when available is true");
    }

    @Test
    void missingFieldsAreNamed() throws IOException {
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> r.remove("model"))))
                .hasMessage("calibration.json: field \"model\": missing");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> ((ObjectNode) r.get("methods")).remove("entropy-mean"))))
                .hasMessage("calibration.json: field \"methods.entropy-mean\": missing");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(
                r -> ((ObjectNode) r.get("classStatistics").get("incorrect")).remove("sigma"))))
                .hasMessage("calibration.json: field \"classStatistics.incorrect.sigma\": missing");
    }

    @Test
    void wrongFormatVersionUnitAndMethodAreRejected() throws IOException {
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> r.put("format", "entropy-workbench-run"))))
                .hasMessageContaining("field \"format\": expected \"entropy-workbench-calibration\", got \"entropy-workbench-run\"");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> r.put("version", 3))))
                .hasMessageContaining("field \"version\": unsupported version 3 (this workbench reads versions 1 and 2)");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> r.put("entropyUnit", "nats"))))
                .hasMessageContaining("field \"entropyUnit\"");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> r.put("chosenMethod", "median"))))
                .hasMessageContaining("field \"chosenMethod\": unknown method \"median\"");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> ((ObjectNode) r.get("methods")).putObject("median"))))
                .hasMessageContaining("field \"methods.median\": unknown method");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> r.put("k", "twenty"))))
                .hasMessage("calibration.json: field \"k\": expected an integer, got \"twenty\"");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(
                r -> ((ObjectNode) r.get("calibrationSample")).putArray("questionIds").add("q1").add(3))))
                .hasMessageContaining("field \"calibrationSample.questionIds[1]\": expected a string, got 3");
        assertThatThrownBy(() -> CalibrationFileReader.read(corrupt(r -> ((ObjectNode) r.get("calibrationSample")).put("mode", "some"))))
                .hasMessageContaining("field \"calibrationSample.mode\"");
    }

    @Test
    void chosenMethodMustBeAvailable() throws IOException {
        Path file = corrupt(r -> {
            ObjectNode bayes = (ObjectNode) r.get("methods").get("bayes-optimal");
            bayes.put("available", false);
            bayes.putNull("tau");
        });
        assertThatThrownBy(() -> CalibrationFileReader.read(file))
                .hasMessageContaining("field \"chosenMethod\": method \"bayes-optimal\" is marked unavailable");
    }

    @Test
    void notJsonEmptyAndMissingFilesAreReportedWithTheFileName() throws IOException {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\n  \"format\": \"entropy-workbench-calibration\",\n  \"version\": \n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CalibrationFileReader.read(bad))
                .isInstanceOf(CalibrationFileException.class)
                .hasMessageStartingWith("broken.json: not valid JSON at line ");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> CalibrationFileReader.read(empty)).hasMessage("empty.json: is empty");
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[1, 2]");
        assertThatThrownBy(() -> CalibrationFileReader.read(array)).hasMessageContaining("expected an object, got an array");
        assertThatThrownBy(() -> CalibrationFileReader.read(dir.resolve("absent.json")))
                .isInstanceOf(CalibrationFileException.class)
                .hasMessageStartingWith("absent.json: cannot read");
    }

    @Test
    void extraFieldsFromLaterVersionsAreIgnored() throws IOException {
        Path file = corrupt(r -> r.put("futureField", 42));
        assertThat(CalibrationFileReader.read(file)).isEqualTo(inSample());
    }

    @Test
    void writtenFileHoldsNoStepTextOrKeyLikeFields() throws IOException {
        Path file = dir.resolve("calibration.json");
        CalibrationFileWriter.write(file, inSample());
        String json = Files.readString(file);
        assertThat(json).doesNotContainIgnoringCase("apiKey").doesNotContain("Bearer").doesNotContain("\"text\"")
                .doesNotContain("\"question\"");
    }
}
