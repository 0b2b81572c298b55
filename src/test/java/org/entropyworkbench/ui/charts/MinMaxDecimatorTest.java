package org.entropyworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinMaxDecimatorTest {

    @Test
    void shortSeriesIsKeptWholeExceptNaN() {
        double[] v = {0.5, Double.NaN, 2.0, 1.0};
        MinMaxDecimator.Polyline p = MinMaxDecimator.decimate(v, 0, v.length, 10);
        assertThat(p.size()).isEqualTo(3);
        assertThat(java.util.Arrays.copyOf(p.xs(), 3)).containsExactly(0, 2, 3);
        assertThat(java.util.Arrays.copyOf(p.ys(), 3)).containsExactly(0.5, 2.0, 1.0);
    }

    @Test
    void longSeriesKeepsEveryColumnsMinAndMaxWithinTwicePerColumn() {
        Random random = new Random(7);
        int n = 32_768;
        int columns = 300;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() * 4.3;
        }
        MinMaxDecimator.Polyline p = MinMaxDecimator.decimate(v, 0, n, columns);
        assertThat(p.size()).isLessThanOrEqualTo(2 * columns).isGreaterThanOrEqualTo(columns);

        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) n * c / columns);
            int to = (int) ((long) n * (c + 1) / columns);
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = from; i < to; i++) {
                min = Math.min(min, v[i]);
                max = Math.max(max, v[i]);
            }
            double outMin = Double.MAX_VALUE;
            double outMax = -Double.MAX_VALUE;
            for (int i = 0; i < p.size(); i++) {
                if (p.xs()[i] >= from && p.xs()[i] < to) {
                    outMin = Math.min(outMin, p.ys()[i]);
                    outMax = Math.max(outMax, p.ys()[i]);
                    assertThat(v[(int) p.xs()[i]]).isEqualTo(p.ys()[i]);
                }
            }
            assertThat(outMin).as("min of column %d", c).isEqualTo(min);
            assertThat(outMax).as("max of column %d", c).isEqualTo(max);
        }
    }

    @Test
    void pointsComeOutInIncreasingPositionOrder() {
        double[] v = new double[5_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(i * 0.37) + (i % 97 == 0 ? 3 : 0);
        }
        MinMaxDecimator.Polyline p = MinMaxDecimator.decimate(v, 0, v.length, 100);
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.xs()[i]).isGreaterThan(p.xs()[i - 1]);
        }
    }

    @Test
    void singleSpikeSurvivesDecimation() {
        double[] v = new double[20_000];
        v[12_345] = 4.2;
        MinMaxDecimator.Polyline p = MinMaxDecimator.decimate(v, 0, v.length, 50);
        boolean found = false;
        for (int i = 0; i < p.size(); i++) {
            found |= p.xs()[i] == 12_345 && p.ys()[i] == 4.2;
        }
        assertThat(found).isTrue();
    }

    @Test
    void subRangeUsesAbsolutePositionsAndColumnsOfOnlyNaNAreSkipped() {
        double[] v = new double[1_000];
        java.util.Arrays.fill(v, Double.NaN);
        for (int i = 500; i < 1_000; i++) {
            v[i] = i;
        }
        MinMaxDecimator.Polyline p = MinMaxDecimator.decimate(v, 100, 1_000, 10);
        assertThat(p.size()).isLessThanOrEqualTo(20);
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.xs()[i]).isBetween(500.0, 999.0);
        }
        assertThat(p.ys()[0]).isEqualTo(500.0);
        assertThat(p.ys()[p.size() - 1]).isEqualTo(999.0);
    }

    @Test
    void badRangeIsRefused() {
        assertThatThrownBy(() -> MinMaxDecimator.decimate(new double[3], 2, 5, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 3");
    }
}
