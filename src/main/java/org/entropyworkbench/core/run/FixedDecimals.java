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

    /**
     * As {@link #format(double, int)} but writes ASCII bytes into {@code out} from {@code pos}
     * (which must have 40 bytes of room), for writers that build lines as bytes.
     *
     * @return the position after the last byte written
     */
    int formatTo(double value, int decimals, byte[] out, int pos) {
        if (Math.abs(value) >= LARGEST_FIXED) {
            int n = format(value, decimals);
            for (int i = 0; i < n; i++) {
                out[pos + i] = (byte) buffer[i];
            }
            return pos + n;
        }
        long scale = POW10[decimals];
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            out[pos++] = '-';
        }
        long whole = scaled / scale;
        long frac = scaled - whole * scale;
        pos = whole < 10 ? putDigit(whole, out, pos) : writeLongTo(whole, out, pos);
        if (frac == 0) {
            return pos;
        }
        out[pos] = '.';
        int last = pos + decimals;
        for (int i = last; i > pos; i--) {
            long q = frac / 10;
            out[i] = (byte) ('0' + (frac - q * 10));
            frac = q;
        }
        while (out[last] == '0') {
            last--;
        }
        return last + 1;
    }

    private static int putDigit(long digit, byte[] out, int pos) {
        out[pos] = (byte) ('0' + digit);
        return pos + 1;
    }

    /** Writes the decimal digits of {@code v} (0 or more) as ASCII bytes; returns the position after them. */
    static int writeLongTo(long v, byte[] out, int pos) {
        if (v == 0) {
            out[pos] = '0';
            return pos + 1;
        }
        int digits = 1;
        for (long t = v / 10; t > 0; t /= 10) {
            digits++;
        }
        for (int i = pos + digits - 1; i >= pos; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return pos + digits;
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
