package org.entropyworkbench.core.run;

/**
 * Formats doubles with a fixed number of decimals into a char buffer without allocating, trailing
 * zeros dropped ({@code 0.5}, {@code 1.2346}, {@code 0}). Run files hold millions of entropies, so
 * {@code String.format} would dominate writing time. Not thread-safe: one instance per writer.
 */
final class FixedDecimals {

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L};
    private static final double LARGEST_FIXED = 1e12;

    final char[] buffer = new char[40];

    /**
     * Writes {@code value} rounded to {@code decimals} (0..7) into {@link #buffer}.
     *
     * @return the number of chars written; callers must handle NaN/infinite values before calling
     */
    int format(double value, int decimals) {
        if (Math.abs(value) >= LARGEST_FIXED) {
            String s = Double.toString(value);
            s.getChars(0, s.length(), buffer, 0);
            return s.length();
        }
        long scale = POW10[decimals];
        long scaled = Math.round(Math.abs(value) * scale);
        int pos = 0;
        if (value < 0 && scaled != 0) {
            buffer[pos++] = '-';
        }
        long whole = scaled / scale;
        long frac = scaled % scale;
        pos = writeLong(whole, pos);
        if (frac != 0) {
            int digits = decimals;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            buffer[pos++] = '.';
            for (int i = digits - 1; i >= 0; i--) {
                buffer[pos + i] = (char) ('0' + frac % 10);
                frac /= 10;
            }
            pos += digits;
        }
        return pos;
    }

    private int writeLong(long v, int pos) {
        if (v == 0) {
            buffer[pos] = '0';
            return pos + 1;
        }
        int start = pos;
        while (v > 0) {
            buffer[pos++] = (char) ('0' + v % 10);
            v /= 10;
        }
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            char c = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = c;
        }
        return pos;
    }
}
