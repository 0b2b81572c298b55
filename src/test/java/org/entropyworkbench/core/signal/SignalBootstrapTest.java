package org.entropyworkbench.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.entropyworkbench.core.stats.PercentileInterval;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;
import org.entropyworkbench.core.tradeoff.RunOutcomes;
import org.junit.jupiter.api.Test;

class SignalBootstrapTest {

    /** Gaussian scores: correct ~ N(0, 1), incorrect ~ N(shift, 1); every question complete with 4 steps. */
    static SignalSample gaussianSample(int n, double shift, long seed, boolean withTies) {
        return gaussianSample(n, shift, seed, withTies, 1);
    }

    /** As above with every score multiplied by {@code scale} (−1 mirrors the sort order, same questions). */
    static SignalSample gaussianSample(int n, double shift, long seed, boolean withTies, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        List<RunOutcomes.Step1Label> labels = new ArrayList<>();
        List<QuestionOutcome> outcomes = new ArrayList<>();
        int correctCount = 0;
        for (int q = 0; q < n; q++) {
            boolean correct = r.nextDouble() < 0.6;
            double score = (correct ? 0 : shift) + r.nextGaussian();
            if (withTies) {
                score = Math.round(score * 4) / 4.0;
            }
            score *= scale;
            String id = "q" + q;
            if (q % 10 != 9) {
                labels.add(new RunOutcomes.Step1Label(id, score, correct));
                correctCount += correct ? 1 : 0;
            }
            if (q % 7 != 6) {
                Boolean last = correct || r.nextDouble() < 0.3;
                outcomes.add(new QuestionOutcome(id, score, new Boolean[] {correct, null, correct, last},
                        new int[] {1000 + r.nextInt(3000), 500 + r.nextInt(500), 400, 300 + r.nextInt(900)}));
            }
        }
        return SignalSample.of(new RunOutcomes.Result(outcomes, List.of(), labels, List.of(), List.of(), n, correctCount, List.of()));
    }

    @Test
    void fastKernelAgreesWithNaiveRecomputationOnEveryStatistic() {
        for (boolean ties : new boolean[] {false, true}) {
            for (SignalDirection direction : SignalDirection.values()) {
                SignalSample s = gaussianSample(150, 0.8, 5, ties);
                double[][] fast = SignalBootstrap.resample(s, direction, ThresholdOptions.defaults(), 60, 9);
                double[][] naive = SignalBootstrap.resampleNaively(s, direction, ThresholdOptions.defaults(), 60, 9);
                for (int t = 0; t < ResampleStatistic.COUNT; t++) {
                    for (int b = 0; b < 60; b++) {
                        if (Double.isNaN(naive[t][b])) {
                            assertThat(fast[t][b]).as("statistic " + t + " resample " + b).isNaN();
                        } else {
                            assertThat(fast[t][b]).as("statistic " + t + " resample " + b)
                                    .isCloseTo(naive[t][b], within(1e-9 * Math.max(1, Math.abs(naive[t][b]))));
                        }
                    }
                }
            }
        }
    }

    /**
     * Resample b holds the same questions under every signal: mirroring the scores reverses the sort order,
     * and on the same questions the mirrored AUROC is exactly 1 − AUROC (a draw by sorted position would
     * not give that). A signal's resamples are also the same alone as together with others.
     */
    @Test
    void everySignalOfARunIsEvaluatedOnTheSameDrawOfQuestions() {
        SignalSample plain = gaussianSample(150, 0.8, 5, false, 1);
        SignalSample mirrored = gaussianSample(150, 0.8, 5, false, -1);
        ThresholdOptions options = ThresholdOptions.defaults();
        List<double[][]> both = SignalBootstrap.resampleTogether(List.of(
                new SignalBootstrap.Target(plain, SignalDirection.LOW_IS_CONFIDENT, options),
                new SignalBootstrap.Target(mirrored, SignalDirection.LOW_IS_CONFIDENT, options)), 300, 11);
        for (int b = 0; b < 300; b++) {
            assertThat(both.get(1)[ResampleStatistic.AUROC][b]).as("resample " + b)
                    .isCloseTo(1 - both.get(0)[ResampleStatistic.AUROC][b], within(1e-12));
        }
        assertThat(SignalBootstrap.resample(plain, SignalDirection.LOW_IS_CONFIDENT, options, 300, 11))
                .isDeepEqualTo(both.get(0));
        assertThat(SignalBootstrap.resample(mirrored, SignalDirection.LOW_IS_CONFIDENT, options, 300, 11))
                .isDeepEqualTo(both.get(1));
    }

