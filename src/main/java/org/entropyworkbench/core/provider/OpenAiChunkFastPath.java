package org.entropyworkbench.core.provider;

import com.fasterxml.jackson.core.io.NumberInput;
import java.nio.charset.StandardCharsets;

/**
 * A byte-level reader for the common shape of an OpenAI chat chunk (choices with delta text,
 * {@code logprobs.content[]} with {@code top_logprobs}), tried before the Jackson parser of
 * {@link ChunkParsers#parseOpenAi}. Why: with 20 alternatives per token, Jackson's general number
 * and string machinery was most of the serve proxy's CPU (docs/performance.md, "ew serve"), and most
 * chunks are the one shape this reads.
 *
 * <p>It gives exactly the values the Jackson path gives or nothing: anything it is not sure of (an
 * error object, usage, legacy or llama.cpp {@code prob} shapes, NaN/Infinity literals, numbers outside
 * the exact fast case, malformed UTF-8, control characters, trailing data, any syntax error) makes it
 * return false before it has changed the caller's state, and the caller parses the chunk with
 * Jackson. Numbers: a decimal with at most 15 significant digits and a power of ten within 10^±22 is
 * one correctly rounded IEEE multiplication or division of two exact doubles (Clinger's fast path),
 * so the same double as Jackson's correctly rounded parse; every other number goes through Jackson's
 * own {@link NumberInput#parseDouble(String, boolean)}.
 *
 * <p>One instance per stream (it keeps the pending text events of one chunk); not thread-safe.
 */
final class OpenAiChunkFastPath {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final int MAX_DEPTH = 200;

    /** Thrown (without a stack trace) when the chunk is not one this reader is sure about. */
    private static final class Bail extends Exception {
        private static final Bail INSTANCE = new Bail();

        private Bail() {
            super(null, null, false, false);
        }
    }

    private byte[] b;
    private int pos;
    private int end;
    private final StringBuilder chars = new StringBuilder(64);
    /** Text events of this chunk in order: kind 'c' content, 'r' reasoning, 'f' finish, 'm' model, 'v' version. */
    private char[] pendingKind = new char[8];
    private String[] pendingText = new String[8];
    private int pending;
    private boolean logprobsPresent;

    /**
     * Reads {@code data[0, length)} into {@code st} (after {@link StreamState#beginChunk()}) when it
     * is a chunk of the supported shape; otherwise leaves {@code st} as {@code beginChunk} left it
     * and returns false.
     */
    boolean tryParse(byte[] data, int length, StreamState st) {
        b = data;
        pos = 0;
        end = length;
        pending = 0;
        logprobsPresent = false;
        st.beginChunk();
        try {
            skipWs();
            expect('{');
            topObject(st);
            skipWs();
            if (pos != end) {
                throw Bail.INSTANCE;
            }
        } catch (Bail e) {
            st.beginChunk();
            b = null;
            return false;
        }
        b = null;
        if (logprobsPresent) {
            st.markLogprobsPresent();
        }
        for (int i = 0; i < pending; i++) {
            String t = pendingText[i];
            switch (pendingKind[i]) {
                case 'c' -> st.onContent(t);
                case 'r' -> st.onReasoning(t);
                case 'f' -> st.finishReason = t;
                case 'm' -> st.servedModel = t;
                default -> st.serverVersion = t;
            }
            pendingText[i] = null;
        }
        return true;
    }

    private void topObject(StreamState st) throws Bail {
        if (emptyObject()) {
            return;
        }
        do {
            key();
            if (is("choices")) {
                if (peek() == '[') {
                    pos++;
                    if (!emptyArray()) {
                        do {
                            if (peek() == '{') {
                                pos++;
                                choice(st);
                            } else {
                                skipValue(0);
                            }
                        } while (nextInArray());
                    }
                } else {
                    skipValue(0);
                }
            } else if (is("model") || is("system_fingerprint")) {
                if (peek() == '"') {
                    pos++;
                    addPending(keyLength == 5 ? 'm' : 'v', string());
                } else {
                    skipValue(0);
                }
            } else if (is("object")) {
                if (peek() == '"') {
                    pos++;
                    if ("error".equals(string())) {
                        throw Bail.INSTANCE;
                    }
                } else {
                    skipValue(0);
                }
            } else if (is("usage") || is("error") || is("message") || is("code")) {
                throw Bail.INSTANCE;
            } else {
                skipValue(0);
            }
        } while (nextInObject());
    }

