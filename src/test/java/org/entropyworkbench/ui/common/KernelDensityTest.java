package org.entropyworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelDensityTest {

    @Test
    void densityIntegratesToAboutOneAndPeaksNearTheMean() {
        Random r = new Random(3);
        double[] v = new double[400];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.8 + 0.1 * r.nextGaussian();
        }
        double[] grid = KernelDensity.grid(0.2, 1.4, 241);
        double[] d = KernelDensity.density(v, grid);
        double step = grid[1] - grid[0];
        double area = 0;
        int peak = 0;
        for (int i = 0; i < d.length; i++) {
            area += d[i] * step;
            if (d[i] > d[peak]) {
                peak = i;
            }
        }
        assertThat(area).isCloseTo(1.0, within(0.01));
        assertThat(grid[peak]).isCloseTo(0.8, within(0.05));
    }

    @Test
    void tooFewValuesGiveZeros() {
        assertThat(KernelDensity.density(new double[] {0.5, Double.NaN}, KernelDensity.grid(0, 1, 5))).containsOnly(0.0);
        assertThat(KernelDensity.bandwidth(new double[] {1})).isNaN();
        assertThat(KernelDensity.bandwidth(new double[] {1, 1, 1})).isPositive();
    }
}
