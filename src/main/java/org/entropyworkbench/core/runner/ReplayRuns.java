package org.entropyworkbench.core.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.grading.Grade;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.protocol.PromptSet;
import org.entropyworkbench.core.provider.ReplayProvider;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * Builds the configuration that streams a recorded run through the engine again (teaching demos,
 * the CLI's replay preset, the UI's "Replay recorded run"): one {@link ReplayProvider} endpoint,
 * every question with exactly the steps it has recorded (1..n without gaps), the recorded verdicts
 * as grades, and the source header's model, dataset, mode and settings. The question texts are not
 * in run files, so the replay's prompt hashes differ from the source's. Stateless.
 */
public final class ReplayRuns {

    /** Source flags a replayed step keeps: they describe the data, not the replay's call. */
    static final Set<String> CARRIED_FLAGS = Set.of(StepIntegrity.SAMPLED_TOKENS, StepIntegrity.NO_USAGE);

    private ReplayRuns() { }

    /**
     * @param source          the recorded run
     * @param tokensPerSecond pacing of the replay; 0 = as fast as possible
     * @param concurrency     questions streamed at once
     * @param output          where the replay's run file goes (resumed when it exists)
     * @throws IllegalArgumentException when the source has no complete question (no step 1)
     */
    public static RunConfig.Builder config(RunFile source, double tokensPerSecond, int concurrency, Path output) {
        RunHeader h = source.header();
        Map<String, Map<Integer, StepRecord>> byQuestion = new LinkedHashMap<>();
        for (StepRecord r : source.steps()) {
            byQuestion.computeIfAbsent(r.questionId(), k -> new HashMap<>()).putIfAbsent(r.step(), r);
        }
        AnswerKind kind = AnswerKind.fromWireName(h.answerKind());
        List<PreparedQuestion> questions = new ArrayList<>();
        Map<String, Integer> plan = new LinkedHashMap<>();
        Map<String, Grade> verdicts = new HashMap<>();
        Map<String, List<String>> carried = new HashMap<>();
        for (Map.Entry<String, Map<Integer, StepRecord>> e : byQuestion.entrySet()) {
            Map<Integer, StepRecord> steps = e.getValue();
            int n = 0;
            while (steps.containsKey(n + 1)) {
                n++;
                StepRecord r = steps.get(n);
                verdicts.put(key(e.getKey(), n), new Grade(r.extractedAnswer(), r.correct()));
                List<String> inherited = r.flags().stream().filter(CARRIED_FLAGS::contains).toList();
                if (!inherited.isEmpty()) {
                    carried.put(key(e.getKey(), n), inherited);
                }
            }
            if (n == 0) {
                continue;
            }
            String expected = steps.get(1).expectedAnswer() == null ? "" : steps.get(1).expectedAnswer();
            Problem problem = new Problem(e.getKey(), "", expected, List.of(), kind);
            questions.add(new PreparedQuestion(problem, "", expected, 0));
            plan.put(e.getKey(), n);
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(source.path() + " has no recorded step 1 to replay");
        }
        Map<String, Object> generator = new LinkedHashMap<>(h.generator());
        generator.put("replayOf", source.path().getFileName().toString());
        generator.put("replayOfRunId", h.runId());
        String label = "replay " + source.path().getFileName();
        return RunConfig.builder()
                .endpoint(new Endpoint(new ReplayProvider(source.steps(), tokensPerSecond), concurrency, 0, label))
                .questions(questions)
                .dataset(h.dataset() == null ? "unknown" : h.dataset(), h.datasetPath(), kind)
                .prompts(new PromptSet(h.prompts().getOrDefault("system", ""), h.prompts().getOrDefault("step1", ""),
                        h.prompts().getOrDefault("refine", "")))
                .mode(RunMode.fromWireName(h.mode()))
                .steps(h.steps())
                .topK(h.topK())
                .temperature(h.temperature())
                .maxTokensPerStep(h.maxTokensPerStep())
                .reasoningEffort(h.reasoningEffort())
                .gate(recordedGate(h))
                .model(h.model())
                .serverLabel(label)
                .title("replay of " + h.title())
                .grader((question, step, text) -> verdicts.getOrDefault(key(question.problem().id(), step), Grade.ungradable()))
                .simulated(h.simulated(), generator)
                .carriedFlags((id, step) -> carried.getOrDefault(key(id, step), List.of()))
                .fixedSteps(plan)
                .output(output);
    }

    private static String key(String questionId, int step) {
        return questionId + '\u0000' + step;
    }

    /** The source's gate when its header records one, so the replay's header says the same. */
    private static GateSettings recordedGate(RunHeader h) {
        Object method = h.calibration().get("method");
        Object tau = h.calibration().get("tau");
        if (!(method instanceof String) || !(tau instanceof Number)) {
            return null;
        }
        try {
            Object k = h.calibration().get("k");
            Object file = h.calibration().get("file");
            return new GateSettings(((Number) tau).doubleValue(), ThresholdMethod.fromId((String) method),
                    k instanceof Number ? ((Number) k).intValue() : StepRecord.DEFAULT_K,
                    file instanceof String ? (String) file : null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
