package org.entropyworkbench.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** {@link StudentT} against commons-math3's {@code TDistribution}, which Separation used before (issue 12). */
class StudentTTest {

    private static double reference(double t, double df) {
        return Math.min(1.0, 2.0 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t)));
    }

    @Test
    void twoSidedPMatchesCommonsMathTo1e12OverWelchSizedDegreesOfFreedom() {
        // up to about 5,000: beyond, commons-math3's own log-gamma differences drift by 1e-12 (see the next test)
        double[] dfs = {0.5, 1, 1.7, 2, 3.3, 5, 9.9, 17.25, 30, 64.5, 130.7, 196, 400.2, 1000, 2999.5, 5000.5};
        int compared = 0;
        for (double df : dfs) {
            for (double t = 0; t <= 40; t += 0.0625) {
                double expected = reference(t, df);
                double actual = StudentT.twoSidedP(t, df);
                assertEquals(expected, actual, 1e-12, "t=" + t + " df=" + df);
                assertEquals(actual, StudentT.twoSidedP(-t, df), 0.0, "symmetric in t");
                if (expected > 1e-290) {
                    // small p-values (what a strong separation prints) agree in their leading digits too
                    assertEquals(1.0, actual / expected, 1e-8, "relative, t=" + t + " df=" + df);
                }
                compared++;
            }
        }
        assertTrue(compared > 10_000, "compared " + compared);
    }

    /** Values of I_x(df/2, 1/2) from mpmath's betainc at 40 digits, where commons-math3 is off by 2e-12. */
    @Test
    void largeDegreesOfFreedomMatchAFortyDigitReference() {
        assertEquals(0.95016528649881693657, StudentT.twoSidedP(0.0625, 20000), 1e-15);
        assertEquals(1.0, StudentT.twoSidedP(3.5, 20000) / 0.00046627062466106730629, 1e-12);
        assertEquals(0.045502963457506463249, StudentT.twoSidedP(2, 100000), 1e-12);
        assertEquals(1.0, StudentT.twoSidedP(6, 5000.5) / 2.1120819824347929455e-9, 1e-12);
        assertEquals(1.0, StudentT.twoSidedP(5.42, 196.3) / 1.7360178394679907041e-7, 1e-12);
    }

    @Test
    void edgeCasesAreDefined() {
        assertEquals(1.0, StudentT.twoSidedP(0, 7), 0.0);
        assertEquals(0.0, StudentT.twoSidedP(Double.POSITIVE_INFINITY, 7), 0.0);
        assertTrue(Double.isNaN(StudentT.twoSidedP(Double.NaN, 7)));
        assertTrue(Double.isNaN(StudentT.twoSidedP(1, 0)));
        assertTrue(Double.isNaN(StudentT.twoSidedP(1, Double.NaN)));
        // df = 1 is the Cauchy distribution: p = 1 - 2 atan(|t|) / pi
        assertEquals(1 - 2 * Math.atan(3) / Math.PI, StudentT.twoSidedP(3, 1), 1e-14);
    }
}
