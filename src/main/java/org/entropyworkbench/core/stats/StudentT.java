package org.entropyworkbench.core.stats;

/**
 * Two-sided p-values of Student's t distribution with real-valued degrees of freedom (Welch's test),
 * from the regularized incomplete beta function: P(|T| >= |t|) = I_x(df/2, 1/2) with x = df / (df + t²).
 *
 * <p>Why not commons-math3's {@code TDistribution}: its first use loads 34 pre-Java-6 classes and runs
 * {@code FastMath}'s table initialisation, about 20 ms of CPU in every {@code ew analyze} and window start
 * for one number (issue 12, docs/performance.md). This uses only {@link Math}; {@code StudentTTest}
 * checks it against commons-math3 to 1e-12. Stateless, any thread.
 */
public final class StudentT {

    private static final double EPSILON = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;

    /** Lanczos approximation, g = 607/128, the coefficients commons-math3 and Boost use. */
    private static final double LANCZOS_G = 607.0 / 128.0;
    private static final double[] LANCZOS = {
        0.99999999999999709182,
        57.156235665862923517,
        -59.597960355475491248,
        14.136097974741747174,
        -0.49191381609762019978,
        .33994649984811888699e-4,
        .46523628927048575665e-4,
        -.98374475304879564677e-4,
        .15808870322491248884e-3,
        -.21026444172410488319e-3,
        .21743961811521264320e-3,
        -.16431810653676389022e-3,
        .84418223983852743293e-4,
        -.26190838401581408670e-4,
        .36899182659531622704e-5,
    };
    private static final double HALF_LOG_2_PI = 0.5 * Math.log(2.0 * Math.PI);

    private StudentT() {
    }

    /**
     * Two-sided p-value of {@code t} under Student's t with {@code df} degrees of freedom: 1 at t = 0,
     * towards 0 as |t| grows. NaN when t or df is NaN or df is not positive.
     */
    public static double twoSidedP(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df) || df <= 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        if (t == 0) {
            return 1.0;
        }
        double t2 = t * t;
        // x and 1 - x computed separately so neither loses digits to cancellation
        double x = df / (df + t2);
        double oneMinusX = t2 / (df + t2);
        // their logarithms from log1p: a * ln x with a = df/2 in the thousands must not amplify x's rounding
        double logX = -Math.log1p(t2 / df);
        double logOneMinusX = -Math.log1p(df / t2);
        return Math.min(1.0, regularizedBeta(x, oneMinusX, logX, logOneMinusX, df / 2.0, 0.5));
    }

    /** I_x(a, b) by its continued fraction, on the side of the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) that converges fast. */
    static double regularizedBeta(double x, double oneMinusX, double logX, double logOneMinusX, double a, double b) {
        if (x <= 0) {
            return 0.0;
        }
        if (oneMinusX <= 0) {
            return 1.0;
        }
        if (x > (a + 1.0) / (a + b + 2.0)) {
            return 1.0 - regularizedBeta(oneMinusX, x, logOneMinusX, logX, b, a);
        }
        double logFront = a * logX + b * logOneMinusX - Math.log(a) - logBeta(a, b);
        return Math.exp(logFront) * continuedFraction(x, a, b);
    }

    /** The continued fraction of I_x(a, b) (modified Lentz's method). */
    private static double continuedFraction(double x, double a, double b) {
        double c = 1.0;
        double d = 1.0 - (a + b) * x / (a + 1.0);
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
            d = 1.0 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1.0 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
            d = 1.0 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1.0 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1.0) < EPSILON) {
                return h;
            }
        }
        return h;
    }

    /**
     * ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b). When the larger argument is 20 or more the difference
     * ln Γ(big) - ln Γ(big + small) is taken from Stirling's series term by term, not as the difference of
     * two large logarithms (at df = 20,000 that lost 2e-12 of the p-value).
     */
    static double logBeta(double a, double b) {
        double small = Math.min(a, b);
        double big = Math.max(a, b);
        if (big < 20) {
            return logGamma(a) + logGamma(b) - logGamma(a + b);
        }
        double sum = big + small;
        double difference = -(big - 0.5) * Math.log1p(small / big) - small * Math.log(sum) + small
                + stirlingCorrection(big) - stirlingCorrection(sum);
        return logGamma(small) + difference;
    }

    /** ln Γ(x) - ((x - 1/2) ln x - x + ln(2π)/2) for x >= 20, from Stirling's series (error below 1e-17). */
    private static double stirlingCorrection(double x) {
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        return inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
    }

    /** ln Γ(x) for x > 0 (Lanczos); Γ(x) = Γ(x+1)/x below 0.5 keeps the approximation in its accurate range. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return logGamma(x + 1.0) - Math.log(x);
        }
        double sum = 0.0;
        for (int i = LANCZOS.length - 1; i > 0; i--) {
            sum += LANCZOS[i] / (x + i);
        }
        sum += LANCZOS[0];
        double tmp = x + LANCZOS_G + 0.5;
        return (x + 0.5) * Math.log(tmp) - tmp + HALF_LOG_2_PI + Math.log(sum / x);
    }
}
