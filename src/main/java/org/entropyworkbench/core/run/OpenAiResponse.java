package org.entropyworkbench.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.grading.Grade;
import org.entropyworkbench.core.grading.Graders;

/**
 * One usable line of an OpenAI-format response file, parsed by {@link OpenAiResponseParser}:
 * what the step record needs, with its per-token entropies already computed. Grading waits for
 * {@link #toRecord}, because the answer kind of lines that do not name one may depend on the whole
 * file. Lives for one line on the importing thread.
 *
 * <p>{@link #top} (the raw alternatives) is null unless the import records them: like {@code ew run}
 * without {@code --record-top}, the entropies and tail mass are kept and the raw top-k is not.
 */
final class OpenAiResponse {

    String questionId;
    int step;
    String model;
    String text;
    String reasoning;
    String finish;
    String expected;
    AnswerKind kind;
    double temperature = Double.NaN;
    int maxTokens;
    String promptHash;
    long startedAt;
    long durationMs;
    int promptTokens = -1;
    int completionTokens = -1;
    int topK;
    boolean hasLogprobs;
    StepEntropyAccumulator entropy = new StepEntropyAccumulator();
    List<StepRecord.TopLogprobs> top;

    /** @param recordTop whether the parser collects each token's raw alternatives into {@link #top} */
    OpenAiResponse(boolean recordTop) {
        top = recordTop ? new ArrayList<>() : null;
    }

    /** Whether grading this line depends on the importer's default answer kind. */
    boolean gradedWithDefaultKind() {
        return expected != null && kind == null;
    }

    StepRecord toRecord(AnswerKind defaultKind) {
        List<String> flags = new ArrayList<>();
        int n = entropy.size();
        int completion = completionTokens;
        if (completion < 0) {
            flags.add("no-usage");
            completion = n;
        } else if (hasLogprobs && completion != n) {
            flags.add("token-count-mismatch");
        }
        if (!hasLogprobs) {
            flags.add("no-logprobs");
        }
        if ("length".equals(finish)) {
            flags.add("length");
        }
        Grade grade = Grade.ungradable();
        if (expected != null) {
            grade = Graders.forKind(kind != null ? kind : defaultKind).grade(text == null ? "" : text, expected);
        }
        return new StepRecord(questionId, step, promptHash, model, "imported", temperature, maxTokens, topK, text,
                reasoning, grade.extracted(), expected, grade.correct(), promptTokens, completion, finish,
                hasLogprobs ? entropy.tokens() : null, hasLogprobs ? entropy.channels() : null,
                hasLogprobs ? entropy.entropyByK() : Map.of(), hasLogprobs ? entropy.tailMass() : null,
                hasLogprobs ? top : null, flags, startedAt, durationMs,
                hasLogprobs ? entropy.chosenLogprobs() : null, hasLogprobs ? entropy.tokenConfidences() : null);
    }
}
