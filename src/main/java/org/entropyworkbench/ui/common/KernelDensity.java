package org.entropyworkbench.ui.common;

import java.util.Arrays;

/**
 * Gaussian kernel density estimate on a grid, for smooth overlaid distributions (Compare
 * screen). Bandwidth by Silverman's rule of thumb, 0.9·min(sd, IQR/1.34)·n^(-1/5), with a small
 * floor so a sample of identical values still draws. Plain Java, any thread; NaN skipped.
 */
public final class KernelDensity {

    private KernelDensity() {
    }

    /** Silverman bandwidth of the finite values, NaN when fewer than 2. */
    public static double bandwidth(double[] values) {
        double[] v = finiteSorted(values);
        int n = v.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double iqr = quantile(v, 0.75) - quantile(v, 0.25);
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
        return Math.max(0.9 * spread * Math.pow(n, -0.2), 1e-3);
    }

    /**
     * Density at each grid point (integrates to about 1 over a grid covering the data). All zeros
     * when there are fewer than 2 finite values.
     */
    public static double[] density(double[] values, double[] grid) {
        double[] v = finiteSorted(values);
        double[] out = new double[grid.length];
        double h = bandwidth(v);
        if (Double.isNaN(h)) {
            return out;
        }
        double norm = 1.0 / (v.length * h * Math.sqrt(2 * Math.PI));
        for (int g = 0; g < grid.length; g++) {
            double sum = 0;
            for (double x : v) {
                double z = (grid[g] - x) / h;
                if (Math.abs(z) < 6) {
                    sum += Math.exp(-0.5 * z * z);
                }
            }
            out[g] = sum * norm;
        }
        return out;
    }

    /** {@code points} evenly spaced values from {@code lo} to {@code hi} inclusive. */
    public static double[] grid(double lo, double hi, int points) {
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = lo + (hi - lo) * i / (points - 1);
        }
        return g;
    }

    private static double[] finiteSorted(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
