package org.entropyworkbench.core.token;

/** Which part of a generation a token belongs to; servers tell them apart in different ways (apis.md). */
public enum Channel {
    /** Hidden or visible chain of thought: {@code reasoning_content}, {@code reasoning}, {@code thinking}, Harmony analysis, {@code <think>}. */
    REASONING,
    /** The visible answer text. */
    ANSWER,
    /** Control and template tokens (Harmony markers, {@code <think>} tags themselves). */
    CONTROL;

    /** One-letter code used in run files ("R", "A", "C"). */
    public char code() {
        return name().charAt(0);
    }

    public static Channel fromCode(char c) {
        switch (c) {
            case 'R': return REASONING;
            case 'A': return ANSWER;
            case 'C': return CONTROL;
            default: throw new IllegalArgumentException("unknown channel code '" + c + "' (expected R, A or C)");
        }
    }
}
