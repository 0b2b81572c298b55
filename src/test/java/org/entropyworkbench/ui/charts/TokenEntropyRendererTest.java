package org.entropyworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

/** The plot renderer through Java2D/SVG (the export path), without an FX toolkit. */
class TokenEntropyRendererTest {

    private static final TokenEntropyRenderer.Options OPTIONS = new TokenEntropyRenderer.Options(4.5, 50, "empty");

    @Test
    void svgHasAxisLabelsLegendAndAPathPerLineBoundedByThePlotWidth() {
        int width = 800;
        String svg = render(width, List.of(series("q1/1", 1, 32_768), series("q1/2", 2, 1_000)));
        assertThat(svg).contains("Token entropy (bits)").contains("Token position").contains("Step 1").contains("Step 2");
        int longest = 0;
        Matcher m = Pattern.compile("<path[^>]*d=['\"]([^'\"]*)['\"]").matcher(svg);
        int paths = 0;
        while (m.find()) {
            paths++;
            longest = Math.max(longest, m.group(1).split("L").length);
        }
        assertThat(paths).isGreaterThanOrEqualTo(4);
        assertThat(longest).isLessThanOrEqualTo(2 * width);
    }

    @Test
    void longAndShortSeriesDrawTheSameNumberOfPointsPerPixel() {
        String big = render(600, List.of(series("a", 1, 32_768)));
        String small = render(600, List.of(series("a", 1, 1_000)));
        assertThat(pathPoints(big)).isLessThanOrEqualTo(4 * 600 + 100);
        assertThat(pathPoints(small)).isLessThanOrEqualTo(2 * 1_000 + 100);
    }

    @Test
    void pngRenderingPaintsTheEmptyMessageWhenThereIsNoData() {
        BufferedImage image = new BufferedImage(400, 250, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        TokenEntropyRenderer.draw(new Java2dPlotSurface(g), 400, 250, List.of(), OPTIONS);
        g.dispose();
        assertThat(image.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        boolean dark = false;
        for (int x = 62; x < 384 && !dark; x++) {
            for (int y = 100; y < 160 && !dark; y++) {
                dark = (image.getRGB(x, y) & 0xFF) < 160;
            }
        }
        assertThat(dark).as("empty-state text drawn in the plot area").isTrue();
    }

    private static String render(int width, List<EntropySeries> series) {
        SVGGraphics2D g = new SVGGraphics2D(width, 400);
        TokenEntropyRenderer.draw(new Java2dPlotSurface(g), width, 400, series, OPTIONS);
        return g.getSVGDocument();
    }

    private static int pathPoints(String svg) {
        Matcher m = Pattern.compile("<path[^>]*d=['\"]([^'\"]*)['\"]").matcher(svg);
        int points = 0;
        while (m.find()) {
            points += m.group(1).split("L").length;
        }
        return points;
    }

    private static EntropySeries series(String key, int step, int n) {
        Random r = new Random(step * 31L + n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() < 0.05 ? 1 + 3 * r.nextDouble() : 0.1 * r.nextDouble();
        }
        return EntropySeries.of(key, key, step, v);
    }
}
