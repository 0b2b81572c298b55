package org.entropyworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.entropyworkbench.ui.analysis.EntropyHistogramChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartExporterTest {

    @TempDir
    Path dir;

    private final EntropyHistogramChart histogram = new EntropyHistogramChart();

    private EntropyHistogramChart chart() {
        histogram.setClasses(new double[] {0.62, 0.71, 0.78, 0.80, 0.83, 0.90}, new double[] {0.95, 1.02, 1.10, 1.21});
        return histogram;
    }

    @Test
    void pngHasTheRequestedSize() throws Exception {
        Path png = dir.resolve("h.png");
        ChartExporter.savePng(chart().exportChart(0.9), png, 640, 400);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void svgIsAVectorDocumentWithTheAxisLabelsAndMarker() throws Exception {
        Path svg = dir.resolve("h.svg");
        ChartExporter.saveSvg(chart().exportChart(0.9), svg, 800, 500);
        String text = Files.readString(svg);
        assertThat(text).startsWith("<?xml").contains("<svg").contains("width='800.0'");
        assertThat(text).contains("Step-1 mean token entropy (bits)").contains("τ = 0.900");
        assertThat(histogram.chart().getXYPlot().getAnnotations()).as("the live chart is not changed").isEmpty();
    }
}