    /** Blocks of resamples run in parallel with their own seeded generators: one thread gives the same result. */
    @Test
    void resamplesDoNotDependOnTheNumberOfThreads() throws Exception {
        SignalSample s = gaussianSample(200, 0.5, 4, true);
        ForkJoinPool oneThread = new ForkJoinPool(1);
        try {
            double[][] single = oneThread.submit(() -> SignalBootstrap.resample(s, SignalDirection.LOW_IS_CONFIDENT,
                    ThresholdOptions.defaults(), 1050, 3)).get();
            assertThat(SignalBootstrap.resample(s, SignalDirection.LOW_IS_CONFIDENT, ThresholdOptions.defaults(), 1050, 3))
                    .isDeepEqualTo(single);
        } finally {
            oneThread.shutdown();
        }
    }

    @Test
    void aSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        SignalSample s = gaussianSample(80, 0.7, 1, false);
        double[][] a = SignalBootstrap.resample(s, SignalDirection.LOW_IS_CONFIDENT, ThresholdOptions.defaults(), 500, 42);
        double[][] b = SignalBootstrap.resample(s, SignalDirection.LOW_IS_CONFIDENT, ThresholdOptions.defaults(), 500, 42);
        double[][] c = SignalBootstrap.resample(s, SignalDirection.LOW_IS_CONFIDENT, ThresholdOptions.defaults(), 500, 43);
        assertThat(a).isDeepEqualTo(b);
        PercentileInterval ia = PercentileInterval.of(a[ResampleStatistic.AUROC], 0.95);
        PercentileInterval ic = PercentileInterval.of(c[ResampleStatistic.AUROC], 0.95);
        assertThat(ia.lower()).isNotEqualTo(ic.lower());
        assertThat(ia.lower()).isLessThan(ia.upper());
        assertThat(SignalBootstrap.permutationP(s, 300, 7)).isEqualTo(SignalBootstrap.permutationP(s, 300, 7));
    }

    /**
     * With a known separation the 95 % percentile interval of the AUROC covers the true value
     * Φ(shift/√2) in roughly 95 % of datasets. 300 datasets of 120 questions, 400 resamples each;
     * loose bounds (percentile intervals under-cover a little at this size).
     */
    @Test
    void aurocIntervalsCoverTheTrueValueAtRoughlyTheNominalRate() {
        double shift = 0.8;
        double trueAuroc = normalCdf(shift / Math.sqrt(2));
        int covered = 0;
        int datasets = 300;
        for (int d = 0; d < datasets; d++) {
            SignalSample s = gaussianSample(120, shift, 1000 + d, false);
            double[][] boot = SignalBootstrap.resample(s, SignalDirection.LOW_IS_CONFIDENT, ThresholdOptions.defaults(),
                    400, d);
            if (PercentileInterval.of(boot[ResampleStatistic.AUROC], 0.95).contains(trueAuroc)) {
                covered++;
            }
        }
        double rate = (double) covered / datasets;
        assertThat(rate).isBetween(0.88, 0.99);
    }

    @Test
    void permutationPIsSmallForARealGapAndLargeForNone() {
        assertThat(SignalBootstrap.permutationP(gaussianSample(200, 1.5, 3, false), 999, 1)).isLessThan(0.01);
        int small = 0;
        for (int d = 0; d < 40; d++) {
            if (SignalBootstrap.permutationP(gaussianSample(60, 0, 50 + d, false), 199, d) < 0.05) {
                small++;
            }
        }
        assertThat(small).as("false positives at 5 % over 40 null datasets").isLessThanOrEqualTo(8);
    }

    @Test
    void rulesReportTauInTheSignalsOwnUnits() {
        SignalSample s = gaussianSample(100, 1, 2, false);
        double[][] low = SignalBootstrap.resample(s, SignalDirection.LOW_IS_CONFIDENT, ThresholdOptions.defaults(), 5, 1);
        double[][] high = SignalBootstrap.resample(s, SignalDirection.HIGH_IS_CONFIDENT, ThresholdOptions.defaults(), 5, 1);
        int tau = ResampleStatistic.tau(ThresholdMethod.ENTROPY_MEAN);
        assertThat(high[tau][0]).isEqualTo(-low[tau][0]);
    }

    private static double normalCdf(double x) {
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-x / Math.sqrt(2));
    }
}
