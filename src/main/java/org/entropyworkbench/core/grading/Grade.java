package org.entropyworkbench.core.grading;

/**
 * The verdict on one answer.
 *
 * @param extracted the answer found in the response, or null when none could be found
 * @param correct   TRUE/FALSE, or null when ungradable (no answer found), which is not "wrong"
 */
public record Grade(String extracted, Boolean correct) {
    public static Grade ungradable() { return new Grade(null, null); }

    public boolean isGradable() { return correct != null; }
}
