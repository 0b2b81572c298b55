package org.entropyworkbench.core.run;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A strict JSON lexer over one line's UTF-8 bytes, for the fast path of run-file reading
 * ({@link FastStepLineReader}). It reads numbers straight from the bytes into doubles and makes
 * short ASCII strings through a {@link TokenTextCache}, which is what makes big runs open quickly.
 *
 * <p>It never guesses: anything it is not certain Jackson would read to the same value (an exponent
 * it cannot do exactly, {@code NaN} literals, bad UTF-8, unusual escapes, deep nesting, huge
 * values, any syntax error) throws {@link Decline}, and the caller falls back to the Jackson path,
 * which then reads the line or reports its problem exactly as before.
 *
 * <p>Numbers: a decimal with at most 15 significant digits and at most 22 decimals is computed as
 * {@code digits / 10^decimals}, which is exact and correctly rounded (both operands are exact
 * doubles, and IEEE division rounds once: the classic fast path of Clinger), hence equal to
 * {@link Double#parseDouble}. Anything else goes to {@link Double#parseDouble} on the number's text.
 * The digits are read eight bytes at a time ({@link #digitRun}); that only changes how fast the
 * same integer mantissa is found, not which double it becomes.
 *
 * <p>Not thread-safe: one instance per reading thread; {@link #reset} points it at the next line.
 */
final class ByteJsonCursor {

    /** Thrown (without a stack trace) when the fast path cannot vouch for a line; never escapes the fast path. */
    static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Decline() {
            super("the fast path declined this line", null, false, false);
        }
    }

    static final Decline DECLINE = new Decline();

    /** Deepest nesting skipped; Jackson's own limit is 1000, so deeper lines go to it for its message. */
    static final int MAX_DEPTH = 500;
    /** Longest string the fast path reads; longer ones go to Jackson (which has its own limits). */
    static final int MAX_STRING_BYTES = 1 << 20;
    private static final int MAX_EXACT_DIGITS = 15;
    private static final int MAX_NUMBER_CHARS = 100;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private static final long[] POW10_LONG = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZERO_CHARS = 0x3030303030303030L;

    private final TokenTextCache cache;
    private double[] numberScratch = new double[1024];
    /** Set by {@link #digitRun}: the mantissa including the digits just read. */
    private long runValue;
    private byte[] b;
    private int pos;
    private int end;
    private char[] chars = new char[256];
    /** Set by {@link #readNumber}: whether the number had no fraction and no exponent. */
    private boolean lastWasInteger;
    private long lastInteger;
    /** Set by {@link #decodeUtf8}: the code point just decoded. */
    private int decodedCodePoint;
    /** Used by {@link #skipValue}: whether the container open at each depth is an object. */
    private boolean[] objectAtDepth = new boolean[16];
    /** Set by {@link #closeFinishedContainers}: the depth skipping continues at. */
    private int skipDepth;

    ByteJsonCursor(TokenTextCache cache) {
        this.cache = cache;
    }

    void reset(byte[] bytes, int start, int length) {
        this.b = bytes;
        this.pos = start;
        this.end = start + length;
    }

    // ---------------------------------------------------------------- structure

    /** Skips JSON whitespace and returns the next byte without consuming it (-1 at the end). */
    int peek() {
        while (pos < end) {
            byte c = b[pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else {
                return c;
            }
        }
        return -1;
    }

    /** Consumes {@code c} after whitespace, or declines. */
    void expect(char c) {
        if (peek() != c) {
            throw DECLINE;
        }
        pos++;
    }

    /** After a value inside an object or array: true when a comma follows (consumed), false at {@code close} (consumed). */
    boolean more(char close) {
        int c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == close) {
            pos++;
            return false;
        }
        throw DECLINE;
    }

    /** Consumes {@code open}; then true when the container is empty (its close consumed too). */
    boolean openIsEmpty(char open, char close) {
        expect(open);
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes the literal {@code null} when it comes next; false (nothing consumed) otherwise. */
    boolean tryNull() {
        if (peek() == 'n' && matchLiteral("null")) {
            return true;
        }
        return false;
    }

    /**
     * Consumes {@code quotedKey} (a key's exact bytes, quotes included) and the colon after it when
     * they come next, without making a String; false, consuming nothing, otherwise. A key written
     * with escapes does not match and takes the ordinary path.
     */
    boolean tryKey(byte[] quotedKey) {
        int p = peek() < 0 ? end : pos;
        int n = quotedKey.length;
        if (p + n >= end) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (b[p + k] != quotedKey[k]) {
                return false;
            }
        }
        pos = p + n;
        expect(':');
        return true;
    }

    /** True when nothing but whitespace is left. */
    boolean atEnd() {
        return peek() == -1;
    }

    // ---------------------------------------------------------------- scalars

    /** A string value or null; anything else declines. */
    String readNullableString() {
        int c = peek();
        if (c == '"') {
            return stringHere();
        }
        if (c == 'n' && matchLiteral("null")) {
            return null;
        }
        throw DECLINE;
    }

    /** A string (the next token must be one). Short plain-ASCII strings come from the cache. */
    String readString() {
        if (peek() != '"') {
            throw DECLINE;
        }
        return stringHere();
    }

    /**
     * The string whose opening quote is at {@code pos}. A plain-ASCII string of up to 15 bytes (most
     * token texts) is found eight bytes at a time and looked up by its bytes packed into two longs;
     * longer ones are hashed while they are scanned; escapes and non-ASCII take the general path.
     */
    private String stringHere() {
        int start = ++pos;
        if (start + 16 <= end) {
            long w0 = (long) LONGS.get(b, start);
            long special0 = endOfPlainText(w0);
            if (special0 != 0) {
                int n = Long.numberOfTrailingZeros(special0) >>> 3;
                if (b[start + n] == '"') {
                    pos = start + n + 1;
                    return cache.packedText(b, start, n, n == 0 ? 0L : w0 & (-1L >>> (64 - 8 * n)), 0L);
                }
            } else {
                long w1 = (long) LONGS.get(b, start + 8);
                long special1 = endOfPlainText(w1);
                if (special1 != 0) {
                    int n = Long.numberOfTrailingZeros(special1) >>> 3;
                    if (b[start + 8 + n] == '"') {
                        pos = start + 9 + n;
                        return cache.packedText(b, start, 8 + n, w0, n == 0 ? 0L : w1 & (-1L >>> (64 - 8 * n)));
                    }
                }
            }
        }
        int limit = Math.min(end, start + MAX_STRING_BYTES);
        int h = 0;
        for (int i = start; i < limit; i++) {
            byte c = b[i];
            if (c == '"') {
                pos = i + 1;
                return cache.text(b, start, i - start, h);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            h = 31 * h + c;
        }
        return readEscapedString(start);
    }

    /**
     * The high bit of each byte of {@code w} (first byte lowest) that ends a plain string run: a quote,
     * a backslash, a control byte or a non-ASCII byte. Exact for the lowest flagged byte (a borrow
     * can only flag bytes after a flagged one), which is all callers use.
     */
    static long endOfPlainText(long w) {
        long quote = w ^ 0x2222222222222222L;
        long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
        long isQuote = (quote - 0x0101010101010101L) & ~quote;
        long isBackslash = (backslash - 0x0101010101010101L) & ~backslash;
        long isControl = (w - 0x2020202020202020L) & ~w;
        return (isQuote | isBackslash | isControl | w) & 0x8080808080808080L;
    }

    /** Skips a string (the next token must be one), validating it as strictly as reading would. */
    void skipString() {
        if (peek() != '"') {
            throw DECLINE;
        }
        int start = ++pos;
        int limit = Math.min(end, start + MAX_STRING_BYTES);
        for (int i = start; i < limit; i++) {
            byte c = b[i];
            if (c == '"') {
                pos = i + 1;
                return;
            }
            if (c == '\\' || c < 0x20) {
                readEscapedString(start);
                return;
            }
        }
        throw DECLINE;
    }

    /**
     * The general string path: escapes and non-ASCII bytes, decoded into chars. UTF-8 is checked as
     * strictly as the JDK's decoder (no overlongs, no encoded surrogates, nothing past U+10FFFF).
     */
    private String readEscapedString(int start) {
        int n = 0;
        int i = start;
        int limit = Math.min(end, start + MAX_STRING_BYTES);
        while (true) {
            if (i >= limit) {
                throw DECLINE;
            }
            int c = b[i] & 0xff;
            if (n + 2 > chars.length) {
                chars = java.util.Arrays.copyOf(chars, chars.length * 2);
            }
            if (c == '"') {
                pos = i + 1;
                return new String(chars, 0, n);
            }
            if (c < 0x20) {
                throw DECLINE;
            }
            if (c == '\\') {
                if (i + 1 >= limit) {
                    throw DECLINE;
                }
                byte e = b[i + 1];
                i += 2;
                switch (e) {
                    case '"': chars[n++] = '"'; break;
                    case '\\': chars[n++] = '\\'; break;
                    case '/': chars[n++] = '/'; break;
                    case 'b': chars[n++] = '\b'; break;
                    case 'f': chars[n++] = '\f'; break;
                    case 'n': chars[n++] = '\n'; break;
                    case 'r': chars[n++] = '\r'; break;
                    case 't': chars[n++] = '\t'; break;
                    case 'u':
                        if (i + 4 > limit) {
                            throw DECLINE;
                        }
                        chars[n++] = (char) ((hex(b[i]) << 12) | (hex(b[i + 1]) << 8) | (hex(b[i + 2]) << 4) | hex(b[i + 3]));
                        i += 4;
                        break;
                    default: throw DECLINE;
                }
            } else if (c < 0x80) {
                chars[n++] = (char) c;
                i++;
            } else {
                i = decodeUtf8(c, i, limit);
                int cp = decodedCodePoint;
                if (cp >= 0x10000) {
                    chars[n++] = Character.highSurrogate(cp);
                    chars[n++] = Character.lowSurrogate(cp);
                } else {
                    chars[n++] = (char) cp;
                }
            }
        }
    }

    /** Decodes one multi-byte UTF-8 sequence starting with {@code lead} at {@code i}; returns the index after it. */
    private int decodeUtf8(int lead, int i, int limit) {
        int count;
        int min;
        int cp;
        if (lead >= 0xc2 && lead <= 0xdf) {
            count = 1;
            min = 0x80;
            cp = lead & 0x1f;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            count = 2;
            min = 0x800;
            cp = lead & 0x0f;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            count = 3;
            min = 0x10000;
            cp = lead & 0x07;
        } else {
            throw DECLINE;
        }
        if (i + count >= limit) {
            throw DECLINE;
        }
        for (int k = 1; k <= count; k++) {
            int cont = b[i + k] & 0xff;
            if ((cont & 0xc0) != 0x80) {
                throw DECLINE;
            }
            cp = (cp << 6) | (cont & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            throw DECLINE;
        }
        decodedCodePoint = cp;
        return i + count + 1;
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw DECLINE;
    }

    /** true, false or null (Boolean null); anything else declines. */
    Boolean readNullableBoolean() {
        int c = peek();
        if (c == 't' && matchLiteral("true")) {
            return Boolean.TRUE;
        }
        if (c == 'f' && matchLiteral("false")) {
            return Boolean.FALSE;
        }
        if (c == 'n' && matchLiteral("null")) {
            return null;
        }
        throw DECLINE;
    }

    /** A JSON integer that fits an int, as Jackson's {@code NumberType.INT}; anything else declines. */
    int readInt() {
        long v = readLong();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw DECLINE;
        }
        return (int) v;
    }

    /** A JSON integer that fits a long; anything else (fractions, exponents, bigger) declines. */
    long readLong() {
        readNumber();
        if (!lastWasInteger) {
            throw DECLINE;
        }
        return lastInteger;
    }

    /**
     * An array of numbers (nulls read as NaN), as {@code [} {@link #readNullableDouble} {@code ,} ...
     * {@code ]} would read it, into an array of its exact length. The shape the run-file writer uses,
     * {@code [-]d[ddddddd].d[dddddd]} (at most 15 digits) directly followed by {@code ,} or {@code ]},
     * is read in a tight loop with the same mantissa and division as {@link #readNumber}, so the same
     * doubles; any other element (whitespace, null, an exponent, more digits) goes through
     * {@link #readNullableDouble} and {@link #more}.
     */
    double[] readNumberArray() {
        if (openIsEmpty('[', ']')) {
            return new double[0];
        }
        int n = numbersIntoScratch();
        return java.util.Arrays.copyOf(numberScratch, n);
    }

    /**
     * Skips one value exactly as {@link #skipValue} would (same values accepted, same declines), faster
     * when it is an array of numbers: that is scanned as {@link #readNumberArray} scans it, without
     * keeping the numbers; anything else is skipped again from its start by {@link #skipValue}.
     */
    void skipNumberArray() {
        int start = peek() < 0 ? end : pos;
        try {
            if (!openIsEmpty('[', ']')) {
                numbersIntoScratch();
            }
        } catch (Decline notPlainNumbers) {
            pos = start;
            skipValue();
        }
    }

    /** After an array's {@code [} and before its first element: reads the elements into {@link #numberScratch}, returns their count. */
    private int numbersIntoScratch() {
        double[] out = numberScratch;
        int n = 0;
        int p = pos;
        while (true) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n * 2);
                numberScratch = out;
            }
            if (p + 24 <= end) {
                int q = p;
                boolean negative = b[q] == '-';
                if (negative) {
                    q++;
                }
                long w = (long) LONGS.get(b, q);
                int whole = leadingDigits(w);
                if (whole >= 1 && whole < 8 && (whole == 1 || b[q] != '0') && b[q + whole] == '.') {
                    int fractionStart = q + whole + 1;
                    long f = (long) LONGS.get(b, fractionStart);
                    int decimals = leadingDigits(f);
                    int after = fractionStart + decimals;
                    if (decimals >= 1 && decimals < 8 && whole + decimals <= MAX_EXACT_DIGITS
                            && (b[after] == ',' || b[after] == ']')) {
                        long mantissa = digitsValue(w, whole) * POW10_LONG[decimals] + digitsValue(f, decimals);
                        double v = mantissa / POW10[decimals];
                        out[n++] = negative ? -v : v;
                        p = after + 1;
                        if (b[after] == ']') {
                            pos = p;
                            return n;
                        }
                        continue;
                    }
                }
            }
            pos = p;
            out[n++] = readNullableDouble();
            if (!more(']')) {
                return n;
            }
            p = pos;
        }
    }

    /** A number, or null read as NaN; anything else declines. */
    double readNullableDouble() {
        if (peek() == 'n' && matchLiteral("null")) {
            return Double.NaN;
        }
        return readNumber();
    }

    /**
     * Reads a JSON number (strict grammar) and returns its double value, equal to what Jackson's
     * {@code getDoubleValue()} gives for the same token. The common shape (at most 15 digits in all,
     * no exponent) is read here, small enough for the JIT to inline; anything else goes to
     * {@link #readNumberInGeneral}.
     */
    double readNumber() {
        int i = peek() < 0 ? end : pos;
        int start = i;
        boolean negative = i < end && b[i] == '-';
        if (negative) {
            i++;
        }
        int first = i;
        i = digitRun(i, 0);
        long mantissa = runValue;
        int wholeDigits = i - first;
        if (wholeDigits == 0 || wholeDigits > MAX_EXACT_DIGITS || (wholeDigits > 1 && b[first] == '0')) {
            return readNumberInGeneral(start);
        }
        int decimals = 0;
        boolean fraction = i < end && b[i] == '.';
        if (fraction) {
            int fractionStart = ++i;
            i = digitRun(i, mantissa);
            mantissa = runValue;
            decimals = i - fractionStart;
            if (decimals == 0 || wholeDigits + decimals > MAX_EXACT_DIGITS) {
                return readNumberInGeneral(start);
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            return readNumberInGeneral(start);
        }
        pos = i;
        if (!fraction) {
            lastWasInteger = true;
            lastInteger = negative ? -mantissa : mantissa;
            return (double) lastInteger;
        }
        lastWasInteger = false;
        double v = mantissa / POW10[decimals];
        return negative ? -v : v;
    }

    /**
     * Reads the ASCII digits from {@code i}, eight bytes at a time while eight bytes of the line are
     * left: sets {@link #runValue} to {@code prior} followed by those digits (prior * 10^n + digits)
     * and returns the index after the last digit read. It may stop once more than
     * {@value #MAX_EXACT_DIGITS} digits were read (the value may then have overflowed): callers send
     * such numbers to {@link #readNumberInGeneral}, which starts again from the number's first byte.
     */
    private int digitRun(int i, long prior) {
        long m = prior;
        int from = i;
        while (i + 8 <= end) {
            long w = (long) LONGS.get(b, i);
            int n = leadingDigits(w);
            if (n == 0) {
                runValue = m;
                return i;
            }
            m = m * POW10_LONG[n] + digitsValue(w, n);
            i += n;
            if (n < 8 || i - from > MAX_EXACT_DIGITS) {
                runValue = m;
                return i;
            }
        }
        while (i < end) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            m = m * 10 + d;
            i++;
        }
        runValue = m;
        return i;
    }

    /** How many of the eight bytes in {@code w} (first byte lowest) are ASCII digits before the first other byte. */
    static int leadingDigits(long w) {
        long t = w ^ ZERO_CHARS;
        // a byte is a digit iff t's byte is 0..9: adding 0x76 to its low 7 bits sets bit 7 from 10 up, t's own bit 7 from 128 up
        long nonDigit = (((t & 0x7F7F7F7F7F7F7F7FL) + 0x7676767676767676L) | t) & 0x8080808080808080L;
        return Long.numberOfTrailingZeros(nonDigit) >>> 3;
    }

    /** The value of the first {@code n} (1 to 8) bytes of {@code w}, which are ASCII digits, the first byte most significant. */
    static long digitsValue(long w, int n) {
        long t = (w ^ ZERO_CHARS) << (64 - 8 * n);
        t = (t * 10 + (t >>> 8)) & 0x00FF00FF00FF00FFL;
        t = (t * 100 + (t >>> 16)) & 0x0000FFFF0000FFFFL;
        return (t * 10000 + (t >>> 32)) & 0xFFFFFFFFL;
    }

    /** Any JSON number from {@code from}: exponents, long mantissas, and the strict grammar's errors. */
    private double readNumberInGeneral(int from) {
        pos = from;
        int c = peek();
        int start = pos;
        int i = pos;
        boolean negative = false;
        if (c == '-') {
            negative = true;
            i++;
        }
        if (i >= end) {
            throw DECLINE;
        }
        long mantissa = 0;
        int significant = 0;
        int d = b[i] - '0';
        if (d == 0) {
            i++;
            if (i < end && isDigit(b[i])) {
                throw DECLINE;
            }
        } else if (d > 0 && d <= 9) {
            while (i < end && isDigit(b[i])) {
                if (significant < 19) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                }
                significant++;
                i++;
            }
        } else {
            throw DECLINE;
        }
        int intEnd = i;
        int decimals = 0;
        boolean fraction = i < end && b[i] == '.';
        if (fraction) {
            i++;
            int fracStart = i;
            while (i < end && isDigit(b[i])) {
                int digit = b[i] - '0';
                if (significant == 0 && digit == 0) {
                    decimals++;
                } else {
                    if (significant < 19) {
                        mantissa = mantissa * 10 + digit;
                        decimals++;
                    }
                    significant++;
                }
                i++;
            }
            if (i == fracStart) {
                throw DECLINE;
            }
        }
        boolean exponent = i < end && (b[i] == 'e' || b[i] == 'E');
        if (exponent) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int expStart = i;
            while (i < end && isDigit(b[i])) {
                i++;
            }
            if (i == expStart) {
                throw DECLINE;
            }
        }
        if (i - start > MAX_NUMBER_CHARS) {
            throw DECLINE;
        }
        pos = i;
        if (!fraction && !exponent) {
            lastWasInteger = true;
            if (intEnd - start - (negative ? 1 : 0) > 18) {
                lastInteger = parseLongOrDecline(start, i);
            } else {
                lastInteger = negative ? -mantissa : mantissa;
            }
            return (double) lastInteger;
        }
        lastWasInteger = false;
        if (!exponent && significant <= MAX_EXACT_DIGITS && decimals < POW10.length) {
            double v = mantissa / POW10[decimals];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, start, i - start, StandardCharsets.ISO_8859_1));
    }

    /** A 19-digit integer: a long when it fits (Jackson's {@code NumberType.LONG}), else declined (BigInteger). */
    private long parseLongOrDecline(int start, int stop) {
        try {
            return Long.parseLong(new String(b, start, stop - start, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException tooBig) {
            throw DECLINE;
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private boolean matchLiteral(String word) {
        int n = word.length();
        if (pos + n > end) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (b[pos + k] != word.charAt(k)) {
                return false;
            }
        }
        int after = pos + n;
        if (after < end && isLiteralTail(b[after])) {
            throw DECLINE;
        }
        pos = after;
        return true;
    }

    private static boolean isLiteralTail(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    // ---------------------------------------------------------------- skipping

    /** Skips any one value (validated), iteratively so deep nesting cannot overflow the stack. */
    void skipValue() {
        int depth = 0;
        while (true) {
            int c = peek();
            if (c == '{' || c == '[') {
                pos++;
                boolean object = c == '{';
                if (peek() == (object ? '}' : ']')) {
                    pos++;
                } else {
                    if (++depth > MAX_DEPTH) {
                        throw DECLINE;
                    }
                    if (depth >= objectAtDepth.length) {
                        objectAtDepth = java.util.Arrays.copyOf(objectAtDepth, objectAtDepth.length * 2);
                    }
                    objectAtDepth[depth] = object;
                    if (object) {
                        skipString();
                        expect(':');
                    }
                    continue;
                }
            } else if (c == '"') {
                skipString();
            } else if (c == 't' || c == 'f' || c == 'n') {
                if (!(matchLiteral("true") || matchLiteral("false") || matchLiteral("null"))) {
                    throw DECLINE;
                }
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                readNumber();
            } else {
                throw DECLINE;
            }
            if (closeFinishedContainers(depth)) {
                return;
            }
            depth = skipDepth;
        }
    }

    /**
     * After a complete value at {@code depth}: closes every container that ends here. Returns true
     * when the outermost value is complete; otherwise consumes the comma (and the next member's name)
     * and leaves the current depth in {@link #skipDepth}.
     */
    private boolean closeFinishedContainers(int depth) {
        while (depth > 0) {
            int after = peek();
            boolean object = objectAtDepth[depth];
            if (after == ',') {
                pos++;
                if (object) {
                    skipString();
                    expect(':');
                }
                skipDepth = depth;
                return false;
            }
            if (after != (object ? '}' : ']')) {
                throw DECLINE;
            }
            pos++;
            depth--;
        }
        return true;
    }
}
