package org.entropyworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The warm-up really draws the synthetic series (so it exercises the renderer, not an empty plot). */
class PlotWarmUpTest {

    @Test
    void lastDrawingShowsTheSeriesInTheStepColour() {
        BufferedImage image = PlotWarmUp.renderSynthetic(2_000, 200, 1, 500, 260);
        int stepColour = EntropyPalette.stepColor(1);
        int coloured = 0;
        for (int x = (int) TokenEntropyRenderer.LEFT + 1; x < 500 - TokenEntropyRenderer.RIGHT; x++) {
            for (int y = (int) TokenEntropyRenderer.TOP + 1; y < 260 - TokenEntropyRenderer.BOTTOM; y++) {
                if (near(image.getRGB(x, y), stepColour)) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("pixels of the bold moving-average line").isGreaterThan(100);
    }

    /** Within 24 per channel: the line is drawn at 95 % opacity and antialiased. */
    private static boolean near(int argb, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((argb >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) > 24) {
                return false;
            }
        }
        return ((argb >>> 24) & 0xFF) > 200;
    }
}
