package org.entropyworkbench.core.provider;

import java.util.List;

/**
 * One streaming chat call.
 *
 * @param questionId  which question this call is for; never sent to a server, used by replay and logs
 * @param step        protocol step (1-based); never sent to a server
 * @param reasoningEffort null when the model takes none
 * @param seed        null for no seed
 */
public record ChatRequest(
        String questionId,
        int step,
        List<ChatMessage> messages,
        String model,
        double temperature,
        int maxTokens,
        int topLogprobs,
        String reasoningEffort,
        Long seed) {
    public ChatRequest {
        messages = List.copyOf(messages);
    }
}
