package org.entropyworkbench.core.provider;

/**
 * What a finished streaming call returned besides its tokens.
 *
 * @param text              the visible answer text
 * @param reasoningText     reasoning text when the server sent it separately, else null
 * @param promptTokens      from usage; -1 when the server sent no usage
 * @param completionTokens  from usage; -1 when the server sent no usage
 * @param reasoningTokens   from usage details; -1 when unknown
 * @param finishReason      e.g. "stop", "length"; null when unknown
 * @param tokensWithLogprobs how many streamed tokens carried logprobs
 * @param serverVersion     when the server tells it, else null
 * @param servedModel       the model name the server's answer carried ({@code model} of the chunks), else null
 */
public record ChatResult(
        String text,
        String reasoningText,
        int promptTokens,
        int completionTokens,
        int reasoningTokens,
        String finishReason,
        int tokensWithLogprobs,
        String serverVersion,
        String servedModel) {

    /** A result whose server named no model (replays, fakes). */
    public ChatResult(String text, String reasoningText, int promptTokens, int completionTokens, int reasoningTokens,
                      String finishReason, int tokensWithLogprobs, String serverVersion) {
        this(text, reasoningText, promptTokens, completionTokens, reasoningTokens, finishReason, tokensWithLogprobs,
                serverVersion, null);
    }
}
