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
 * every question whose recording is complete with exactly the steps it has recorded, the recorded
 * verdicts as grades, and the source header's model, dataset, mode and settings. A recording is
 * complete when steps 1..n are there without a gap and, in a full-mode run, n is the run's S (a
 * gated or budgeted run legitimately stops a question early); other questions are left out and
 * counted. The header is marked simulated: the "model" of a replay is a file, not a live model.
 * Header fields an older or hand-written file lacks fall back to the defaults. The question texts
 * are not in run files, so the replay's prompt hashes differ from the source's. Stateless, any thread.
 */
public final class ReplayRuns {

    /** Source flags a replayed step keeps: they describe the data, not the replay's call. */
    static final Set<String> CARRIED_FLAGS = Set.of(StepIntegrity.SAMPLED_TOKENS, StepIntegrity.NO_USAGE);

    /** Model and dataset name when the source header has none. */
    private static final String UNNAMED = "replay";

    /**
     * A replay ready to build (callers may still set e.g. the retry policy), and how many recorded
     * questions it leaves out because their recording is incomplete.
     */
    public record Plan(RunConfig.Builder config, int questionsLeftOut) {
    }

    private ReplayRuns() { }

    /**
     * The replay's configuration; questions with an incomplete recording are left out silently
     * (use {@link #plan} to learn how many).
     *
     * @see #plan(RunFile, double, int, Path)
     */
    public static RunConfig.Builder config(RunFile source, double tokensPerSecond, int concurrency, Path output) {
        return plan(source, tokensPerSecond, concurrency, output).config();
    }

    /**
     * @param source          the recorded run
     * @param tokensPerSecond pacing of the replay; 0 = as fast as possible
     * @param concurrency     questions streamed at once (at least 1 is used)
     * @param output          where the replay's run file goes (resumed when it exists)
     * @throws IllegalArgumentException when no question of the source has a complete recording
     */
    public static Plan plan(RunFile source, double tokensPerSecond, int concurrency, Path output) {
        RunHeader h = source.header();
        RunMode mode = h.mode() == null ? RunMode.FULL : RunMode.fromWireName(h.mode());
        int steps = Math.max(1, h.steps());
        Map<String, Map<Integer, StepRecord>> byQuestion = new LinkedHashMap<>();
        for (StepRecord r : source.steps()) {
            byQuestion.computeIfAbsent(r.questionId(), k -> new HashMap<>()).putIfAbsent(r.step(), r);
        }
        AnswerKind kind = answerKind(h.answerKind());
        List<PreparedQuestion> questions = new ArrayList<>();
        Map<String, Integer> plan = new LinkedHashMap<>();
        Map<String, Grade> verdicts = new HashMap<>();
        Map<String, List<String>> carried = new HashMap<>();
        int leftOut = 0;
        for (Map.Entry<String, Map<Integer, StepRecord>> e : byQuestion.entrySet()) {
            Map<Integer, StepRecord> recorded = e.getValue();
            int n = 0;
            while (recorded.containsKey(n + 1)) {
                n++;
            }
            if (n == 0 || (mode == RunMode.FULL && n < steps)) {
                leftOut++;
                continue;
            }
            for (int s = 1; s <= n; s++) {
                StepRecord r = recorded.get(s);
                verdicts.put(key(e.getKey(), s), new Grade(r.extractedAnswer(), r.correct()));
                List<String> inherited = r.flags().stream().filter(CARRIED_FLAGS::contains).toList();
                if (!inherited.isEmpty()) {
                    carried.put(key(e.getKey(), s), inherited);
                }
            }
            String expected = recorded.get(1).expectedAnswer() == null ? "" : recorded.get(1).expectedAnswer();
            Problem problem = new Problem(e.getKey(), "", expected, List.of(), kind);
            questions.add(new PreparedQuestion(problem, "", expected, 0));
            plan.put(e.getKey(), n);
        }
        String fileName = source.path().getFileName().toString();
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": no question has its steps recorded from step 1"
                    + (mode == RunMode.FULL ? " to step " + steps : "") + ", nothing to replay");
        }
        Map<String, Object> generator = new LinkedHashMap<>(h.generator());
        generator.put("replayOf", fileName);
        generator.put("replayOfRunId", h.runId());
        String label = "replay " + fileName;
        RunConfig.Builder config = RunConfig.builder()
                .endpoint(new Endpoint(new ReplayProvider(source.steps(), tokensPerSecond), Math.max(1, concurrency), 0,
                        label))
                .questions(questions)
                .dataset(orDefault(h.dataset(), UNNAMED), h.datasetPath(), kind)
                .prompts(new PromptSet(h.prompts().getOrDefault("system", ""), h.prompts().getOrDefault("step1", ""),
                        h.prompts().getOrDefault("refine", "")))
                .mode(mode)
                .steps(steps)
                .topK(h.topK() > 0 ? h.topK() : RunConfig.DEFAULT_TOP_K)
                .temperature(h.temperature())
                .maxTokensPerStep(h.maxTokensPerStep() > 0 ? h.maxTokensPerStep() : RunConfig.DEFAULT_MAX_TOKENS)
                .reasoningEffort(h.reasoningEffort())
                .gate(recordedGate(h))
                .model(orDefault(h.model(), UNNAMED))
                .serverLabel(label)
                .title("replay of " + orDefault(h.title(), fileName))
                .grader((question, step, text) -> verdicts.getOrDefault(key(question.problem().id(), step), Grade.ungradable()))
                .simulated(true, generator)
                .carriedFlags((id, step) -> carried.getOrDefault(key(id, step), List.of()))
                .fixedSteps(plan)
                .output(output);
        return new Plan(config, leftOut);
    }

    private static String key(String questionId, int step) {
        return questionId + '\u0000' + step;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The header's answer kind; free text when it records none (the replay grades by the recorded verdicts). */
    private static AnswerKind answerKind(String wireName) {
        return wireName == null ? AnswerKind.FREE : AnswerKind.fromWireName(wireName);
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
