package org.entropyworkbench.core.run;

import java.util.List;
import java.util.Map;

/**
 * One question-step of a run: one line of a run file ({@code "type":"step"}), see docs/run-format.md.
 * Immutable; arrays are owned by the record and must not be modified after construction.
 *
 * @param questionId      dataset id of the question
 * @param step            1-based protocol step
 * @param promptHash      SHA-256 (hex) of the exact messages sent for this step
 * @param model           model name as sent to the server
 * @param server          preset name and base URL (never a key), e.g. "vllm http://gpu1:8000/v1"
 * @param temperature     sampling temperature
 * @param maxTokens       max tokens for this step
 * @param topK            top-k logprobs requested
 * @param text            visible answer text of the step
 * @param reasoningText   separately delivered reasoning text, or null
 * @param extractedAnswer the answer the grader extracted, or null when none could be
 * @param expectedAnswer  the gold answer in graded form (integer, letter after shuffle, text)
 * @param correct         TRUE/FALSE, or null when the answer was ungradable
 * @param promptTokens    usage.prompt_tokens, -1 when unknown
 * @param completionTokens usage.completion_tokens (the token count used for savings); falls back to the
 *                        number of token records when the server sent no usage (then flagged)
 * @param finishReason    e.g. "stop", "length"
 * @param tokens          per-token text, or null when not recorded
 * @param channels        per-token channel codes ('R','A','C') as a string of length n, or null
 * @param entropyByK      per-token entropy in bits for each k in {5,10,15,20} that was computed;
 *                        all arrays have the same length n (the number of token records)
 * @param tailMass        per-token 1 - sum(p) over the returned top-k (before renormalisation), or null
 * @param topLogprobs     raw top-k per token (optional, large), or null
 * @param flags           integrity and quality flags, e.g. "token-count-mismatch", "no-usage", "restarted"
 * @param startedAt       epoch millis when the call started
 * @param durationMillis  wall time of the call
 * @param servedModel     the model name the server reported in its answer (the chunks' {@code model}), or
 *                        null when it reported none or the step was not made by a server (simulated,
 *                        files written before this field existed)
 * @param chosenLogprob   per-token logprob (natural log) of the token the server actually sampled, NaN where
 *                        the server sent none; null when not recorded (files before format 1.1)
 * @param tokenConfidence per-token DeepConf confidence, minus the mean of the usable returned top-k logprobs
 *                        (natural log); NaN where none was usable; null when not recorded (before 1.1)
 */
