package org.entropyworkbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class SeparationTest {

    private static final double[] CORRECT = {0.62, 0.71, 0.78, 0.80, 0.83, 0.90};
    private static final double[] INCORRECT = {0.95, 1.02, 1.10, 1.21};

    @Test
    void classStatisticsUseSampleSd() {
        ClassStatistics s = ClassStatistics.of(new double[] {1, 2, 3, 4});
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.sd()).isCloseTo(Math.sqrt(5.0 / 3.0), within(1e-12));
    }

    @Test
    void classStatisticsOfTinyClassesAreDefined() {
        assertThat(ClassStatistics.of(new double[0]).mean()).isNaN();
        ClassStatistics one = ClassStatistics.of(new double[] {0.7});
        assertThat(one.mean()).isEqualTo(0.7);
        assertThat(one.sd()).isNaN();
        assertThat(one.hasSd()).isFalse();
    }

    @Test
    void classStatisticsSkipNonFiniteValues() {
        ClassStatistics s = ClassStatistics.of(new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY});
        assertThat(s.n()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(2.0), within(1e-12));
    }

    @Test
    void syntheticVectorMatchesMethodSpec() {
        Separation s = Separation.of(CORRECT, INCORRECT);
        assertThat(s.correct().mean()).isCloseTo(0.77333, within(5e-5));
        assertThat(s.correct().sd()).isCloseTo(0.09750, within(5e-5));
        assertThat(s.incorrect().mean()).isCloseTo(1.07000, within(5e-5));
        assertThat(s.incorrect().sd()).isCloseTo(0.11165, within(5e-5));
        assertThat(s.pooledSd()).isCloseTo(0.10304, within(5e-5));
        assertThat(s.cohensD()).isCloseTo(2.8792, within(5e-5));
        assertThat(s.note()).isNull();
    }

    @Test
    void welchTestAgreesWithCommonsMathTTest() {
        Separation s = Separation.of(CORRECT, INCORRECT);
        TTest reference = new TTest();
        assertThat(Math.abs(s.welchT())).isCloseTo(Math.abs(reference.t(CORRECT, INCORRECT)), within(1e-10));
        assertThat(s.welchT()).isPositive();
        assertThat(s.pValue()).isCloseTo(reference.tTest(CORRECT, INCORRECT), within(1e-10));
        double vc = 0.09750213672872338 * 0.09750213672872338 / 6;
        double vi = 0.11165422816296151 * 0.11165422816296151 / 4;
        double df = (vc + vi) * (vc + vi) / (vc * vc / 5 + vi * vi / 3);
        assertThat(s.welchDf()).isCloseTo(df, within(1e-9));
    }

    @Test
    void dIsNegativeWhenIncorrectAnswersHaveLowerEntropy() {
        Separation s = Separation.of(INCORRECT, CORRECT);
        assertThat(s.cohensD()).isCloseTo(-2.8792, within(5e-5));
        assertThat(s.welchT()).isNegative();
    }

    @Test
    void tinyClassesGiveNaNWithReason() {
        Separation s = Separation.of(new double[] {0.5}, new double[] {0.9, 1.0, 1.1});
        assertThat(s.cohensD()).isNaN();
        assertThat(s.pValue()).isNaN();
        assertThat(s.defined()).isFalse();
        assertThat(s.note()).contains("at least 2 correct and 2 incorrect").contains("1 correct");
        assertThat(s.overlap()).isBetween(0.0, 1.0);
    }

    @Test
    void emptyClassesGiveNaNOverlap() {
        Separation s = Separation.of(new double[0], new double[0]);
        assertThat(s.overlap()).isNaN();
        assertThat(s.correct().n()).isZero();
        assertThat(s.note()).isNotNull();
    }

    @Test
    void zeroVarianceInBothClassesIsExplained() {
        Separation s = Separation.of(new double[] {0.5, 0.5}, new double[] {1.0, 1.0});
        assertThat(s.cohensD()).isNaN();
        assertThat(s.note()).contains("zero variance");
        assertThat(s.overlap()).isEqualTo(0.0);
    }

    @Test
    void overlapIsOneForIdenticalAndZeroForDisjointSamples() {
        double[] a = {0.1, 0.2, 0.3, 0.4, 0.5};
        assertThat(Separation.overlap(a, a.clone(), 5)).isCloseTo(1.0, within(1e-12));
        assertThat(Separation.overlap(new double[] {0.1, 0.2}, new double[] {0.9, 1.0}, 5)).isEqualTo(0.0);
        assertThat(Separation.overlap(new double[] {0.3}, new double[] {0.3}, 5)).isEqualTo(1.0);
    }

    @Test
    void overlapSumsBinwiseMinimumOfNormalisedHistograms() {
        double[] a = {0.0, 0.0, 1.0, 1.0};
        double[] b = {1.0, 2.0, 2.0, 2.0};
        // two bins over [0, 2]: a = {0.5, 0.5}, b = {0, 1} (1.0 falls in the upper bin)
        assertThat(Separation.overlap(a, b, 2)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void defaultBinsAreClamped() {
        assertThat(Separation.defaultBins(0)).isEqualTo(5);
        assertThat(Separation.defaultBins(100)).isEqualTo(10);
        assertThat(Separation.defaultBins(1_000_000)).isEqualTo(50);
    }

    @Test
    void sampleSummarySkipsNaN() {
        SampleSummary s = SampleSummary.of(new double[] {1, Double.NaN, 3});
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(3.0);
        assertThat(SampleSummary.of(new double[0]).mean()).isNaN();
    }
}