    private void choice(StreamState st) throws Bail {
        if (emptyObject()) {
            return;
        }
        do {
            key();
            if (is("delta") || is("message")) {
                if (peek() == '{') {
                    pos++;
                    delta();
                } else {
                    skipValue(0);
                }
            } else if (is("logprobs")) {
                byte c = peek();
                if (c == '{') {
                    pos++;
                    logprobsPresent = true;
                    logprobsObject(st.batch);
                } else if (c == '-' || (c >= '0' && c <= '9')) {
                    throw Bail.INSTANCE;
                } else {
                    skipValue(0);
                }
            } else if (is("finish_reason")) {
                if (peek() == '"') {
                    pos++;
                    addPending('f', string());
                } else {
                    skipValue(0);
                }
            } else if (is("text") || is("top_logprobs")) {
                throw Bail.INSTANCE;
            } else {
                skipValue(0);
            }
        } while (nextInObject());
    }

    private void delta() throws Bail {
        if (emptyObject()) {
            return;
        }
        do {
            key();
            char kind = is("content") ? 'c'
                    : is("reasoning") || is("reasoning_content") || is("thinking") ? 'r' : 0;
            if (kind != 0 && peek() == '"') {
                pos++;
                addPending(kind, string());
            } else {
                skipValue(0);
            }
        } while (nextInObject());
    }

    private void logprobsObject(TokenBatch batch) throws Bail {
        if (emptyObject()) {
            return;
        }
        do {
            key();
            if (peek() != '[') {
                skipValue(0);
            } else if (is("content")) {
                pos++;
                entries(batch);
            } else if (is("tokens") || is("token_logprobs") || is("top_logprobs")) {
                throw Bail.INSTANCE;
            } else {
                skipValue(0);
            }
        } while (nextInObject());
    }

    /** After the '[' of {@code logprobs.content}. */
    private void entries(TokenBatch batch) throws Bail {
        if (emptyArray()) {
            return;
        }
        do {
            if (peek() != '{') {
                skipValue(0);
                continue;
            }
            pos++;
            int slot = batch.addSlot();
            if (emptyObject()) {
                continue;
            }
            do {
                key();
                if (is("token")) {
                    batch.setText(slot, stringOrEmpty());
                } else if (is("logprob")) {
                    batch.setLogprob(slot, number());
                } else if (is("top_logprobs")) {
                    if (peek() == '[') {
                        pos++;
                        topEntries(batch, slot);
                    } else {
                        skipValue(0);
                    }
                } else if (is("prob") || is("top_probs")) {
                    throw Bail.INSTANCE;
                } else {
                    skipValue(0);
                }
            } while (nextInObject());
        } while (nextInArray());
    }

    private void topEntries(TokenBatch batch, int slot) throws Bail {
        if (emptyArray()) {
            return;
        }
        do {
            if (peek() != '{') {
                skipValue(0);
                continue;
            }
            pos++;
            String token = "";
            double lp = Double.NaN;
            if (!emptyObject()) {
                do {
                    key();
                    if (is("token")) {
                        token = stringOrEmpty();
                    } else if (is("logprob")) {
                        lp = number();
                    } else if (is("prob")) {
                        throw Bail.INSTANCE;
                    } else {
                        skipValue(0);
                    }
                } while (nextInObject());
            }
            batch.addTop(slot, token, lp);
        } while (nextInArray());
    }

    private void addPending(char kind, String text) {
        if (pending == pendingKind.length) {
            pendingKind = java.util.Arrays.copyOf(pendingKind, pending * 2);
            pendingText = java.util.Arrays.copyOf(pendingText, pending * 2);
        }
        pendingKind[pending] = kind;
        pendingText[pending++] = text;
    }

    // ---- JSON syntax -------------------------------------------------------------------------

    private byte peek() throws Bail {
        skipWs();
        if (pos >= end) {
            throw Bail.INSTANCE;
        }
        return b[pos];
    }

    private void expect(char c) throws Bail {
        if (peek() != c) {
            throw Bail.INSTANCE;
        }
        pos++;
    }

