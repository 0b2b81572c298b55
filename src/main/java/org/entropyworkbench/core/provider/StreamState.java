package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenListener;
import org.entropyworkbench.core.token.Channel;
/**
 * Everything one streaming call accumulates: the reused token batch of the current chunk, channel
 * tracking, the text so far, usage, finish reason and any error object the server sent.
 *
 * <p>Owned by the streaming thread of one call; not thread-safe.
 */
final class StreamState {
    final TokenBatch batch = new TokenBatch();
    /** Reads the common OpenAI chunk shape without Jackson; per stream because it keeps scratch state. */
    final OpenAiChunkFastPath fastPath = new OpenAiChunkFastPath();
    private final ChannelTracker tracker;
    private final StringBuilder content = new StringBuilder(1024);
    private final StringBuilder reasoning = new StringBuilder(1024);

    int promptTokens = -1;
    int completionTokens = -1;
    int reasoningTokens = -1;
    String finishReason;
    String serverVersion;
    String servedModel;
    boolean done;
    /**
     * The server counts one end-of-sequence token in {@code usage.completion_tokens} that it never
     * streams (llama.cpp): on a {@code stop} step whose usage is exactly one more than the tokens
     * streamed, the result's count leaves it out (docs/run-format.md, "Integrity").
     */
    boolean unstreamedStopToken;

    private int tokensWithLogprobs;
    private int tokensEmitted;
    private boolean textArrived;

    boolean errorSeen;
    String errorMessage;
    String errorCode;
    String errorType;

    private boolean chunkHasReasoning;
    private boolean chunkHasContent;
    private boolean chunkHadLogprobs;
    private String chunkContent;
    private String chunkReasoning;
    private int scalarSlot = -1;
    private double scalarLogprob = Double.NaN;

    /** @param forUnlabelled see {@link ChannelTracker#ChannelTracker(Channel)} */
    StreamState(Channel forUnlabelled) {
        this.tracker = new ChannelTracker(forUnlabelled);
    }

    void beginChunk() {
        batch.clear();
        chunkHasReasoning = false;
        chunkHasContent = false;
        chunkHadLogprobs = false;
        chunkContent = null;
        chunkReasoning = null;
        scalarSlot = -1;
        scalarLogprob = Double.NaN;
    }

    void onContent(String text) {
        if (text != null && !text.isEmpty()) {
            content.append(text);
            chunkContent = text;
            chunkHasContent = true;
            textArrived = true;
        }
    }

    void onReasoning(String text) {
        if (text != null && !text.isEmpty()) {
            reasoning.append(text);
            chunkReasoning = text;
            chunkHasReasoning = true;
            textArrived = true;
        }
    }

    /** The chunk carried a logprobs structure (even an empty one), so its tokens are accounted for. */
    void markLogprobsPresent() {
        chunkHadLogprobs = true;
    }

    /** Together's per-chunk scalar form: {@code logprobs: -0.1} next to the delta text. */
    void setScalarLogprob(double lp) {
        scalarLogprob = lp;
        scalarSlot();
        chunkHadLogprobs = true;
    }

    /** The slot used by the scalar form for its {@code top_logprobs: {token: lp}} map. */
    int scalarSlot() {
        if (scalarSlot < 0) {
            scalarSlot = batch.addSlot();
            chunkHadLogprobs = true;
        }
        return scalarSlot;
    }

    /**
     * Hands this chunk's tokens to the listener with their channels. A chunk with text but no
     * logprobs at all, in a stream that has not sent any logprobs yet, becomes one token per text
     * field with NaN logprob, so a server that ignores {@code logprobs} still shows its text and
     * counts as missing logprobs (Ollama /v1 puts the logprobs of a split chunk on its first half
     * only, hence "has not sent any yet").
     */
    void emitChunk(TokenListener listener) {
        Channel fromDelta = chunkHasReasoning ? Channel.REASONING : chunkHasContent ? Channel.ANSWER : null;
        if (scalarSlot >= 0) {
            batch.setText(scalarSlot, chunkContent != null ? chunkContent : chunkReasoning);
            batch.setLogprob(scalarSlot, scalarLogprob);
        }
        if (batch.size() == 0 && !chunkHadLogprobs && tokensWithLogprobs == 0) {
            if (chunkHasReasoning) {
                int slot = batch.addSlot();
                batch.setText(slot, chunkReasoning);
                batch.setChannel(slot, Channel.REASONING);
            }
            if (chunkHasContent) {
                int slot = batch.addSlot();
                batch.setText(slot, chunkContent);
                batch.setChannel(slot, Channel.ANSWER);
            }
        }
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            Channel preset = batch.channelAt(i);
            Channel hint = preset != null ? preset : fromDelta;
            batch.setChannel(i, tracker.classify(batch.textAt(i), hint));
            if (batch.hasLogprobs(i)) {
                tokensWithLogprobs++;
            }
            tokensEmitted++;
            textArrived = true;
            listener.onToken(batch.at(i));
        }
    }

    boolean textArrived() {
        return textArrived;
    }

    int tokensWithLogprobs() {
        return tokensWithLogprobs;
    }

    int tokensEmitted() {
        return tokensEmitted;
    }

    /**
     * The result, separating reasoning the server left inside the content ({@code <think>} blocks or
     * raw Harmony channels) from the visible answer.
     */
    ChatResult result() {
        String text = content.toString();
        String reasoningText = reasoning.length() == 0 ? null : reasoning.toString();
        int close = text.lastIndexOf("</think>");
        if (close >= 0) {
            String inner = text.substring(0, close);
            int open = inner.indexOf("<think>");
            inner = open >= 0 ? inner.substring(open + "<think>".length()) : inner;
            reasoningText = join(reasoningText, inner.strip());
            text = text.substring(close + "</think>".length()).strip();
        } else if (text.contains("<|channel|>")) {
            String analysis = harmonyBody(text, "analysis");
            String fin = harmonyBody(text, "final");
            if (analysis != null) {
                reasoningText = join(reasoningText, analysis);
            }
            if (fin != null) {
                text = fin;
            }
        }
        int completion = completionTokens;
        if (unstreamedStopToken && "stop".equals(finishReason) && completion == tokensEmitted + 1) {
            completion = tokensEmitted;
        }
        return new ChatResult(text, reasoningText, promptTokens, completion, reasoningTokens,
                finishReason, tokensWithLogprobs, serverVersion, servedModel);
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b.isEmpty() ? null : b;
        }
        return b.isEmpty() ? a : a + "\n" + b;
    }

    /** Body of the last Harmony message on {@code channel}, up to its end marker, or null. */
    private static String harmonyBody(String text, String channel) {
        String start = "<|channel|>" + channel;
        int at = text.lastIndexOf(start);
        if (at < 0) {
            return null;
        }
        int msg = text.indexOf("<|message|>", at);
        if (msg < 0) {
            return null;
        }
        int from = msg + "<|message|>".length();
        int end = text.length();
        for (String marker : new String[] {"<|end|>", "<|return|>", "<|call|>", "<|start|>"}) {
            int e = text.indexOf(marker, from);
            if (e >= 0 && e < end) {
                end = e;
            }
        }
        return text.substring(from, end).strip();
    }
}
