package org.entropyworkbench.core.run;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link StepRecord} as one run-file line straight into a reusable byte buffer: the same
 * bytes Jackson's generator wrote for {@link StepLineCodec} (compact, fields in the same order,
 * strings escaped as Jackson 2.18 escapes them: {@code \"}, {@code \\}, {@code \b \t \n \f \r},
 * other control characters and every UTF-16 surrogate as {@code \}{@code uXXXX} in upper-case hex,
 * the rest as UTF-8), without a generator per line or a char round trip for numbers. Importing
 * writes millions of 4- and 5-decimal numbers, which is why this exists.
 *
 * <p>Not thread-safe (the buffer is reused): one instance per writing thread, owned by a
 * {@link StepLineCodec}. The line is valid in {@link #bytes()} for {@link #encode}'s length until the
 * next call.
 */
final class StepLineEncoder {

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    /** Room a number may take: sign, 19 digits or Double.toString, point, decimals. */
    private static final int NUMBER_ROOM = 40;

    private static final int MAX_CACHED_CHARS = 32;
    private static final int CACHE_BITS = 12;

    private final FixedDecimals decimals = new FixedDecimals();
    private final String[] cachedStrings = new String[1 << CACHE_BITS];
    private final byte[][] cachedBytes = new byte[1 << CACHE_BITS][];
    private byte[] out = new byte[1 << 14];
    private int pos;

    byte[] bytes() {
        return out;
    }

    /** Encodes {@code r} (no trailing newline) into {@link #bytes()}; returns its length. */
    int encode(StepRecord r) {
        pos = 0;
        raw("{\"type\":\"step\",\"q\":");
        string(r.questionId());
        raw(",\"step\":");
        integer(r.step());
        raw(",\"promptHash\":");
        string(r.promptHash());
        raw(",\"model\":");
        string(r.model());
        raw(",\"server\":");
        string(r.server());
        if (r.servedModel() != null) {
            raw(",\"servedModel\":");
            string(r.servedModel());
        }
        raw(",\"temperature\":");
        number(r.temperature(), 4);
        raw(",\"maxTokens\":");
        integer(r.maxTokens());
        raw(",\"topK\":");
        integer(r.topK());
        raw(",\"text\":");
        string(r.text());
        raw(",\"reasoning\":");
        string(r.reasoningText());
        raw(",\"extracted\":");
        string(r.extractedAnswer());
        raw(",\"expected\":");
        string(r.expectedAnswer());
        raw(",\"correct\":");
        raw(r.correct() == null ? "null" : r.correct() ? "true" : "false");
        raw(",\"promptTokens\":");
        integer(r.promptTokens());
        raw(",\"completionTokens\":");
        integer(r.completionTokens());
        raw(",\"finish\":");
        string(r.finishReason());
        if (r.tokens() != null) {
            raw(",\"tokens\":");
            strings(r.tokens());
        }
        if (r.channels() != null) {
            raw(",\"channels\":");
            string(r.channels());
        }
        raw(",\"entropy\":{");
        Map<Integer, double[]> byK = r.entropyByK();
        if (!(byK instanceof TreeMap)) {
            byK = new TreeMap<>(byK);
        }
        boolean first = true;
        for (Map.Entry<Integer, double[]> e : byK.entrySet()) {
            if (!first) {
                put((byte) ',');
            }
            first = false;
            put((byte) '"');
            integer(e.getKey());
            raw("\":");
            numbers(e.getValue(), StepLineCodec.ENTROPY_DECIMALS);
        }
        put((byte) '}');
        if (r.tailMass() != null) {
            raw(",\"tail\":");
            numbers(r.tailMass(), StepLineCodec.TAIL_DECIMALS);
        }
        if (r.topLogprobs() != null) {
            raw(",\"top\":[");
            boolean firstTop = true;
            for (StepRecord.TopLogprobs top : r.topLogprobs()) {
                if (!firstTop) {
                    put((byte) ',');
                }
                firstTop = false;
                raw("{\"t\":");
                strings(top.tokens());
                raw(",\"lp\":");
                numbers(top.logprobs(), StepLineCodec.LOGPROB_DECIMALS);
                put((byte) '}');
            }
            put((byte) ']');
        }
        if (r.chosenLogprob() != null) {
            raw(",\"lp\":");
            numbers(r.chosenLogprob(), StepLineCodec.SCORE_DECIMALS);
        }
        if (r.tokenConfidence() != null) {
            raw(",\"conf\":");
            numbers(r.tokenConfidence(), StepLineCodec.SCORE_DECIMALS);
        }
        raw(",\"flags\":");
        strings(r.flags());
        raw(",\"startedAt\":");
        integer(r.startedAt());
        raw(",\"durationMs\":");
        integer(r.durationMillis());
        put((byte) '}');
        return pos;
    }

    private void strings(Iterable<String> values) {
        put((byte) '[');
        boolean first = true;
        for (String s : values) {
            if (!first) {
                put((byte) ',');
            }
            first = false;
            string(s);
        }
        put((byte) ']');
    }

    private void numbers(double[] values, int places) {
        ensure(2 + values.length * (NUMBER_ROOM + 1));
        byte[] b = out;
        int p = pos;
        b[p++] = '[';
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b[p++] = ',';
            }
            double v = values[i];
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                b[p++] = 'n';
                b[p++] = 'u';
                b[p++] = 'l';
                b[p++] = 'l';
            } else {
                p = decimals.formatTo(v, places, b, p);
            }
        }
        b[p++] = ']';
        pos = p;
    }

    private void number(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            raw("null");
        } else {
            ensure(NUMBER_ROOM);
            pos = decimals.formatTo(v, places, out, pos);
        }
    }

    private void integer(long v) {
        ensure(NUMBER_ROOM);
        if (v >= 0) {
            pos = FixedDecimals.writeLongTo(v, out, pos);
        } else {
            raw(Long.toString(v));
        }
    }

    /** ASCII text without anything to escape (field names and punctuation). */
    private void raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            out[pos + i] = (byte) ascii.charAt(i);
        }
        pos += n;
    }

    /**
     * Short strings (token texts) through a small cache of their encoded bytes, keyed by identity: the
     * parsers hand out one shared String per token text, so each alternative's text is usually
     * encoded once per import instead of once per occurrence.
     */
    private void string(String s) {
        if (s == null) {
            raw("null");
            return;
        }
        if (s.length() > MAX_CACHED_CHARS) {
            encodeString(s);
            return;
        }
        int slot = (s.hashCode() * 0x9E3779B9) >>> (32 - CACHE_BITS);
        byte[] encoded;
        if (cachedStrings[slot] == s) {
            encoded = cachedBytes[slot];
        } else {
            int start = pos;
            encodeString(s);
            encoded = Arrays.copyOfRange(out, start, pos);
            cachedStrings[slot] = s;
            cachedBytes[slot] = encoded;
            return;
        }
        ensure(encoded.length);
        System.arraycopy(encoded, 0, out, pos, encoded.length);
        pos += encoded.length;
    }

    private void encodeString(String s) {
        int n = s.length();
        ensure(2 + n * 6);
        byte[] b = out;
        int p = pos;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                } else {
                    p = escapeAscii(c, b, p);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (c >= 0xd800 && c <= 0xdfff) {
                p = unicodeEscape(c, b, p);
            } else {
                b[p++] = (byte) (0xe0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        b[p++] = '"';
        pos = p;
    }

    private static int escapeAscii(char c, byte[] b, int p) {
        byte shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm == 0) {
            return unicodeEscape(c, b, p);
        }
        b[p] = '\\';
        b[p + 1] = shortForm;
        return p + 2;
    }

    private static int unicodeEscape(char c, byte[] b, int p) {
        b[p] = '\\';
        b[p + 1] = 'u';
        b[p + 2] = HEX[(c >> 12) & 0xf];
        b[p + 3] = HEX[(c >> 8) & 0xf];
        b[p + 4] = HEX[(c >> 4) & 0xf];
        b[p + 5] = HEX[c & 0xf];
        return p + 6;
    }

    private void put(byte c) {
        ensure(1);
        out[pos++] = c;
    }

    private void ensure(int room) {
        if (pos + room > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, pos + room));
        }
    }
}
