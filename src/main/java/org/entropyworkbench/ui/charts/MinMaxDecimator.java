package org.entropyworkbench.ui.charts;

/**
 * Reduces a long series to at most two points per pixel column (the column's minimum and maximum,
 * in the order they occur) so a plot of 32,768 tokens draws as fast as one of 1,000 while every
 * spike stays visible. Plain Java, no FX: safe on any thread.
 *
 * <p>The x of value {@code i} is {@code i} itself (token position). NaN values (positions without
 * logprobs) are skipped.
 */
public final class MinMaxDecimator {

    private MinMaxDecimator() {
    }

    /**
     * A polyline: the first {@code size} entries of {@code xs}/{@code ys} are valid.
     *
     * @param xs   token positions
     * @param ys   values
     * @param size number of points
     */
    public record Polyline(double[] xs, double[] ys, int size) {
        public static final Polyline EMPTY = new Polyline(new double[0], new double[0], 0);
    }

    /**
     * Decimates {@code values[from, to)} into {@code columns} equal-width columns of positions.
     * When the range has no more than {@code 2 * columns} values every non-NaN value is kept.
     *
     * @param values  the series
     * @param from    first index (inclusive)
     * @param to      last index (exclusive)
     * @param columns pixel columns the range covers; at least 1
     * @return at most {@code 2 * columns} points in increasing x order
     */
    public static Polyline decimate(double[] values, int from, int to, int columns) {
        if (from < 0 || to > values.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside series of length " + values.length);
        }
        int n = to - from;
        if (n == 0) {
            return Polyline.EMPTY;
        }
        int cols = Math.max(1, columns);
        if (n <= 2 * cols) {
            return copyAll(values, from, to);
        }
        double[] xs = new double[2 * cols];
        double[] ys = new double[2 * cols];
        int size = 0;
        int start = from;
        for (int c = 0; c < cols; c++) {
            int end = from + (int) ((long) n * (c + 1) / cols);
            int minAt = -1;
            int maxAt = -1;
            for (int i = start; i < end; i++) {
                double v = values[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (minAt < 0 || v < values[minAt]) {
                    minAt = i;
                }
                if (maxAt < 0 || v > values[maxAt]) {
                    maxAt = i;
                }
            }
            start = end;
            if (minAt < 0) {
                continue;
            }
            int first = Math.min(minAt, maxAt);
            int second = Math.max(minAt, maxAt);
            xs[size] = first;
            ys[size] = values[first];
            size++;
            if (second != first) {
                xs[size] = second;
                ys[size] = values[second];
                size++;
            }
        }
        return new Polyline(xs, ys, size);
    }

    private static Polyline copyAll(double[] values, int from, int to) {
        double[] xs = new double[to - from];
        double[] ys = new double[to - from];
        int size = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                xs[size] = i;
                ys[size] = values[i];
                size++;
            }
        }
        return new Polyline(xs, ys, size);
    }
}
