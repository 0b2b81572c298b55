package org.entropyworkbench.serve;

import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.protocol.PromptHash;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.ChatResult;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Turns one upstream call of the proxy into the run-file step a run would have written: same
 * entropy arrays, chosen-token logprobs and DeepConf confidences (what every signal reads), prompt hash and usage, ungraded ({@code correct} null, no expected answer), and
 * text only when the user asked for it. Stateless.
 */
final class StepRecords {
    private StepRecords() {
    }

    static StepRecord of(String requestId, int step, List<ChatMessage> messages, String model, String server,
                         double temperature, int maxTokens, int k, ChatResult result, StepEntropyAccumulator entropy,
                         boolean keepText, long startedAt, long durationMillis) {
        int completion = result.completionTokens() < 0 ? entropy.size() : result.completionTokens();
        List<String> flags = new ArrayList<>();
        if (result.completionTokens() < 0) {
            flags.add("no-usage");
        }
        if (entropy.missingLogprobs() > 0) {
            flags.add("missing-logprobs");
        }
        if ("length".equals(result.finishReason())) {
            flags.add("length");
        }
        return new StepRecord(requestId, step, PromptHash.of(messages), model, server, temperature, maxTokens, k,
                keepText ? result.text() : null,
                keepText ? result.reasoningText() : null,
                null, null, null,
                Math.max(-1, result.promptTokens()),
                completion,
                result.finishReason(),
                keepText ? entropy.tokens() : null,
                entropy.channels(),
                entropy.entropyByK(),
                entropy.tailMass(),
                null,
                flags,
                startedAt,
                durationMillis,
                entropy.chosenLogprobs(),
                entropy.tokenConfidences());
    }
}
