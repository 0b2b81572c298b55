package org.entropyworkbench.core.run;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns short plain-ASCII byte runs (token texts, field names) into Strings, handing back the same
 * String for the same bytes while it stays cached. A run file repeats a few thousand token texts
 * millions of times (20 alternatives per position), so this saves most String allocations and
 * decodes, and the shared Strings' hash codes (used to merge duplicate alternatives) are computed once.
 *
 * <p>An open-addressing table (linear probing) that is emptied when it holds {@value #MAX_ENTRIES}
 * texts, so memory stays bounded (texts of at most {@value #MAX_CACHED_BYTES} bytes) while a run's
 * working vocabulary stays cached. Callers must only pass bytes that are plain ASCII (no escapes,
 * no control characters).
 *
 * <p>Not thread-safe: one instance per reading thread.
 */
final class TokenTextCache {

    static final int MAX_CACHED_BYTES = 32;
    static final int MAX_ENTRIES = 8192;
    private static final int SLOT_BITS = 14;
    private static final int SLOTS = 1 << SLOT_BITS;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    private int size;
    /** A second table for texts of at most 15 bytes, keyed by their bytes packed into two longs. */
    private final long[] packedLow = new long[SLOTS];
    private final long[] packedHigh = new long[SLOTS];
    private final String[] packedValues = new String[SLOTS];
    private int packedSize;

    /** The text of {@code length} ASCII bytes of {@code b} from {@code start}. */
    String text(byte[] b, int start, int length) {
        int h = 0;
        for (int i = start; i < start + length; i++) {
            h = 31 * h + b[i];
        }
        return text(b, start, length, h);
    }

    /**
     * As {@link #text(byte[], int, int)} with the bytes' hash ({@code h = 31 * h + byte}, which is
     * also the String's hash code) already computed by the caller while it scanned them.
     */
    String text(byte[] b, int start, int length, int h) {
        if (length > MAX_CACHED_BYTES) {
            return new String(b, start, length, StandardCharsets.ISO_8859_1);
        }
        int slot = (h * 0x9E3779B9) >>> (32 - SLOT_BITS);
        while (true) {
            byte[] key = keys[slot];
            if (key == null) {
                break;
            }
            if (key.length == length && sameBytes(key, b, start)) {
                return values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        String s = new String(b, start, length, StandardCharsets.ISO_8859_1);
        if (size == MAX_ENTRIES) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
            return s;
        }
        keys[slot] = Arrays.copyOfRange(b, start, start + length);
        values[slot] = s;
        size++;
        return s;
    }

    /**
     * The text of {@code length} (0 to 15) plain ASCII bytes of {@code b} from {@code start}, which the
     * caller also passes packed little-endian into {@code low} (bytes 0-7) and {@code high} (bytes
     * 8-14), zero beyond the text. Plain ASCII has no zero byte, so the two longs alone identify the
     * text and a lookup is one hash and two comparisons.
     */
    String packedText(byte[] b, int start, int length, long low, long high) {
        long mixed = (low ^ (high * 0xC2B2AE3D27D4EB4FL)) * 0x9E3779B97F4A7C15L;
        int slot = (int) (mixed >>> (64 - SLOT_BITS));
        while (true) {
            String value = packedValues[slot];
            if (value == null) {
                break;
            }
            if (packedLow[slot] == low && packedHigh[slot] == high) {
                return value;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        String s = new String(b, start, length, StandardCharsets.ISO_8859_1);
        if (packedSize == MAX_ENTRIES) {
            Arrays.fill(packedValues, null);
            packedSize = 0;
            return s;
        }
        packedLow[slot] = low;
        packedHigh[slot] = high;
        packedValues[slot] = s;
        packedSize++;
        return s;
    }

    /** Byte comparison of a short key; a plain loop beats the vectorised mismatch for a few bytes. */
    private static boolean sameBytes(byte[] key, byte[] b, int start) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != b[start + i]) {
                return false;
            }
        }
        return true;
    }
}
