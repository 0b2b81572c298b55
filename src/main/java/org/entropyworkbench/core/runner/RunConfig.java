package org.entropyworkbench.core.runner;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.grading.Graders;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.protocol.PromptSet;

/**
 * Everything one run needs. Immutable; build with {@link #builder()}.
 *
 * @param endpoints         server replicas; questions are spread over them
 * @param questions         prepared questions in dataset order (ids unique)
 * @param datasetName       dataset name for the header (resume checks it)
 * @param datasetPath       dataset file, or null for a built-in one
 * @param answerKind        how the dataset's answers are graded
 * @param prompts           the protocol prompts, recorded in the header
 * @param mode              full, gated or budgeted
 * @param steps             S: steps per question in full mode (default 4)
 * @param topK              top-k logprobs requested (default 20)
 * @param temperature       sampling temperature (default 0.7)
 * @param maxTokensPerStep  max tokens per call (default 8192)
 * @param reasoningEffort   e.g. "high", or null when the model takes none
 * @param gate              tau and method; required for gated and budgeted runs, else null
 * @param output            run file; resumed when it exists
 * @param retryPolicy       retries, backoff and call timeout
 * @param model             model name as sent to the servers
 * @param serverLabel       header's server: preset and base URL, never a key
 * @param title             header title for the UI
 * @param grader            grades each step's visible answer
 * @param recordTopLogprobs write the raw top-k of every token (large files)
 * @param simulated         header flag: the "model" is a replay or simulation, not a live model
 * @param generator         header generator object (seed and parameters of simulated data), may be empty
 * @param carriedFlags      flags a step inherits from elsewhere (a replay: the source step's
 *                          {@code sampled-tokens}, which also means its token records are a sample of
 *                          the completion, so no count mismatch is flagged); never null
 * @param fixedSteps        when not empty: question id -> exactly how many steps it runs, whatever the
 *                          mode decides (a replay repeats the recorded plan this way); else empty
 * @param retryFailed       on resume, run again the question-steps the file records as failed (refused as
 *                          too long for the context); otherwise those questions stay failed and are skipped
 */
