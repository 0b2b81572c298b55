package org.entropyworkbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscriminationTest {

    @Test
    void aurocOnAHandCaseWithTies() {
        // correct {1, 2, 3}, incorrect {2, 4}: pairs (c < i) = 1<2, 1<4, 2<4, 3<4 = 4, tie 2=2 = 0.5 → 4.5 / 6
        assertThat(Discrimination.auroc(new double[] {1, 2, 3}, new double[] {2, 4})).isEqualTo(0.75);
        assertThat(Discrimination.auroc(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(1.0);
        assertThat(Discrimination.auroc(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(0.0);
        assertThat(Discrimination.auroc(new double[] {5, 5}, new double[] {5})).isEqualTo(0.5);
        assertThat(Discrimination.auroc(new double[] {}, new double[] {1})).isNaN();
    }

    @Test
    void aurocIsTheMannWhitneyUOverNcNi() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            double[] c = new double[1 + r.nextInt(40)];
            double[] i = new double[1 + r.nextInt(40)];
            for (int j = 0; j < c.length; j++) {
                c[j] = r.nextInt(8);
            }
            for (int j = 0; j < i.length; j++) {
                i[j] = r.nextInt(8) + 0.5 * r.nextInt(2);
            }
            double u = 0;
            for (double x : c) {
                for (double y : i) {
                    u += x < y ? 1 : x == y ? 0.5 : 0;
                }
            }
            assertThat(Discrimination.auroc(c, i)).isCloseTo(u / (c.length * (double) i.length), within(1e-12));
        }
    }

    @Test
    void auprcOnAHandCase() {
        // ranked: 1(c) 2(i) 3(c) 4(i): AP = 0.5·1 + 0.5·(2/3)
        assertThat(Discrimination.auprc(new double[] {1, 3}, new double[] {2, 4})).isCloseTo(0.5 + 1.0 / 3, within(1e-15));
        // a tie group of one correct and one incorrect first: precision 1/2 at recall 1/1
        assertThat(Discrimination.auprc(new double[] {1}, new double[] {1, 5})).isEqualTo(0.5);
        assertThat(Discrimination.auprc(new double[] {1, 2}, new double[] {3})).isEqualTo(1.0);
    }

    @Test
    void percentileIntervalUsesType7Quantiles() {
        double[] v = {Double.NaN, 4, 1, 3, 2, 5};
        PercentileInterval pi = PercentileInterval.of(v, 0.5);
        assertThat(pi.lower()).isEqualTo(2.0);
        assertThat(pi.upper()).isEqualTo(4.0);
        assertThat(pi.definedCount()).isEqualTo(5);
        assertThat(pi.resamples()).isEqualTo(6);
        assertThat(PercentileInterval.of(new double[] {Double.NaN}, 0.95).defined()).isFalse();
    }
}
