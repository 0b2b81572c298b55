package org.entropyworkbench.core.signal;

/**
 * The adjustable parts of the signals: the entropy k and DeepConf's window sizes.
 *
 * @param k              top-k whose entropies the entropy signals use (default 20)
 * @param groupWindow    DeepConf group size in tokens for the sliding-window group confidences (default 2048)
 * @param tailTokens     DeepConf tail length in tokens (default 2048)
 * @param bottomFraction share of the lowest groups averaged by the bottom-group signal (default 0.10)
 */
public record SignalSettings(int k, int groupWindow, int tailTokens, double bottomFraction) {

    public static final int DEFAULT_WINDOW = 2048;
    public static final int DEFAULT_TAIL = 2048;
    public static final double DEFAULT_BOTTOM_FRACTION = 0.10;

    public SignalSettings {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (groupWindow < 1) {
            throw new IllegalArgumentException("the DeepConf group window must be at least 1 token, got " + groupWindow);
        }
        if (tailTokens < 1) {
            throw new IllegalArgumentException("the DeepConf tail must be at least 1 token, got " + tailTokens);
        }
        if (!(bottomFraction > 0 && bottomFraction <= 1)) {
            throw new IllegalArgumentException("the bottom-group fraction must be in (0, 1], got " + bottomFraction);
        }
    }

    /** k = 20, DeepConf windows of 2048 tokens, bottom 10 %. */
    public static SignalSettings defaults() {
        return new SignalSettings(20, DEFAULT_WINDOW, DEFAULT_TAIL, DEFAULT_BOTTOM_FRACTION);
    }

    public SignalSettings withK(int newK) {
        return new SignalSettings(newK, groupWindow, tailTokens, bottomFraction);
    }
}
