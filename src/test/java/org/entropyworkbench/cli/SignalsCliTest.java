package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.entropyworkbench.cli.EntropyWorkbenchCliTest.Result;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalSettings;
import org.entropyworkbench.core.signal.StepSignals;
import org.entropyworkbench.core.signal.StepTokenData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analyze --signals, calibrate --signal, transfer, and a gated replay on a non-default signal. */
class SignalsCliTest {

    @TempDir
    static Path dir;

    static Path reasoning;
    static Path instruction;

    /** One in-process invocation, as {@link EntropyWorkbenchCliTest} runs it. */
    static Result run(String... args) {
        return EntropyWorkbenchCliTest.run(args);
    }

    @BeforeAll
    static void simulate() {
        reasoning = dir.resolve("reasoning.jsonl.gz");
        instruction = dir.resolve("instruction.jsonl.gz");
        assertThat(run("simulate", "--profile", "reasoning", "--questions", "40", "--seed", "3", "--max-token-records",
                "60", "-o", reasoning.toString()).code()).isZero();
        assertThat(run("simulate", "--profile", "instruction", "--questions", "40", "--seed", "4", "--max-token-records",
                "60", "-o", instruction.toString()).code()).isZero();
    }

    @Test
    void analyzeRanksEverySignalWithIntervalsInJson() throws Exception {
        Result r = run("analyze", "--signals", "all", "--bootstrap", "300", "--json", reasoning.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode signals = new ObjectMapper().readTree(r.out()).get("runs").get(0).get("signals");
        assertThat(signals.get("bootstrap").get("resamples").asInt()).isEqualTo(300);
        JsonNode ranking = signals.get("ranking");
        assertThat(ranking).hasSize(Signal.values().length);
        double previous = 1.1;
        for (JsonNode s : ranking) {
            assertThat(s.get("available").asBoolean()).as(s.toString()).isTrue();
            double auroc = s.get("auroc").asDouble();
            assertThat(auroc).isLessThanOrEqualTo(previous);
            previous = auroc;
            assertThat(s.get("aurocInterval").get(0).asDouble()).isLessThanOrEqualTo(auroc);
            assertThat(s.get("rules")).hasSize(4);
        }
    }

    @Test
    void analyzeTextListsUnknownSignalsAsAnError() {
        Result r = run("analyze", "--signals", "mean-entropy,nope", reasoning.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("unknown signal 'nope'");
        Result ok = run("analyze", "--signals", "deepconf-tail,max-entropy", "--bootstrap", "0", reasoning.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Signals ranked by AUROC").contains("deepconf-tail").contains("high = confident");
    }

    /**
     * A calibration on DeepConf confidence records its signal and a τ in nats, and a gated replay with it
     * stops after step 1 exactly the questions whose replayed step-1 confidence is ≥ τ. The recording keeps
     * the raw top-k (--include-top) so the replay streams the same alternatives and hence the same confidences.
     */
    @Test
    void aCalibrationOnDeepConfGatesAReplay() throws Exception {
        Path recording = dir.resolve("with-top.jsonl.gz");
        assertThat(run("simulate", "--profile", "reasoning", "--questions", "40", "--seed", "3", "--max-token-records",
                "60", "--include-top", "-o", recording.toString()).code()).isZero();
        Path cal = dir.resolve("deepconf.json");
        Result c = run("calibrate", recording.toString(), "--signal", "deepconf-mean", "--method", "entropy-mean",
                "-o", cal.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("signal deepconf-mean").contains("tau in nats");
        JsonNode json = new ObjectMapper().readTree(Files.readString(cal));
        assertThat(json.get("signal").asText()).isEqualTo("deepconf-mean");
        double tau = json.get("chosenTau").asDouble();
        assertThat(tau).isPositive();

        Path gated = dir.resolve("gated.jsonl");
        Result g = run("run", "--preset", "replay", "--replay", recording.toString(), "--speed", "0", "--mode", "gated",
                "--calibration", cal.toString(), "--progress", "lines", "-o", gated.toString());
        assertThat(g.code()).as(g.err()).isZero();
        RunFile out = RunFileReader.read(gated);
        assertThat(out.header().calibration()).containsEntry("signal", "deepconf-mean");
        Map<String, Integer> stepsPerQuestion = new HashMap<>();
        Map<String, Double> confidence = new HashMap<>();
        for (StepRecord s : out.steps()) {
            stepsPerQuestion.merge(s.questionId(), 1, Integer::sum);
            if (s.step() == 1) {
                confidence.put(s.questionId(), StepSignals.value(Signal.DEEPCONF_MEAN, StepTokenData.of(s, 20),
                        SignalSettings.defaults()));
            }
        }
        int stopped = 0;
        for (Map.Entry<String, Double> e : confidence.entrySet()) {
            boolean stops = e.getValue() >= tau;
            stopped += stops ? 1 : 0;
            assertThat(stepsPerQuestion.get(e.getKey())).as(e.getKey() + " conf " + e.getValue() + " tau " + tau)
                    .isEqualTo(stops ? 1 : 4);
        }
        assertThat(stopped).isBetween(1, confidence.size() - 1);
    }

    @Test
    void transferPrintsInSampleAndTransferredFiguresAndVerdicts() throws Exception {
        Result t = run("transfer", "--calibrate-on", reasoning.toString(), "--evaluate-on", instruction.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("tau from A").contains("Verdicts:").contains("Entropy mean:");
        Result j = run("transfer", "--calibrate-on", reasoning.toString(), "--evaluate-on", instruction.toString(),
                "--signal", "mean-nll", "--json");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(j.out());
        assertThat(root.get("signal").asText()).isEqualTo("mean-nll");
        assertThat(root.get("rules")).hasSize(4);
        for (JsonNode row : root.get("rules")) {
            assertThat(row.get("losesAccuracy").asBoolean()).isEqualTo(row.get("deltaAccuracyTransferred").asDouble() < 0);
        }
    }
}
