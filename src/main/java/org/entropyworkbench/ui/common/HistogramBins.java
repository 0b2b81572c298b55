package org.entropyworkbench.ui.common;

/**
 * Equal-width bins over a range shared by several samples, so two classes (or two runs) can be
 * drawn on the same bars. Plain Java, any thread. NaN values are skipped; values on the upper
 * edge fall into the last bin.
 *
 * @param lower    left edge of the first bin
 * @param width    bin width (> 0)
 * @param binCount number of bins
 */
public record HistogramBins(double lower, double width, int binCount) {

    public HistogramBins {
        if (!(width > 0) || binCount < 1) {
            throw new IllegalArgumentException("bins need a positive width and at least one bin");
        }
    }

    /**
     * Bins covering every finite value of {@code samples}, about {@code targetBins} of them, with
     * edges on multiples of a round width (0.01, 0.02, 0.05, 0.1, …) so tick labels stay readable.
     */
    public static HistogramBins covering(int targetBins, double[]... samples) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] s : samples) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new HistogramBins(0, 0.1, 10);
        }
        double span = Math.max(max - min, 1e-6);
        double width = niceWidth(span / Math.max(1, targetBins));
        double lower = Math.floor(min / width) * width;
        int count = Math.max(1, (int) Math.floor((max - lower) / width) + 1);
        return new HistogramBins(lower, width, count);
    }

    static double niceWidth(double raw) {
        double exp = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * exp >= raw) {
                return m * exp;
            }
        }
        return 10 * exp;
    }

    public double upper() { return lower + width * binCount; }

    /** Left edge of bin {@code i}. */
    public double start(int i) { return lower + i * width; }

    /** Index of the bin holding {@code v}, or -1 when it is outside (or NaN). */
    public int indexOf(double v) {
        if (!Double.isFinite(v) || v < lower) {
            return -1;
        }
        int i = (int) Math.floor((v - lower) / width);
        if (i == binCount && v <= upper() + width * 1e-9) {
            return binCount - 1;
        }
        return i < binCount ? i : -1;
    }

    /** Counts per bin. */
    public int[] counts(double[] values) {
        int[] c = new int[binCount];
        for (double v : values) {
            int i = indexOf(v);
            if (i >= 0) {
                c[i]++;
            }
        }
        return c;
    }

    /** Probability density per bin (counts / (n * width)), so samples of different sizes compare. */
    public double[] density(double[] values) {
        int[] c = counts(values);
        int n = 0;
        for (int x : c) {
            n += x;
        }
        double[] d = new double[binCount];
        if (n == 0) {
            return d;
        }
        for (int i = 0; i < binCount; i++) {
            d[i] = c[i] / (n * width);
        }
        return d;
    }
}