    private void skipWs() {
        while (pos < end) {
            byte c = b[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    /** After '{': true (and consumed) when the object is empty. */
    private boolean emptyObject() throws Bail {
        if (peek() == '}') {
            pos++;
            return true;
        }
        return false;
    }

    /** After '[': true (and consumed) when the array is empty. */
    private boolean emptyArray() throws Bail {
        if (peek() == ']') {
            pos++;
            return true;
        }
        return false;
    }

    /** After a member: true after a ',', false after the closing '}'. */
    private boolean nextInObject() throws Bail {
        byte c = peek();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == '}') {
            return false;
        }
        throw Bail.INSTANCE;
    }

    /** After an element: true after a ',', false after the closing ']'. */
    private boolean nextInArray() throws Bail {
        byte c = peek();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == ']') {
            return false;
        }
        throw Bail.INSTANCE;
    }

    /** A member name (plain ASCII without escapes) and its ':'; the name is then compared with {@link #is}. */
    private void key() throws Bail {
        expect('"');
        int from = pos;
        while (pos < end) {
            byte c = b[pos];
            if (c == '"') {
                keyFrom = from;
                keyLength = pos - from;
                pos++;
                expect(':');
                return;
            }
            if (c == '\\' || c < 0x20) {
                throw Bail.INSTANCE;
            }
            pos++;
        }
        throw Bail.INSTANCE;
    }

    /** The last member name read by {@link #key()} is {@code b[keyFrom, keyFrom + keyLength)}. */
    private int keyFrom;
    private int keyLength;

    private boolean is(String name) {
        int n = name.length();
        if (keyLength != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[keyFrom + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A string value's text, "" for null, anything else skipped as Jackson's {@code stringOrEmpty} does. */
    private String stringOrEmpty() throws Bail {
        if (peek() == '"') {
            pos++;
            return string();
        }
        skipValue(0);
        return "";
    }

    /** After the opening '"': the decoded string. */
    private String string() throws Bail {
        int from = pos;
        boolean ascii = true;
        while (pos < end) {
            byte c = b[pos];
            if (c == '"') {
                String s = ascii ? new String(b, from, pos - from, StandardCharsets.ISO_8859_1)
                        : new String(b, from, pos - from, StandardCharsets.UTF_8);
                pos++;
                return s;
            }
            if (c == '\\') {
                return escapedString(from);
            }
            if (c < 0) {
                pos += utf8Length(pos);
                ascii = false;
                continue;
            }
            if (c < 0x20) {
                throw Bail.INSTANCE;
            }
            pos++;
        }
        throw Bail.INSTANCE;
    }

    /** The rest of a string from {@code from} (after its quote) that holds escapes. */
    private String escapedString(int from) throws Bail {
        chars.setLength(0);
        pos = from;
        while (pos < end) {
            byte c = b[pos];
            if (c == '"') {
                pos++;
                return chars.toString();
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    throw Bail.INSTANCE;
                }
                byte e = b[pos + 1];
                pos += 2;
                switch (e) {
                    case '"' -> chars.append('"');
                    case '\\' -> chars.append('\\');
                    case '/' -> chars.append('/');
                    case 'b' -> chars.append('\b');
                    case 'f' -> chars.append('\f');
                    case 'n' -> chars.append('\n');
                    case 'r' -> chars.append('\r');
                    case 't' -> chars.append('\t');
                    case 'u' -> {
                        if (pos + 4 > end) {
                            throw Bail.INSTANCE;
                        }
                        int v = 0;
                        for (int i = 0; i < 4; i++) {
                            int h = Character.digit(b[pos + i], 16);
                            if (h < 0) {
                                throw Bail.INSTANCE;
                            }
                            v = (v << 4) | h;
                        }
                        pos += 4;
                        if (Character.isSurrogate((char) v)) {
                            throw Bail.INSTANCE;
                        }
                        chars.append((char) v);
                    }
                    default -> throw Bail.INSTANCE;
                }
                continue;
            }
            if (c < 0) {
                int n = utf8Length(pos);
                chars.append(new String(b, pos, n, StandardCharsets.UTF_8));
                pos += n;
                continue;
            }
            if (c < 0x20) {
                throw Bail.INSTANCE;
            }
            chars.append((char) c);
            pos++;
        }
        throw Bail.INSTANCE;
    }

    /**
     * Length of the well-formed UTF-8 sequence at {@code at} (RFC 3629: no overlong forms, no
     * surrogates, at most U+10FFFF); anything else bails, leaving the judgement to Jackson.
     */
    private int utf8Length(int at) throws Bail {
        int c = b[at] & 0xFF;
        int n;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            throw Bail.INSTANCE;
        }
        if (at + n > end) {
            throw Bail.INSTANCE;
        }
        int cp = c & (0x7F >> n);
        for (int i = 1; i < n; i++) {
            int d = b[at + i] & 0xFF;
            if ((d & 0xC0) != 0x80) {
                throw Bail.INSTANCE;
            }
            cp = (cp << 6) | (d & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw Bail.INSTANCE;
        }
        return n;
    }

    /** A logprob as {@code ChunkParsers.number} reads it: number, numeric string, or NaN (value skipped). */
    private double number() throws Bail {
        byte c = peek();
        if (c == '-' || (c >= '0' && c <= '9')) {
            return numberLiteral();
        }
        if (c == '"') {
            pos++;
            return ChunkParsers.parseLenient(string());
        }
        skipValue(0);
        return Double.NaN;
    }

    /**
     * A JSON number (strict grammar) at {@code pos}, as Jackson's {@code getDoubleValue} gives it: an
     * integer converts from its long value, a decimal is correctly rounded.
     */
    private double numberLiteral() throws Bail {
        int from = pos;
        boolean negative = b[pos] == '-';
        if (negative) {
            pos++;
        }
        long mantissa = 0;
        int digits = 0;
        int intDigits = 0;
        if (pos < end && b[pos] == '0') {
            pos++;
            intDigits = 1;
        } else {
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[pos] - '0');
                }
                digits++;
                intDigits++;
                pos++;
            }
            if (intDigits == 0) {
                throw Bail.INSTANCE;
            }
        }
        boolean integer = true;
        int fractionDigits = 0;
        if (pos < end && b[pos] == '.') {
            integer = false;
            pos++;
            int start = pos;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                if (digits > 0 || b[pos] != '0') {
                    if (digits < 18) {
                        mantissa = mantissa * 10 + (b[pos] - '0');
                    }
                    digits++;
                }
                fractionDigits++;
                pos++;
            }
            if (pos == start) {
                throw Bail.INSTANCE;
            }
        }
        int exponent = 0;
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            integer = false;
            pos++;
            boolean expNegative = false;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                expNegative = b[pos] == '-';
                pos++;
            }
            int start = pos;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                if (pos - start > 6) {
                    throw Bail.INSTANCE;
                }
                exponent = exponent * 10 + (b[pos] - '0');
                pos++;
            }
            if (pos == start) {
                throw Bail.INSTANCE;
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        if (pos - from > 100) {
            throw Bail.INSTANCE;
        }
        if (integer) {
            if (digits > 18) {
                throw Bail.INSTANCE;
            }
            return (double) (negative ? -mantissa : mantissa);
        }
        int scale = exponent - fractionDigits;
        if (digits <= 15 && scale >= -22 && scale <= 22) {
            double m = (double) mantissa;
            double v = scale >= 0 ? m * POW10[scale] : m / POW10[-scale];
            return negative ? -v : v;
        }
        return NumberInput.parseDouble(new String(b, from, pos - from, StandardCharsets.ISO_8859_1), true);
    }

    /** Skips one value of any kind, checking its syntax strictly. */
    private void skipValue(int depth) throws Bail {
        if (depth > MAX_DEPTH) {
            throw Bail.INSTANCE;
        }
        byte c = peek();
        switch (c) {
            case '{' -> {
                pos++;
                if (!emptyObject()) {
                    do {
                        key();
                        skipValue(depth + 1);
                    } while (nextInObject());
                }
            }
            case '[' -> {
                pos++;
                if (!emptyArray()) {
                    do {
                        skipValue(depth + 1);
                    } while (nextInArray());
                }
            }
            case '"' -> {
                pos++;
                skipString();
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    numberLiteral();
                } else {
                    throw Bail.INSTANCE;
                }
            }
        }
    }

    private void skipString() throws Bail {
        while (pos < end) {
            byte c = b[pos];
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    throw Bail.INSTANCE;
                }
                byte e = b[pos + 1];
                if (e == 'u') {
                    if (pos + 6 > end) {
                        throw Bail.INSTANCE;
                    }
                    for (int i = 2; i < 6; i++) {
                        if (Character.digit(b[pos + i], 16) < 0) {
                            throw Bail.INSTANCE;
                        }
                    }
                    pos += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    pos += 2;
                } else {
                    throw Bail.INSTANCE;
                }
                continue;
            }
            if (c < 0) {
                pos += utf8Length(pos);
                continue;
            }
            if (c < 0x20) {
                throw Bail.INSTANCE;
            }
            pos++;
        }
        throw Bail.INSTANCE;
    }

    private void literal(String word) throws Bail {
        int n = word.length();
        if (pos + n > end) {
            throw Bail.INSTANCE;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw Bail.INSTANCE;
            }
        }
        pos += n;
    }
}
