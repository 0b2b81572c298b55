package org.entropyworkbench.core.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.grading.Grade;
import org.entropyworkbench.core.grading.Graders;
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
 * are not in run files, so the replay's prompt hashes differ from the source's. With a dataset
 * ({@link #planWithDataset}) the replay is graded by the real grader against the dataset's expected
 * answers instead, and its header names that dataset. Stateless, any thread.
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
    public record Plan(RunConfig.Builder config, int questionsLeftOut, List<String> warnings) {

        public Plan {
            warnings = List.copyOf(warnings);
        }

        /** A plan without warnings. */
        public Plan(RunConfig.Builder config, int questionsLeftOut) {
            this(config, questionsLeftOut, List.of());
        }
    }

    /**
     * The dataset a replay is graded against instead of the recorded verdicts.
     *
     * @param name      dataset name for the header
     * @param path      dataset file, or null for a built-in dataset
     * @param kind      how its answers are graded
     * @param questions its questions, prepared as for a live run (same run seed)
     * @param prompts   the protocol prompts recorded in the replay's header
     */
    public record DatasetGrading(String name, String path, AnswerKind kind, List<PreparedQuestion> questions,
                                 PromptSet prompts) {

        public DatasetGrading {
            questions = List.copyOf(questions);
        }
    }

    /** Most question ids named in one warning. */
    private static final int IDS_SHOWN = 5;

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
        Recordings recordings = Recordings.of(source);
        AnswerKind kind = answerKind(h.answerKind());
        List<PreparedQuestion> questions = new ArrayList<>();
        Map<String, Grade> verdicts = new HashMap<>();
        for (Map.Entry<String, Map<Integer, StepRecord>> e : recordings.complete().entrySet()) {
            for (Map.Entry<Integer, StepRecord> step : e.getValue().entrySet()) {
                StepRecord r = step.getValue();
                verdicts.put(key(e.getKey(), step.getKey()), new Grade(r.extractedAnswer(), r.correct()));
            }
            StepRecord first = e.getValue().get(1);
            String expected = first.expectedAnswer() == null ? "" : first.expectedAnswer();
            questions.add(new PreparedQuestion(new Problem(e.getKey(), "", expected, List.of(), kind), "", expected, 0));
        }
        String fileName = source.path().getFileName().toString();
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": no question has its steps recorded from step 1"
                    + (recordings.mode() == RunMode.FULL ? " to step " + recordings.steps() : "") + ", nothing to replay");
        }
        PromptSet prompts = new PromptSet(h.prompts().getOrDefault("system", ""), h.prompts().getOrDefault("step1", ""),
                h.prompts().getOrDefault("refine", ""));
        RunConfig.Builder config = common(source, recordings, tokensPerSecond, concurrency, output, Map.of())
                .questions(questions)
                .dataset(orDefault(h.dataset(), UNNAMED), h.datasetPath(), kind)
                .prompts(prompts)
                .grader((question, step, text) -> verdicts.getOrDefault(key(question.problem().id(), step), Grade.ungradable()));
        return new Plan(config, recordings.leftOut());
    }

    /**
     * A replay graded against a dataset: the questions are the dataset's that have a complete
     * recording (matched by id, in dataset order), each step's recorded text is graded by the
     * dataset kind's grader against the dataset's expected answer (never the recorded verdict), and
     * the header names the dataset. Recorded questions the dataset lacks are left out; dataset
     * questions without a complete recording, and recordings whose expected answer differs from the
     * dataset's (a different option shuffle seed, say), are reported as warnings.
     *
     * @throws IllegalArgumentException when no dataset question has a complete recording
     */
    public static Plan planWithDataset(RunFile source, DatasetGrading dataset, double tokensPerSecond, int concurrency,
                                       Path output) {
        Recordings recordings = Recordings.of(source);
        Map<String, Map<Integer, StepRecord>> complete = recordings.complete();
        List<PreparedQuestion> questions = new ArrayList<>();
        List<String> unrecorded = new ArrayList<>();
        List<String> otherExpected = new ArrayList<>();
        Set<String> inDataset = new HashSet<>();
        for (PreparedQuestion q : dataset.questions()) {
            String id = q.problem().id();
            inDataset.add(id);
            Map<Integer, StepRecord> recorded = complete.get(id);
            if (recorded == null) {
                unrecorded.add(id);
                continue;
            }
            String recordedExpected = recorded.get(1).expectedAnswer();
            if (recordedExpected != null && !recordedExpected.equals(q.expectedAnswer())) {
                otherExpected.add(id + " (recorded " + recordedExpected + ", dataset " + q.expectedAnswer() + ")");
            }
            questions.add(q);
        }
        long notInDataset = complete.keySet().stream().filter(id -> !inDataset.contains(id)).count();
        String fileName = source.path().getFileName().toString();
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": none of its completely recorded questions is in dataset "
                    + dataset.name() + " (recorded ids such as " + firstIds(List.copyOf(complete.keySet()))
                    + "; dataset ids such as " + firstIds(unrecorded) + "), nothing to replay");
        }
        List<String> warnings = new ArrayList<>();
        if (!unrecorded.isEmpty()) {
            warnings.add(unrecorded.size() + " questions of dataset " + dataset.name() + " have no complete recording in "
                    + fileName + " and are left out: " + firstIds(unrecorded));
        }
        if (notInDataset > 0) {
            warnings.add(notInDataset + " recorded questions of " + fileName + " are not in dataset " + dataset.name()
                    + " and are left out");
        }
        if (!otherExpected.isEmpty()) {
            warnings.add(otherExpected.size() + " recorded questions expected another answer than dataset "
                    + dataset.name() + " (grading uses the dataset's): " + firstIds(otherExpected));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("gradedAgainst", dataset.name());
        RunConfig.Builder config = common(source, recordings, tokensPerSecond, concurrency, output, extra)
                .questions(questions)
                .dataset(dataset.name(), dataset.path(), dataset.kind())
                .prompts(dataset.prompts())
                .grader((question, step, text) -> Graders.forProblem(question.problem())
                        .grade(text == null ? "" : text, question.expectedAnswer()));
        return new Plan(config, recordings.leftOut() + (int) notInDataset, warnings);
    }

    /** Everything but the questions, dataset, prompts and grader: endpoint, plan, settings, header. */
    private static RunConfig.Builder common(RunFile source, Recordings recordings, double tokensPerSecond,
                                            int concurrency, Path output, Map<String, Object> extraGenerator) {
        RunHeader h = source.header();
        Map<String, Integer> plan = new LinkedHashMap<>();
        Map<String, List<String>> carried = new HashMap<>();
        for (Map.Entry<String, Map<Integer, StepRecord>> e : recordings.complete().entrySet()) {
            plan.put(e.getKey(), e.getValue().size());
            for (Map.Entry<Integer, StepRecord> step : e.getValue().entrySet()) {
                List<String> inherited = step.getValue().flags().stream().filter(CARRIED_FLAGS::contains).toList();
                if (!inherited.isEmpty()) {
                    carried.put(key(e.getKey(), step.getKey()), inherited);
                }
            }
        }
        String fileName = source.path().getFileName().toString();
        Map<String, Object> generator = new LinkedHashMap<>(h.generator());
        generator.put("replayOf", fileName);
        generator.put("replayOfRunId", h.runId());
        generator.putAll(extraGenerator);
        String label = "replay " + fileName;
        return RunConfig.builder()
                .endpoint(new Endpoint(new ReplayProvider(source.steps(), tokensPerSecond), Math.max(1, concurrency), 0,
                        label))
                .mode(recordings.mode())
                .steps(recordings.steps())
                .topK(h.topK() > 0 ? h.topK() : RunConfig.DEFAULT_TOP_K)
                .temperature(h.temperature())
                .maxTokensPerStep(h.maxTokensPerStep() > 0 ? h.maxTokensPerStep() : RunConfig.DEFAULT_MAX_TOKENS)
                .reasoningEffort(h.reasoningEffort())
                .gate(recordedGate(h))
                .model(orDefault(h.model(), UNNAMED))
                .serverLabel(label)
                .title("replay of " + orDefault(h.title(), fileName))
                .simulated(true, generator)
                .carriedFlags((id, step) -> carried.getOrDefault(key(id, step), List.of()))
                .fixedSteps(plan)
                .output(output);
    }

    /**
     * The questions of a recording whose steps 1..n are all there (n = S in a full-mode run; a gated
     * or budgeted run may stop earlier), in order of first appearance, steps keyed 1..n; and how many
     * recorded questions are incomplete.
     */
    private record Recordings(Map<String, Map<Integer, StepRecord>> complete, int leftOut, RunMode mode, int steps) {

        static Recordings of(RunFile source) {
            RunHeader h = source.header();
            RunMode mode = h.mode() == null ? RunMode.FULL : RunMode.fromWireName(h.mode());
            int steps = Math.max(1, h.steps());
            Map<String, Map<Integer, StepRecord>> byQuestion = new LinkedHashMap<>();
            for (StepRecord r : source.steps()) {
                byQuestion.computeIfAbsent(r.questionId(), k -> new HashMap<>()).putIfAbsent(r.step(), r);
            }
            Map<String, Map<Integer, StepRecord>> complete = new LinkedHashMap<>();
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
                Map<Integer, StepRecord> kept = new LinkedHashMap<>();
                for (int s = 1; s <= n; s++) {
                    kept.put(s, recorded.get(s));
                }
                complete.put(e.getKey(), kept);
            }
            return new Recordings(complete, leftOut, mode, steps);
        }
    }

    private static String firstIds(List<String> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", ids.subList(0, Math.min(IDS_SHOWN, ids.size())));
        return ids.size() > IDS_SHOWN ? shown + ", ..." : shown;
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
            ThresholdMethod rule = GateSettings.CUSTOM_METHOD_ID.equals(method) ? null : ThresholdMethod.fromId((String) method);
            return new GateSettings(((Number) tau).doubleValue(), rule,
                    k instanceof Number ? ((Number) k).intValue() : StepRecord.DEFAULT_K,
                    file instanceof String ? (String) file : null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
