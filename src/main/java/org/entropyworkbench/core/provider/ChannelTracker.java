package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.Channel;
/**
 * Decides the {@link Channel} of each streamed token from two sources (apis.md section 10.1): the
 * delta field the token arrived with ({@code reasoning}/{@code reasoning_content}/{@code thinking}
 * versus {@code content}) and the token text itself, following {@code <think>...</think>} tags and
 * the Harmony grammar ({@code <|start|>role<|channel|>name<|message|>body<|end|>}) when a server
 * passes them through as content.
 *
 * <p>Tags and Harmony markers are CONTROL; Harmony header words between a marker and
 * {@code <|message|>} are CONTROL; an {@code analysis} body is REASONING, other bodies ANSWER.
 * A reasoning model whose chat template opens {@code <think>} in the prompt (so the stream starts
 * inside it without the tag) is only recognised through the delta field.
 *
 * <p>One instance per stream; used by the streaming thread only. No allocation per token.
 */
final class ChannelTracker {
    private static final int HEADER_CAP = 64;

    private enum Harmony { NONE, HEADER, BODY }

    private final Channel forUnlabelled;
    private boolean inThink;
    private Harmony harmony = Harmony.NONE;
    private Channel harmonyBody = Channel.ANSWER;
    private final StringBuilder header = new StringBuilder(HEADER_CAP);
    private Channel last = Channel.ANSWER;

    /**
     * @param forUnlabelled channel for tokens that arrive with no delta text (vLLM sends the tokens
     *                      its parser swallowed with an empty delta: CONTROL), or null to reuse the
     *                      channel of the previous token (Ollama native, which buffers text)
     */
    ChannelTracker(Channel forUnlabelled) {
        this.forUnlabelled = forUnlabelled;
    }

    /**
     * @param text      the token text
     * @param fromDelta REASONING or ANSWER from the chunk's delta fields, or null when the chunk had no text
     */
    Channel classify(String text, Channel fromDelta) {
        if ("<think>".equals(text)) {
            inThink = true;
            return Channel.CONTROL;
        }
        if ("</think>".equals(text)) {
            inThink = false;
            return Channel.CONTROL;
        }
        if (isHarmonyMarker(text)) {
            onHarmonyMarker(text);
            return Channel.CONTROL;
        }
        if (harmony == Harmony.HEADER) {
            if (header.length() + text.length() <= HEADER_CAP) {
                header.append(text);
            }
            return Channel.CONTROL;
        }
        Channel c;
        if (fromDelta == Channel.REASONING || inThink) {
            c = Channel.REASONING;
        } else if (harmony == Harmony.BODY) {
            c = harmonyBody;
        } else if (fromDelta != null) {
            c = fromDelta;
        } else {
            c = forUnlabelled != null ? forUnlabelled : last;
        }
        if (c != Channel.CONTROL) {
            last = c;
        }
        return c;
    }

    private static boolean isHarmonyMarker(String t) {
        int n = t.length();
        return n >= 5 && t.charAt(0) == '<' && t.charAt(1) == '|' && t.charAt(n - 2) == '|' && t.charAt(n - 1) == '>';
    }

    private void onHarmonyMarker(String t) {
        switch (t) {
            case "<|start|>":
            case "<|channel|>":
                harmony = Harmony.HEADER;
                header.setLength(0);
                break;
            case "<|message|>":
                harmony = Harmony.BODY;
                harmonyBody = header.indexOf("analysis") >= 0 ? Channel.REASONING : Channel.ANSWER;
                break;
            case "<|end|>":
            case "<|return|>":
            case "<|call|>":
                harmony = Harmony.NONE;
                break;
            default:
                break;
        }
    }
}
