package org.entropyworkbench.core.stats;

/**
 * Size, mean and sample standard deviation of one class of step-1 entropies (correct or incorrect).
 *
 * <p>Non-finite values (NaN, infinities: a step without usable logprobs) are skipped, so {@code n}
 * counts only the finite values used. {@code mean} is NaN when n = 0; {@code sd} uses n - 1 and is
 * NaN when n &lt; 2 (method.md section 12, item 12). Immutable, any thread.
 *
 * @param n    number of finite values
 * @param mean arithmetic mean, NaN when n = 0
 * @param sd   sample standard deviation (divisor n - 1), NaN when n &lt; 2
 */
public record ClassStatistics(int n, double mean, double sd) {

    /** Statistics of the finite values of {@code values} (two-pass, numerically stable). */
    public static ClassStatistics of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new ClassStatistics(0, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n < 2) {
            return new ClassStatistics(n, mean, Double.NaN);
        }
        double squares = 0;
        double residual = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                double dv = v - mean;
                squares += dv * dv;
                residual += dv;
            }
        }
        double variance = (squares - residual * residual / n) / (n - 1);
        return new ClassStatistics(n, mean, Math.sqrt(Math.max(0.0, variance)));
    }

    /** Sample variance sd², NaN when n &lt; 2. */
    public double variance() {
        return sd * sd;
    }

    /** Whether the standard deviation is defined (n &gt;= 2). */
    public boolean hasSd() {
        return n >= 2;
    }
}
