package org.entropyworkbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Degenerate runs keep readable axes: with every answer correct the accuracy axis used to read
 * "1E2" at every tick, with one question the entropy axis "1.240834E0" five times.
 */
class DegenerateChartAxesTest {

    @TempDir
    Path dir;

    @Test
    void allAnswersCorrectGiveDistinctPlainAccuracyTicks() throws IOException {
        Path sim = UiTestRuns.write(dir, "reasoning", 30, 5);
        Path allCorrect = dir.resolve("all-correct.jsonl");
        Files.writeString(allCorrect, Files.readString(sim).replace("\"correct\":false", "\"correct\":true"));
        RunAnalysis analysis = RunAnalysis.of(RunFileReader.read(allCorrect), AnalysisOptions.defaults());
        assertThat(analysis.finalAccuracy()).isEqualTo(1.0);

        TradeoffCurveChart curve = new TradeoffCurveChart();
        curve.setAnalysis(analysis);
        EntropyHistogramChart histogram = new EntropyHistogramChart();
        histogram.setClasses(analysis.runOutcomes().correctH(), analysis.runOutcomes().incorrectH());

        assertReadable(tickLabels(curve.chart(), false));
        assertReadable(tickLabels(histogram.chart(), false));
        assertThat(curve.chart().getXYPlot().getRangeAxis().getUpperBound()).as("no accuracy above 100 %")
                .isLessThanOrEqualTo(100.5);
    }

    @Test
    void oneQuestionGivesDistinctPlainEntropyTicks() throws IOException {
        RunAnalysis analysis = RunAnalysis.of(RunFileReader.read(UiTestRuns.write(dir, "reasoning", 1, 9)),
                AnalysisOptions.defaults());
        EntropyHistogramChart histogram = new EntropyHistogramChart();
        histogram.setClasses(analysis.runOutcomes().correctH(), analysis.runOutcomes().incorrectH());
        histogram.setMethodTaus(analysis.thresholds());
        TradeoffCurveChart curve = new TradeoffCurveChart();
        curve.setAnalysis(analysis);

        assertReadable(tickLabels(histogram.chart(), true));
        assertReadable(tickLabels(histogram.chart(), false));
        assertReadable(tickLabels(curve.chart(), true));
        assertReadable(tickLabels(curve.chart(), false));
    }

    private static void assertReadable(List<String> labels) {
        assertThat(labels).as("tick labels").hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        assertThat(labels).allSatisfy(l -> assertThat(l).doesNotContain("E").hasSizeLessThanOrEqualTo(6));
    }

    /** The tick labels an axis draws when the chart is drawn at 600 x 400. */
    private static List<String> tickLabels(JFreeChart chart, boolean domain) {
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, 600, 400));
            XYPlot plot = chart.getXYPlot();
            NumberAxis axis = (NumberAxis) (domain ? plot.getDomainAxis() : plot.getRangeAxis());
            Rectangle2D area = new Rectangle2D.Double(60, 20, 520, 330);
            List<? extends Tick> ticks = axis.refreshTicks(g2, new AxisState(), area,
                    domain ? RectangleEdge.BOTTOM : RectangleEdge.LEFT);
            return ticks.stream().map(Tick::getText).filter(t -> t != null && !t.isEmpty()).toList();
        } finally {
            g2.dispose();
        }
    }
}
