package org.entropyworkbench.ui.charts;

import java.util.Arrays;

/**
 * One step's per-token entropies as a growable array, with running sums so its trailing moving
 * average costs O(1) per point. Not thread-safe: owned by the FX thread once it is in a plot.
 */
public final class EntropySeries {

    private final String key;
    private final String label;
    private final int step;
    private double[] values;
    private double[] prefixSum;
    private int[] prefixCount;
    private int size;

    /**
     * @param key   unique id of the stream, e.g. "q17/2"
     * @param label legend text, e.g. "q17 step 2"
     * @param step  1-based protocol step (chooses the colour)
     */
    public EntropySeries(String key, String label, int step) {
        this.key = key;
        this.label = label;
        this.step = step;
        this.values = new double[256];
        this.prefixSum = new double[257];
        this.prefixCount = new int[257];
    }

    /** A series holding a copy of {@code entropies}. */
    public static EntropySeries of(String key, String label, int step, double[] entropies) {
        EntropySeries s = new EntropySeries(key, label, step);
        s.append(entropies, 0, entropies.length);
        return s;
    }

    public String key() { return key; }

    public String label() { return label; }

    public int step() { return step; }

    public int size() { return size; }

    /** The backing array; only the first {@link #size()} entries are valid. Do not modify. */
    public double[] values() { return values; }

    /** Appends {@code count} values from {@code source[offset...]}. */
    public void append(double[] source, int offset, int count) {
        ensureCapacity(size + count);
        for (int i = 0; i < count; i++) {
            double v = source[offset + i];
            values[size] = v;
            boolean usable = !Double.isNaN(v);
            prefixSum[size + 1] = prefixSum[size] + (usable ? v : 0);
            prefixCount[size + 1] = prefixCount[size] + (usable ? 1 : 0);
            size++;
        }
    }

    /** Forgets every value (the step restarted from its first token). */
    public void clear() {
        size = 0;
    }

    /** Mean of the usable values, NaN when none. */
    public double mean() {
        return prefixCount[size] == 0 ? Double.NaN : prefixSum[size] / prefixCount[size];
    }

    /**
     * Trailing moving average over {@code window} positions: entry i is the mean of the usable values
     * in {@code (i - window, i]}, NaN when none.
     */
    public double[] movingAverage(int window) {
        int w = Math.max(1, window);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            int lo = Math.max(0, i + 1 - w);
            int count = prefixCount[i + 1] - prefixCount[lo];
            out[i] = count == 0 ? Double.NaN : (prefixSum[i + 1] - prefixSum[lo]) / count;
        }
        return out;
    }

    private void ensureCapacity(int needed) {
        if (needed <= values.length) {
            return;
        }
        int capacity = Math.max(needed, values.length * 2);
        values = Arrays.copyOf(values, capacity);
        prefixSum = Arrays.copyOf(prefixSum, capacity + 1);
        prefixCount = Arrays.copyOf(prefixCount, capacity + 1);
    }
}