public record StepRecord(
        String questionId,
        int step,
        String promptHash,
        String model,
        String server,
        double temperature,
        int maxTokens,
        int topK,
        String text,
        String reasoningText,
        String extractedAnswer,
        String expectedAnswer,
        Boolean correct,
        int promptTokens,
        int completionTokens,
        String finishReason,
        List<String> tokens,
        String channels,
        Map<Integer, double[]> entropyByK,
        double[] tailMass,
        List<TopLogprobs> topLogprobs,
        List<String> flags,
        long startedAt,
        long durationMillis,
        String servedModel,
        double[] chosenLogprob,
        double[] tokenConfidence) {

    /** The k used for the sequence signal unless the user picks another. */
    public static final int DEFAULT_K = 20;

    public StepRecord {
        entropyByK = entropyByK == null ? Map.of() : Map.copyOf(entropyByK);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** A step without a served model name and without the format-1.1 per-token scores (simulated runs, imports, older files). */
    public StepRecord(String questionId, int step, String promptHash, String model, String server, double temperature,
                      int maxTokens, int topK, String text, String reasoningText, String extractedAnswer,
                      String expectedAnswer, Boolean correct, int promptTokens, int completionTokens,
                      String finishReason, List<String> tokens, String channels, Map<Integer, double[]> entropyByK,
                      double[] tailMass, List<TopLogprobs> topLogprobs, List<String> flags, long startedAt,
                      long durationMillis) {
        this(questionId, step, promptHash, model, server, temperature, maxTokens, topK, text, reasoningText,
                extractedAnswer, expectedAnswer, correct, promptTokens, completionTokens, finishReason, tokens, channels,
                entropyByK, tailMass, topLogprobs, flags, startedAt, durationMillis, null, null, null);
    }

    /** A step with the served model name but without the format-1.1 per-token scores. */
    public StepRecord(String questionId, int step, String promptHash, String model, String server, double temperature,
                      int maxTokens, int topK, String text, String reasoningText, String extractedAnswer,
                      String expectedAnswer, Boolean correct, int promptTokens, int completionTokens,
                      String finishReason, List<String> tokens, String channels, Map<Integer, double[]> entropyByK,
                      double[] tailMass, List<TopLogprobs> topLogprobs, List<String> flags, long startedAt,
                      long durationMillis, String servedModel) {
        this(questionId, step, promptHash, model, server, temperature, maxTokens, topK, text, reasoningText,
                extractedAnswer, expectedAnswer, correct, promptTokens, completionTokens, finishReason, tokens, channels,
                entropyByK, tailMass, topLogprobs, flags, startedAt, durationMillis, servedModel, null, null);
    }

    /** A step with the format-1.1 per-token scores but without a served model name. */
    public StepRecord(String questionId, int step, String promptHash, String model, String server, double temperature,
                      int maxTokens, int topK, String text, String reasoningText, String extractedAnswer,
                      String expectedAnswer, Boolean correct, int promptTokens, int completionTokens,
                      String finishReason, List<String> tokens, String channels, Map<Integer, double[]> entropyByK,
                      double[] tailMass, List<TopLogprobs> topLogprobs, List<String> flags, long startedAt,
                      long durationMillis, double[] chosenLogprob, double[] tokenConfidence) {
        this(questionId, step, promptHash, model, server, temperature, maxTokens, topK, text, reasoningText,
                extractedAnswer, expectedAnswer, correct, promptTokens, completionTokens, finishReason, tokens, channels,
                entropyByK, tailMass, topLogprobs, flags, startedAt, durationMillis, null, chosenLogprob,
                tokenConfidence);
    }

    /** True when the server reported a model name other than the one the request asked for. */
    public boolean servedModelDiffers() {
        return servedModelDiffers(model, servedModel);
    }

    /**
     * Whether a served model name means another model than the requested one: a dated snapshot of the
     * requested name ({@code gpt-4o} served as {@code gpt-4o-2024-08-06}) is the same model; no served
     * name says nothing.
     */
    public static boolean servedModelDiffers(String requested, String served) {
        if (served == null || requested == null || served.equals(requested)) {
            return false;
        }
        return !served.startsWith(requested + "-");
    }

    /** This step with the format-1.1 per-token scores added (arrays of length n or null). */
    public StepRecord withTokenScores(double[] chosen, double[] confidence) {
        return new StepRecord(questionId, step, promptHash, model, server, temperature, maxTokens, topK, text,
                reasoningText, extractedAnswer, expectedAnswer, correct, promptTokens, completionTokens, finishReason,
                tokens, channels, entropyByK, tailMass, topLogprobs, flags, startedAt, durationMillis, servedModel,
                chosen, confidence);
    }

    /** Number of token records (positions with entropies). */
    public int tokenRecordCount() {
        double[] any = entropyByK.isEmpty() ? null : entropyByK.values().iterator().next();
        return any == null ? 0 : any.length;
    }

    /** The largest k this record has entropies for (normally 20), or 0 when none. */
    public int maxK() {
        return entropyByK.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Per-token entropies for k, falling back to the largest k recorded when k is missing. */
    public double[] entropies(int k) {
        double[] e = entropyByK.get(k);
        return e != null ? e : entropyByK.getOrDefault(maxK(), new double[0]);
    }

    /** Raw top-k alternatives of one position. */
    public record TopLogprobs(List<String> tokens, double[] logprobs) {
    }
}
