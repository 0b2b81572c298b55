package org.entropyworkbench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.bench.ReplayUpstream;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.ChosenThreshold;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.protocol.ProtocolPrompts;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.StepSignals;
import org.entropyworkbench.core.signal.StepTokenData;
import org.entropyworkbench.core.simulate.RunSimulator;
import org.entropyworkbench.core.simulate.SimulationProfile;
import org.entropyworkbench.core.simulate.SimulationSettings;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.junit.jupiter.api.Test;

/**
 * A calibration built on a non-default signal gates live traffic: a recorded run is served as the
 * upstream ({@link ReplayUpstream}), every question goes through {@code ew serve} once with the OpenAI
 * Java SDK as the client, and each decision, the upstream's request count and the completion tokens
 * must equal what the analysis of that run predicts for the calibration's τ (as the {@code serve}
 * benchmark checks for the mean entropy). One high-is-confident signal (DeepConf mean confidence, on a
 * recording that kept the raw top-k so the replay streams the alternatives the confidences came from)
 * and one entropy variant (first 64 tokens, on a sample run).
 */
class ServeSignalGateTest {
    private static final String MODEL = "replay-model";

    @Test
    void deepConfCalibrationStopsWhereConfidenceIsAtLeastTau() throws Exception {
        RunSimulator sim = new RunSimulator(new SimulationSettings(SimulationProfile.reasoning(), 40, 3, 60,
                AnswerKind.INTEGER, null, true, Instant.parse("2025-01-01T00:00:00Z")));
        List<StepRecord> steps = new ArrayList<>();
        sim.steps().forEach(steps::add);
        RunFile run = new RunFile(null, sim.header(), steps, List.of(), false);
        Replayed r = gateEveryQuestion(run, Signal.DEEPCONF_MEAN, ServeMode.GATE);
        assertThat(r.stops).as("a τ in the middle stops some and refines others").isBetween(1, r.questions - 1);
    }

    @Test
    void firstTokensEntropyCalibrationGatesASampleRunReplay() throws Exception {
        Path file = Path.of(System.getProperty("ewb.sampleRuns", "sample-runs")).resolve("3-instruction-aime.jsonl.gz");
        Replayed r = gateEveryQuestion(RunFileReader.read(file), Signal.FIRST_64_ENTROPY, ServeMode.GATE);
        assertThat(r.stops).isBetween(1, r.questions - 1);
    }

    /** What one replay through the proxy gave. */
    private record Replayed(int questions, int stops) {
    }

