package org.entropyworkbench.core.run;

import java.util.List;
import java.util.Map;

/**
 * The fields of one {@code "type":"step"} line as a parser collects them, with the defaults a
 * missing field takes, shared by the Jackson path ({@link StepLineCodec#read}) and the byte path
 * ({@link FastStepLineReader}) so both build the same {@link StepRecord} with the same checks.
 *
 * <p>A mutable scratch object: each parser fills a fresh one per line on its own thread.
 */
final class StepLineFields {

    String q;
    int step;
    String promptHash;
    String model;
    String server;
    String servedModel;
    double temperature = Double.NaN;
    int maxTokens;
    int topK;
    String text;
    String reasoning;
    String extracted;
    String expected;
    Boolean correct;
    int promptTokens = -1;
    int completionTokens;
    String finish;
    List<String> tokens;
    String channels;
    Map<Integer, double[]> entropy;
    double[] tail;
    List<StepRecord.TopLogprobs> top;
    List<String> flags;
    long startedAt;
    long durationMs;
    double[] chosenLogprob;
    double[] confidence;

    /**
     * Checks the collected fields ({@link StepLineCodec#checkStep}) and builds the step; a missing
     * {@code entropy} becomes an empty map and missing {@code flags} an empty list.
     *
     * @throws FieldException when a required field is missing or the lengths disagree
     */
    StepRecord toStep() {
        Map<Integer, double[]> entropyOrEmpty = entropy == null ? Map.of() : entropy;
        StepLineCodec.checkStep(q, step, entropyOrEmpty, tokens == null ? -1 : tokens.size(),
                channels == null ? -1 : channels.length(), tail == null ? -1 : tail.length,
                top == null ? -1 : top.size());
        StepLineCodec.checkScores(entropyOrEmpty, chosenLogprob, confidence);
        return new StepRecord(q, step, promptHash, model, server, temperature, maxTokens, topK, text, reasoning,
                extracted, expected, correct, promptTokens, completionTokens, finish, tokens, channels,
                entropyOrEmpty, tail, top, flags == null ? List.of() : flags, startedAt, durationMs, servedModel,
                chosenLogprob, confidence);
    }
}
