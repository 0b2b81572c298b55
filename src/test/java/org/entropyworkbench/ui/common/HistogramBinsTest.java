package org.entropyworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramBinsTest {

    @Test
    void coversEveryValueOfAllSamplesWithRoundEdges() {
        double[] a = {0.62, 0.71, 0.78, 0.80, 0.83, 0.90};
        double[] b = {0.95, 1.02, 1.10, 1.21};
        HistogramBins bins = HistogramBins.covering(12, a, b);
        assertThat(bins.lower()).isLessThanOrEqualTo(0.62);
        assertThat(bins.upper()).isGreaterThan(1.21);
        double steps = bins.width() / Math.pow(10, Math.floor(Math.log10(bins.width())));
        assertThat(steps).isIn(1.0, 2.0, 2.5, 5.0);
        int total = 0;
        for (int c : bins.counts(a)) {
            total += c;
        }
        for (int c : bins.counts(b)) {
            total += c;
        }
        assertThat(total).isEqualTo(10);
    }

    @Test
    void densityIntegratesToOneAndSkipsNaN() {
        double[] v = {0.1, 0.2, 0.25, 0.3, Double.NaN, 0.9};
        HistogramBins bins = HistogramBins.covering(8, v);
        double area = 0;
        for (double d : bins.density(v)) {
            area += d * bins.width();
        }
        assertThat(area).isCloseTo(1.0, within(1e-12));
        assertThat(bins.indexOf(Double.NaN)).isEqualTo(-1);
    }

    @Test
    void upperEdgeValueFallsIntoLastBin() {
        HistogramBins bins = new HistogramBins(0.0, 0.5, 2);
        assertThat(bins.indexOf(1.0)).isEqualTo(1);
        assertThat(bins.indexOf(0.5)).isEqualTo(1);
        assertThat(bins.indexOf(0.49)).isEqualTo(0);
        assertThat(bins.indexOf(1.2)).isEqualTo(-1);
        assertThat(bins.indexOf(-0.1)).isEqualTo(-1);
    }

    @Test
    void emptySamplesGiveADefaultRange() {
        HistogramBins bins = HistogramBins.covering(10, new double[0]);
        assertThat(bins.binCount()).isEqualTo(10);
        assertThat(bins.density(new double[0])).containsOnly(0.0);
    }
}
