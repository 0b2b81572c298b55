package org.entropyworkbench.core.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdCalculatorTest {

    private static final double[] CORRECT = {0.62, 0.71, 0.78, 0.80, 0.83, 0.90};
    private static final double[] INCORRECT = {0.95, 1.02, 1.10, 1.21};
    private static final double FOUR_DECIMALS = 5e-5;

    private final ThresholdCalculator calculator = new ThresholdCalculator();

    private ThresholdSet compute(double[] c, double[] i, BayesPriors priors) {
        return calculator.compute(c, i, new ThresholdOptions(priors));
    }

    @Test
    void methodSpecVectorWithEmpiricalPriors() {
        ThresholdSet set = compute(CORRECT, INCORRECT, BayesPriors.EMPIRICAL);
        assertThat(set.tau(ThresholdMethod.ENTROPY_MEAN)).isCloseTo(0.77333, within(FOUR_DECIMALS));
        assertThat(set.tau(ThresholdMethod.INFORMATION_THEORETIC)).isCloseTo(0.90551, within(FOUR_DECIMALS));
        assertThat(set.tau(ThresholdMethod.SCALE_INVARIANT_UNIVERSAL)).isCloseTo(0.93646, within(FOUR_DECIMALS));
        assertThat(set.tau(ThresholdMethod.BAYES_OPTIMAL)).isCloseTo(0.93131, within(FOUR_DECIMALS));
        BayesDetails b = set.result(ThresholdMethod.BAYES_OPTIMAL).bayes();
        assertThat(b.priorCorrect()).isCloseTo(0.6, within(1e-12));
        assertThat(b.priorIncorrect()).isCloseTo(0.4, within(1e-12));
        assertThat(b.a()).isCloseTo(24.9754, within(FOUR_DECIMALS));
        assertThat(b.b()).isCloseTo(8.96491, within(FOUR_DECIMALS));
        assertThat(b.c()).isCloseTo(-30.0110, within(FOUR_DECIMALS));
        assertThat(b.root1()).isCloseTo(0.93131, within(FOUR_DECIMALS));
        assertThat(b.root2()).isCloseTo(-1.29025, within(FOUR_DECIMALS));
        assertThat(b.linear()).isFalse();
        assertThat(b.fallback()).isFalse();
        assertThat(set.separation().cohensD()).isCloseTo(2.8792, within(FOUR_DECIMALS));
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertThat(set.available(m)).as(m.id()).isTrue();
            assertThat(set.result(m).note()).as(m.id()).isNull();
        }
    }

    @Test
    void methodSpecVectorWithEqualPriors() {
        ThresholdSet set = compute(CORRECT, INCORRECT, BayesPriors.EQUAL);
        assertThat(set.tau(ThresholdMethod.BAYES_OPTIMAL)).isCloseTo(0.91659, within(FOUR_DECIMALS));
        BayesDetails b = set.result(ThresholdMethod.BAYES_OPTIMAL).bayes();
        assertThat(b.priorCorrect()).isEqualTo(0.5);
        assertThat(b.a()).isCloseTo(24.9754, within(FOUR_DECIMALS));
        assertThat(b.b()).isCloseTo(8.96491, within(FOUR_DECIMALS));
        // c loses the prior term 2 ln(0.6/0.4) compared with empirical priors
        assertThat(b.c()).isCloseTo(-30.0110 + 2 * Math.log(1.5), within(FOUR_DECIMALS));
        assertThat(set.tau(ThresholdMethod.ENTROPY_MEAN)).isCloseTo(0.77333, within(FOUR_DECIMALS));
    }

    @Test
    void bayesRootSatisfiesTheQuadratic() {
        BayesDetails b = compute(CORRECT, INCORRECT, BayesPriors.EMPIRICAL).result(ThresholdMethod.BAYES_OPTIMAL).bayes();
        for (double x : new double[] {b.root1(), b.root2()}) {
            assertThat(b.a() * x * x + b.b() * x + b.c()).isCloseTo(0.0, within(1e-9));
        }
    }

    @Test
    void bayesRootEqualisesWeightedDensities() {
        ThresholdSet set = compute(CORRECT, INCORRECT, BayesPriors.EMPIRICAL);
        double x = set.tau(ThresholdMethod.BAYES_OPTIMAL);
        var c = set.separation().correct();
        var i = set.separation().incorrect();
        double left = 0.6 * normal(x, c.mean(), c.sd());
        double right = 0.4 * normal(x, i.mean(), i.sd());
        assertThat(left).isCloseTo(right, within(1e-9));
    }

    private static double normal(double x, double mu, double sd) {
        double z = (x - mu) / sd;
        return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
    }

    @Test
    void fewerThanTwoIncorrectLeavesOnlyTheMean() {
        ThresholdSet set = compute(CORRECT, new double[] {1.1}, BayesPriors.EMPIRICAL);
        assertThat(set.tau(ThresholdMethod.ENTROPY_MEAN)).isCloseTo(0.77333, within(FOUR_DECIMALS));
        for (ThresholdMethod m : new ThresholdMethod[] {ThresholdMethod.INFORMATION_THEORETIC,
                ThresholdMethod.BAYES_OPTIMAL, ThresholdMethod.SCALE_INVARIANT_UNIVERSAL}) {
            assertThat(set.available(m)).as(m.id()).isFalse();
            assertThat(set.tau(m)).as(m.id()).isNaN();
            assertThat(set.result(m).note()).as(m.id()).contains("at least 2 correct and 2 incorrect").contains("1 incorrect");
        }
    }

    @Test
    void noIncorrectExampleLeavesOnlyTheMean() {
        ThresholdSet set = compute(CORRECT, new double[0], BayesPriors.EMPIRICAL);
        assertThat(set.available(ThresholdMethod.ENTROPY_MEAN)).isTrue();
        assertThat(set.available(ThresholdMethod.BAYES_OPTIMAL)).isFalse();
        assertThat(set.result(ThresholdMethod.BAYES_OPTIMAL).note()).contains("0 incorrect");
    }

    @Test
    void oneCorrectExampleStillGivesTheMean() {
        ThresholdSet set = compute(new double[] {0.6}, INCORRECT, BayesPriors.EMPIRICAL);
        assertThat(set.tau(ThresholdMethod.ENTROPY_MEAN)).isEqualTo(0.6);
        assertThat(set.available(ThresholdMethod.INFORMATION_THEORETIC)).isFalse();
    }

    @Test
    void emptyClassesDisableEveryRule() {
        ThresholdSet set = compute(new double[0], new double[0], BayesPriors.EMPIRICAL);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertThat(set.available(m)).as(m.id()).isFalse();
            assertThat(set.result(m).note()).as(m.id()).isNotBlank();
        }
        assertThat(set.result(ThresholdMethod.ENTROPY_MEAN).note()).contains("no correct calibration example");
    }

    @Test
    void universalCollapsesToMeanWhenSigmaReachesMu() {
        double[] noisy = {0.01, 0.05, 1.6};
        ThresholdSet set = compute(noisy, INCORRECT, BayesPriors.EMPIRICAL);
        var c = set.separation().correct();
        assertThat(c.sd()).isGreaterThanOrEqualTo(c.mean());
        assertThat(set.tau(ThresholdMethod.SCALE_INVARIANT_UNIVERSAL)).isEqualTo(c.mean());
        assertThat(set.result(ThresholdMethod.SCALE_INVARIANT_UNIVERSAL).note()).contains("σ_c ≥ μ_c");
    }

    @Test
    void universalInterpolatesByTheRootOfD() {
        ThresholdSet set = compute(CORRECT, INCORRECT, BayesPriors.EMPIRICAL);
        var c = set.separation().correct();
        var i = set.separation().incorrect();
        double rd = Math.sqrt(set.separation().cohensD());
        double expected = c.mean() + rd / (1 + rd) * (i.mean() - c.mean()) * (1 - c.sd() / c.mean());
        assertThat(set.tau(ThresholdMethod.SCALE_INVARIANT_UNIVERSAL)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void reversedClassesGoBelowTheMeanAndWarn() {
        ThresholdSet set = compute(INCORRECT, CORRECT, BayesPriors.EMPIRICAL);
        double muC = set.separation().correct().mean();
        assertThat(set.separation().cohensD()).isNegative();
        assertThat(set.tau(ThresholdMethod.SCALE_INVARIANT_UNIVERSAL)).isLessThan(muC);
        assertThat(set.result(ThresholdMethod.SCALE_INVARIANT_UNIVERSAL).note()).contains("μ_i < μ_c");
        // information-theoretic uses |d|, so it still lies above μ_c, and it warns about the sign
        assertThat(set.tau(ThresholdMethod.INFORMATION_THEORETIC)).isGreaterThan(muC);
        assertThat(set.result(ThresholdMethod.INFORMATION_THEORETIC).note()).contains("d < 0");
        assertThat(set.tau(ThresholdMethod.INFORMATION_THEORETIC)).isCloseTo(
                muC + set.separation().correct().sd() * Math.log(1 + 2.879218743967686), within(1e-9));
    }

    @Test
    void bayesNegativeDiscriminantFallsBackToMean() {
        double[] incorrect = new double[41];
        for (int k = 0; k < incorrect.length; k++) {
            incorrect[k] = 0.5 + k * 0.025;
        }
        ThresholdResult r = compute(new double[] {0.78, 0.82}, incorrect, BayesPriors.EMPIRICAL)
                .result(ThresholdMethod.BAYES_OPTIMAL);
        BayesDetails b = r.bayes();
        assertThat(b.b() * b.b() - 4 * b.a() * b.c()).isNegative();
        assertThat(r.available()).isTrue();
        assertThat(r.tau()).isCloseTo(0.8, within(1e-12));
        assertThat(b.fallback()).isTrue();
        assertThat(b.root1()).isNaN();
        assertThat(r.note()).startsWith("fell back to the entropy mean").contains("no real root");
    }

    @Test
    void bayesWithoutRootBetweenMeansFallsBack() {
        ThresholdResult r = compute(new double[] {0.1, 1.7}, new double[] {0.95, 1.05}, BayesPriors.EQUAL)
                .result(ThresholdMethod.BAYES_OPTIMAL);
        BayesDetails b = r.bayes();
        assertThat(b.root1()).isNotNaN();
        assertThat(b.root2()).isNotNaN();
        assertThat(b.root1() < 0.9 || b.root1() > 1.0).isTrue();
        assertThat(b.root2() < 0.9 || b.root2() > 1.0).isTrue();
        assertThat(b.fallback()).isTrue();
        assertThat(r.tau()).isCloseTo(0.9, within(1e-12));
        assertThat(r.note()).contains("no root between μ_c and μ_i");
    }

    /** The bootstrap's calculator: the same τ and details, a note without the roots' numbers. */
    @Test
    void theResamplingCalculatorGivesTheSameThresholdsWithNotesWithoutNumbers() {
        double[] correct = {0.1, 1.7};
        double[] incorrect = {0.95, 1.05};
        ThresholdSet plain = new ThresholdCalculator().compute(correct, incorrect, ThresholdOptions.defaults());
        ThresholdSet quick = ThresholdCalculator.forResampling().compute(correct, incorrect, ThresholdOptions.defaults());
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertThat(quick.tau(m)).isEqualTo(plain.tau(m));
        }
        ThresholdResult bayes = plain.result(ThresholdMethod.BAYES_OPTIMAL);
        assertThat(bayes.note()).matches(".*no root between μ_c and μ_i \\(roots -?[0-9.e+-]+ and -?[0-9.e+-]+\\)");
        assertThat(quick.result(ThresholdMethod.BAYES_OPTIMAL).note())
                .isEqualTo("fell back to the entropy mean: no root between μ_c and μ_i");
        assertThat(quick.result(ThresholdMethod.BAYES_OPTIMAL).bayes()).isEqualTo(bayes.bayes());
    }

    @Test
    void bayesEqualVariancesUsesLinearSolution() {
        ThresholdResult r = compute(new double[] {0.5, 0.7}, new double[] {0.9, 1.1}, BayesPriors.EQUAL)
                .result(ThresholdMethod.BAYES_OPTIMAL);
        assertThat(r.bayes().linear()).isTrue();
        assertThat(Math.abs(r.bayes().a())).isLessThan(ThresholdCalculator.LINEAR_EPSILON);
        assertThat(r.bayes().root2()).isNaN();
        assertThat(r.tau()).isCloseTo(0.8, within(1e-9));
        assertThat(r.note()).contains("linear");
    }

    @Test
    void bayesLinearSolutionMatchesClosedFormWithUnequalPriors() {
        double x = Math.sqrt(0.02);
        double[] c = {0.5, 0.7};
        double[] i = {1.0 - x, 1.0, 1.0 + x};
        ThresholdResult r = compute(c, i, BayesPriors.EMPIRICAL).result(ThresholdMethod.BAYES_OPTIMAL);
        assertThat(r.bayes().linear()).isTrue();
        double expected = (0.6 + 1.0) / 2 + 0.02 * Math.log((2.0 / 5) / (3.0 / 5)) / (1.0 - 0.6);
        assertThat(r.tau()).isCloseTo(expected, within(1e-9));
        assertThat(r.tau()).isLessThan(0.8);
    }

    @Test
    void zeroVarianceClassMakesBayesFallBackButKeepsOthers() {
        ThresholdSet set = compute(new double[] {0.7, 0.7, 0.7}, INCORRECT, BayesPriors.EMPIRICAL);
        ThresholdResult bayes = set.result(ThresholdMethod.BAYES_OPTIMAL);
        assertThat(bayes.tau()).isCloseTo(0.7, within(1e-12));
        assertThat(bayes.bayes().fallback()).isTrue();
        assertThat(bayes.note()).contains("zero variance");
        assertThat(set.tau(ThresholdMethod.INFORMATION_THEORETIC)).isCloseTo(0.7, within(1e-12));
        assertThat(set.available(ThresholdMethod.SCALE_INVARIANT_UNIVERSAL)).isTrue();
    }

    @Test
    void zeroVarianceInBothClassesDisablesDBasedRules() {
        ThresholdSet set = compute(new double[] {0.7, 0.7}, new double[] {1.0, 1.0}, BayesPriors.EMPIRICAL);
        assertThat(set.tau(ThresholdMethod.ENTROPY_MEAN)).isCloseTo(0.7, within(1e-12));
        assertThat(set.available(ThresholdMethod.INFORMATION_THEORETIC)).isFalse();
        assertThat(set.result(ThresholdMethod.INFORMATION_THEORETIC).note()).contains("zero variance");
        assertThat(set.available(ThresholdMethod.SCALE_INVARIANT_UNIVERSAL)).isFalse();
        assertThat(set.result(ThresholdMethod.BAYES_OPTIMAL).bayes().fallback()).isTrue();
    }

    @Test
    void informationTheoreticIsNeverBelowTheMean() {
        java.util.Random r = new java.util.Random(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] c = r.doubles(2 + r.nextInt(10), 0.2, 1.5).toArray();
            double[] i = r.doubles(2 + r.nextInt(10), 0.2, 1.5).toArray();
            ThresholdSet set = compute(c, i, BayesPriors.EMPIRICAL);
            assertThat(set.tau(ThresholdMethod.INFORMATION_THEORETIC))
                    .isGreaterThanOrEqualTo(set.tau(ThresholdMethod.ENTROPY_MEAN));
            ThresholdResult bayes = set.result(ThresholdMethod.BAYES_OPTIMAL);
            if (!bayes.bayes().fallback()) {
                double lo = Math.min(set.separation().correct().mean(), set.separation().incorrect().mean());
                double hi = Math.max(set.separation().correct().mean(), set.separation().incorrect().mean());
                assertThat(bayes.tau()).isBetween(lo, hi);
            }
        }
    }

    @Test
    void methodsAndPriorsParseFromIds() {
        assertThat(BayesPriors.fromId("equal")).isEqualTo(BayesPriors.EQUAL);
        assertThat(BayesPriors.fromId("EMPIRICAL")).isEqualTo(BayesPriors.EMPIRICAL);
        assertThatThrownBy(() -> BayesPriors.fromId("flat")).hasMessageContaining("flat");
    }

    @Test
    void resultRejectsInconsistentState() {
        assertThatThrownBy(() -> new ThresholdResult(ThresholdMethod.ENTROPY_MEAN, Double.NaN, true, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdResult(ThresholdMethod.ENTROPY_MEAN, Double.NaN, false, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