public record RunConfig(
        List<Endpoint> endpoints,
        List<PreparedQuestion> questions,
        String datasetName,
        String datasetPath,
        AnswerKind answerKind,
        PromptSet prompts,
        RunMode mode,
        int steps,
        int topK,
        double temperature,
        int maxTokensPerStep,
        String reasoningEffort,
        GateSettings gate,
        Path output,
        RetryPolicy retryPolicy,
        String model,
        String serverLabel,
        String title,
        StepGrader grader,
        boolean recordTopLogprobs,
        boolean simulated,
        Map<String, Object> generator,
        BiFunction<String, Integer, List<String>> carriedFlags,
        Map<String, Integer> fixedSteps,
        boolean retryFailed) {

    public static final int DEFAULT_STEPS = 4;
    public static final int DEFAULT_TOP_K = 20;
    public static final double DEFAULT_TEMPERATURE = 0.7;
    public static final int DEFAULT_MAX_TOKENS = 8192;
    private static final BiFunction<String, Integer, List<String>> NO_CARRIED_FLAGS = (q, step) -> List.of();

    public RunConfig {
        endpoints = List.copyOf(endpoints);
        questions = List.copyOf(questions);
        generator = generator == null ? Map.of() : Map.copyOf(generator);
        fixedSteps = fixedSteps == null ? Map.of() : Map.copyOf(fixedSteps);
        carriedFlags = carriedFlags == null ? NO_CARRIED_FLAGS : carriedFlags;
        Objects.requireNonNull(answerKind, "answerKind");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(grader, "grader");
        require(!endpoints.isEmpty(), "a run needs at least one endpoint");
        require(!questions.isEmpty(), "a run needs at least one question");
        require(model != null && !model.isBlank(), "model name is missing");
        require(datasetName != null && !datasetName.isBlank(), "dataset name is missing");
        require(steps >= 1, "steps must be at least 1, got " + steps);
        require(topK >= 1, "top-k must be at least 1, got " + topK);
        require(maxTokensPerStep >= 1, "max tokens per step must be at least 1, got " + maxTokensPerStep);
        require(temperature >= 0 && Double.isFinite(temperature), "temperature must be 0 or more, got " + temperature);
        require(mode == RunMode.FULL || gate != null || !fixedSteps.isEmpty(),
                mode.wireName() + " mode needs a threshold tau (a calibration file and method)");
        Set<String> ids = new HashSet<>();
        for (PreparedQuestion q : questions) {
            require(ids.add(q.problem().id()), "question id '" + q.problem().id() + "' appears twice in the dataset");
            require(fixedSteps.isEmpty() || fixedSteps.getOrDefault(q.problem().id(), 0) >= 1,
                    "the fixed plan gives question '" + q.problem().id() + "' no step");
        }
        if (serverLabel == null || serverLabel.isBlank()) {
            serverLabel = endpoints.get(0).label();
        }
        if (title == null || title.isBlank()) {
            title = model + " / " + datasetName;
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder() { return new Builder(); }

    /** Fills the defaults of method.md section 12 (S = 4, k = 20, T = 0.7, 8192 tokens). Not thread-safe. */
    public static final class Builder {
        private List<Endpoint> endpoints = List.of();
        private List<PreparedQuestion> questions = List.of();
        private String datasetName;
        private String datasetPath;
        private AnswerKind answerKind;
        private PromptSet prompts;
        private RunMode mode = RunMode.FULL;
        private int steps = DEFAULT_STEPS;
        private int topK = DEFAULT_TOP_K;
        private double temperature = DEFAULT_TEMPERATURE;
        private int maxTokensPerStep = DEFAULT_MAX_TOKENS;
        private String reasoningEffort;
        private GateSettings gate;
        private Path output;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String model;
        private String serverLabel;
        private String title;
        private StepGrader grader;
        private boolean recordTopLogprobs;
        private boolean simulated;
        private Map<String, Object> generator = Map.of();
        private Map<String, Integer> fixedSteps = Map.of();
        private BiFunction<String, Integer, List<String>> carriedFlags;
        private boolean retryFailed;

        public Builder endpoints(List<Endpoint> v) { endpoints = v; return this; }
        public Builder endpoint(Endpoint v) { endpoints = List.of(v); return this; }
        public Builder questions(List<PreparedQuestion> v) { questions = v; return this; }
        public Builder dataset(String name, String path, AnswerKind kind) {
            datasetName = name;
            datasetPath = path;
            answerKind = kind;
            return this;
        }
        public Builder prompts(PromptSet v) { prompts = v; return this; }
        public Builder mode(RunMode v) { mode = v; return this; }
        public Builder steps(int v) { steps = v; return this; }
        public Builder topK(int v) { topK = v; return this; }
        public Builder temperature(double v) { temperature = v; return this; }
        public Builder maxTokensPerStep(int v) { maxTokensPerStep = v; return this; }
        public Builder reasoningEffort(String v) { reasoningEffort = v; return this; }
        public Builder gate(GateSettings v) { gate = v; return this; }
        public Builder output(Path v) { output = v; return this; }
        public Builder retryPolicy(RetryPolicy v) { retryPolicy = v; return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder serverLabel(String v) { serverLabel = v; return this; }
        public Builder title(String v) { title = v; return this; }
        /** Defaults to the dataset kind's grader ({@link Graders#forKind}) when not set. */
        public Builder grader(StepGrader v) { grader = v; return this; }
        public Builder fixedSteps(Map<String, Integer> v) { fixedSteps = v; return this; }
        public Builder carriedFlags(BiFunction<String, Integer, List<String>> v) { carriedFlags = v; return this; }
        public Builder recordTopLogprobs(boolean v) { recordTopLogprobs = v; return this; }
        /** On resume, run the recorded failed steps again instead of skipping their questions. */
        public Builder retryFailed(boolean v) { retryFailed = v; return this; }
        public Builder simulated(boolean v, Map<String, Object> generatorInfo) {
            simulated = v;
            generator = generatorInfo;
            return this;
        }

        public RunConfig build() {
            StepGrader g = grader != null || answerKind == null ? grader : StepGrader.using(Graders.forKind(answerKind));
            return new RunConfig(endpoints, questions, datasetName, datasetPath, answerKind, prompts, mode, steps,
                    topK, temperature, maxTokensPerStep, reasoningEffort, gate, output, retryPolicy, model,
                    serverLabel, title, g, recordTopLogprobs, simulated, generator, carriedFlags, fixedSteps, retryFailed);
        }
    }
}
