package org.entropyworkbench.ui.charts;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * Runs the live plot's code paths (series growth, moving average, per-column decimation, the
 * renderer) on a synthetic stream drawn into an off-screen Java2D image, so the JIT has compiled
 * them before the first real stream arrives: a cold first replay otherwise spends 20-50 ms per tick
 * in them and misses pulses. Touches no JavaFX object; any thread (meant for a background one).
 */
public final class PlotWarmUp {

    private PlotWarmUp() {
    }

    /**
     * Grows one synthetic series batch by batch up to {@code tokens}, drawing it after every
     * batch the way the live plot does, {@code rounds} times over.
     *
     * @return the last drawing (tests check it shows the series)
     */
    public static BufferedImage renderSynthetic(int tokens, int batch, int rounds, int width, int height) {
        Random random = new Random(7);
        double[] chunk = new double[Math.max(1, batch)];
        TokenEntropyRenderer.Options options = new TokenEntropyRenderer.Options(TokenEntropyRenderer.yMaxForK(20), 50, "");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int round = 0; round < rounds; round++) {
            EntropySeries series = new EntropySeries("warm-up", "warm-up", 1 + round % 4);
            for (int done = 0; done < tokens; done += chunk.length) {
                int n = Math.min(chunk.length, tokens - done);
                for (int i = 0; i < n; i++) {
                    chunk[i] = random.nextDouble() < 0.15 ? 1 + 2 * random.nextDouble() : 0.2 * random.nextDouble();
                }
                series.append(chunk, 0, n);
                Graphics2D g = image.createGraphics();
                try {
                    TokenEntropyRenderer.draw(new Java2dPlotSurface(g), width, height, List.of(series), options);
                } finally {
                    g.dispose();
                }
            }
        }
        return image;
    }
}
