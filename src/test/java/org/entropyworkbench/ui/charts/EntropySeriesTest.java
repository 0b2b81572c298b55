package org.entropyworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EntropySeriesTest {

    @Test
    void movingAverageMatchesADirectComputationAcrossGrowth() {
        EntropySeries s = new EntropySeries("q/1", "q step 1", 1);
        double[] all = new double[1_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = (i % 13 == 0) ? Double.NaN : (i * 7 % 11) / 3.0;
        }
        for (int i = 0; i < all.length; i += 37) {
            s.append(all, i, Math.min(37, all.length - i));
        }
        assertThat(s.size()).isEqualTo(all.length);
        int window = 25;
        double[] ma = s.movingAverage(window);
        for (int i = 0; i < all.length; i++) {
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                if (!Double.isNaN(all[j])) {
                    sum += all[j];
                    n++;
                }
            }
            if (n == 0) {
                assertThat(ma[i]).isNaN();
            } else {
                assertThat(ma[i]).isCloseTo(sum / n, within(1e-9));
            }
        }
    }

    @Test
    void clearStartsAgainFromNothing() {
        EntropySeries s = EntropySeries.of("a", "a", 2, new double[]{1, 2, 3});
        assertThat(s.mean()).isCloseTo(2.0, within(1e-12));
        s.clear();
        assertThat(s.size()).isZero();
        assertThat(s.mean()).isNaN();
        s.append(new double[]{4}, 0, 1);
        assertThat(s.mean()).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void niceScaleStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(NiceScale.tickStep(4.5, 5)).isEqualTo(1.0);
        assertThat(NiceScale.tickStep(32_768, 6)).isEqualTo(10_000.0);
        assertThat(NiceScale.niceCeiling(1_234, 6)).isEqualTo(1_500.0);
        assertThat(NiceScale.niceCeiling(1_000, 5)).isEqualTo(1_000.0);
        assertThat(TokenEntropyRenderer.yMaxForK(20)).isEqualTo(4.5);
        assertThat(TokenEntropyRenderer.yMaxForK(5)).isEqualTo(2.5);
    }

    @Test
    void tintGrowsFromCalmToAlarmingAndStepsHaveDistinctColours() {
        assertThat(EntropyPalette.tint(0)).isEqualTo(0x334155);
        assertThat(EntropyPalette.tint(10)).isEqualTo(0xDC2626);
        assertThat(EntropyPalette.tint(0.25)).isNotIn(EntropyPalette.tint(0), EntropyPalette.tint(0.5));
        assertThat(java.util.Set.of(EntropyPalette.stepColor(1), EntropyPalette.stepColor(2),
                EntropyPalette.stepColor(3), EntropyPalette.stepColor(4))).hasSize(4);
        assertThat(EntropyPalette.hex(0x1F77B4)).isEqualTo("#1f77b4");
    }
}