    /**
     * Calibrates on {@code signal} (entropy-mean rule), serves the run behind the proxy, sends every
     * question (alternating non-streaming and streaming) and checks each decision and value against the
     * analysis, then the totals against the trade-off point at τ.
     */
    private static Replayed gateEveryQuestion(RunFile run, Signal signal, ServeMode mode) throws Exception {
        RunAnalysis analysis = RunAnalysis.of(run, AnalysisOptions.defaults().withSignal(signal));
        CalibrationFile cal = CalibrationFile.from(analysis, ThresholdMethod.ENTROPY_MEAN, "test", Instant.now());
        assertThat(cal.gateSignal()).isEqualTo(signal);
        ChosenThreshold chosen = cal.gateThreshold(null);
        double tau = chosen.tau();
        EntropyGate gate = new EntropyGate(tau, chosen.id(), cal.k(), cal.gateSignal());
        TradeoffPoint point = analysis.tradeoff().evaluate(analysis.thresholds().tau(ThresholdMethod.ENTROPY_MEAN));
        List<QuestionOutcome> outcomes = analysis.outcomes();
        long allCalls = 0;
        long allTokens = 0;
        for (QuestionOutcome q : outcomes) {
            allCalls += q.steps();
            for (int t : q.tokensByStep()) {
                allTokens += t;
            }
        }
        Map<String, StepRecord> firstSteps = new java.util.HashMap<>();
        for (StepRecord s : run.steps()) {
            if (s.step() == 1) {
                firstSteps.put(s.questionId(), s);
            }
        }
        try (ReplayUpstream upstream = new ReplayUpstream(run.steps())) {
            EndpointSettings up = new EndpointSettings(ServerPreset.CUSTOM, upstream.baseUrl(), MODEL, null, cal.k(), 0.7,
                    8192, null, 8, 0, Duration.ofSeconds(5), Duration.ofSeconds(60));
            ServeConfig config = new ServeConfig("127.0.0.1", 0, up, mode, gate, 0.7, analysis.steps(),
                    ProtocolPrompts.defaults(AnswerKind.INTEGER), 8, 1 << 20, Duration.ofSeconds(60), UpstreamAuth.NONE,
                    null, null, false, Map.of(), line -> { });
            ServeServer proxy = ServeServer.start(config, 2_000);
            long tokens = 0;
            int stops = 0;
            double margin = Double.POSITIVE_INFINITY;
            try {
                OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(proxy.baseUrl()).apiKey("unused")
                        .maxRetries(0).timeout(Duration.ofSeconds(60)).build();
                int i = 0;
                for (QuestionOutcome q : outcomes) {
                    double recorded = StepSignals.value(signal, StepTokenData.of(firstSteps.get(q.questionId()), cal.k()),
                            gate.settings());
                    margin = Math.min(margin, Math.abs(recorded - tau));
                    boolean predictedStop = StepSignals.stops(signal, recorded, tau);
                    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(MODEL)
                            .addUserMessage(ReplayUpstream.QUESTION_PREFIX + q.questionId()).build();
                    JsonNode ext;
                    if (i++ % 2 == 0) {
                        ChatCompletion c = client.chat().completions().create(params);
                        ext = c._additionalProperties().get(GateReport.EXTENSION).convert(JsonNode.class);
                        tokens += c.usage().orElseThrow().completionTokens();
                    } else {
                        ext = streamedExtension(client, params);
                        tokens += sum(ext.get("completion_tokens_per_step"));
                    }
                    assertThat(ext.get("signal").asText()).isEqualTo(signal.id());
                    assertThat(ext.get("unit").asText()).isEqualTo(signal.unit());
                    assertThat(ext.get("value").asDouble()).as(q.questionId() + " live value vs recorded")
                            .isCloseTo(recorded, org.assertj.core.data.Offset.offset(1e-6));
                    assertThat(ext.get("decision").asText()).as(q.questionId() + " value " + recorded + " tau " + tau)
                            .isEqualTo(predictedStop ? "stop" : "refine");
                    stops += predictedStop ? 1 : 0;
                }
            } finally {
                proxy.stop();
            }
            assertThat(margin).as("no recorded value sits within rounding of τ").isGreaterThan(1e-6);
            assertThat(stops).isEqualTo(point.stopped());
            assertThat(upstream.requests.get()).as("upstream calls = analyze's prediction")
                    .isEqualTo(Math.round(allCalls * (1 - point.callSavings())));
            assertThat(tokens).as("completion tokens = analyze's prediction")
                    .isEqualTo(Math.round(allTokens * (1 - point.tokenSavings())));
            assertThat(upstream.completionTokens.get()).isEqualTo(tokens);
            return new Replayed(outcomes.size(), stops);
        }
    }

    private static long sum(JsonNode perStep) {
        long s = 0;
        for (JsonNode n : perStep) {
            s += n.asLong();
        }
        return s;
    }

    private static JsonNode streamedExtension(OpenAIClient client, ChatCompletionCreateParams params) {
        JsonNode ext = null;
        try (StreamResponse<ChatCompletionChunk> r = client.chat().completions().createStreaming(params)) {
            for (ChatCompletionChunk c : (Iterable<ChatCompletionChunk>) r.stream()::iterator) {
                JsonValue v = c._additionalProperties().get(GateReport.EXTENSION);
                if (v != null) {
                    ext = v.convert(JsonNode.class);
                }
            }
        }
        assertThat(ext).as("the finish chunk carries the extension").isNotNull();
        return ext;
    }
}
