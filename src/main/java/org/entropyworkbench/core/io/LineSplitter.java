package org.entropyworkbench.core.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one line splitter: cuts bytes into lines without decoding them, so each line can be parsed
 * straight from the bytes (run files, imported response files, live server-sent events and NDJSON).
 * What differs between those inputs is named in {@link LineRules}: line ends, UTF-8 check, what a
 * cut-off input means, and the line size limit.
 *
 * <p>A line is valid in {@link #buffer()} from {@link #lineStart()} for {@link #lineLength()} bytes
 * until the next {@link #next()}. {@link #lineNumber()} counts every line (blank ones too) from 1;
 * {@link #lineOffset()} is the byte position of the line's first byte in the input.
 *
 * <p>Reading: the input is read in blocks into one reused buffer, but only when the buffer holds no
 * complete line, and {@link InputStream#read(byte[], int, int)} returns what has arrived; so on a live
 * stream a line is handed over as soon as its line end is there, never held back waiting for more
 * bytes. The line-end search looks at 8 bytes at a time: run-file and import lines are kilobytes to
 * megabytes long, and this is the hot path of opening a run.
 *
 * <p>Owned by one thread; not thread-safe.
 */
public final class LineSplitter implements Closeable {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LF_BYTES = ONES * '\n';
    private static final long CR_BYTES = ONES * '\r';
    private static final int BLOCK = 1 << 16;

    private final InputStream in;
    private final LineRules rules;
    private final boolean lfOnly;
    private final boolean strictUtf8;
    private final long maxLineBytes;

    private byte[] buf;
    /** Input position of {@code buf[0]}. */
    private long bufferOffset;
    private int start;
    private int end;
    private int scanFrom;
    private boolean eof;
    /** OR of the bytes scanned for the current line: its 0x80 bits say whether a UTF-8 check is needed. */
    private long scannedBits;
    private boolean skipLineFeed;
    /** Bytes of the current, too long line already dropped from the buffer. */
    private long droppedBytes;
    private boolean droppedEndsWithCr;

    private int lineStart;
    private int lineLength;
    private long fullLength;
    private long lineOffset;
    private long lineNumber;
    private boolean terminated = true;
    private boolean tooLong;
    private boolean inputCutOff;
    private long bytesRead;

    private LineSplitter(InputStream in, LineRules rules, byte[] buf, int from, int to, boolean eof) {
        this.in = in;
        this.rules = rules;
        this.lfOnly = rules.lineEnds() == LineRules.LineEnds.LF;
        this.strictUtf8 = rules.encoding() == LineRules.Encoding.STRICT_UTF8;
        this.maxLineBytes = rules.maxLineBytes();
        this.buf = buf;
        this.bufferOffset = -from;
        this.start = from;
        this.scanFrom = from;
        this.end = to;
        this.eof = eof;
        this.bytesRead = to - from;
    }

    /** Lines of {@code in}, read in blocks as they are needed. {@link #close()} closes {@code in}. */
    public static LineSplitter reading(InputStream in, LineRules rules) {
        return new LineSplitter(in, rules, new byte[BLOCK], 0, 0, false);
    }

    /** Lines of {@code bytes[from, to)}, handed over in place (no copy); offsets count from {@code from}. */
    public static LineSplitter over(byte[] bytes, int from, int to, LineRules rules) {
        if (from < 0 || to < from || to > bytes.length) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + bytes.length + " bytes");
        }
        return new LineSplitter(null, rules, bytes, from, to, true);
    }

    public LineRules rules() {
        return rules;
    }

    /**
     * Advances to the next line; blocks until a whole line or the end of the input is there.
     *
     * @return false at the end of the input with nothing left
     * @throws NotUtf8Exception under {@link LineRules.Encoding#STRICT_UTF8} when the line is not UTF-8
     */
    public boolean next() throws IOException {
        while (true) {
            if (skipLineFeed) {
                if (start == end && !eof) {
                    fill();
                    continue;
                }
                if (start < end && buf[start] == '\n') {
                    start++;
                    scanFrom = start;
                }
                skipLineFeed = false;
            }
            int stop = lfOnly ? findLf(scanFrom, end) : findLfOrCr(scanFrom, end);
            if (stop < end) {
                int length = stop - start;
                if (lfOnly) {
                    if (length > 0 ? buf[stop - 1] == '\r' : droppedEndsWithCr) {
                        length--;
                    }
                } else {
                    skipLineFeed = buf[stop] == '\r';
                }
                deliver(length, true);
                start = stop + 1;
                scanFrom = start;
                return true;
            }
            scanFrom = end;
            if (eof) {
                if (start < end || droppedBytes > 0) {
                    deliver(end - start, false);
                    start = end;
                    scanFrom = end;
                    return true;
                }
                return false;
            }
            if (droppedBytes + (end - start) > maxLineBytes) {
                droppedBytes += end - start;
                droppedEndsWithCr = buf[end - 1] == '\r';
                start = end;
                scanFrom = end;
            }
            fill();
        }
    }

    /** Makes {@code [start, start + length)} (plus any dropped bytes before it) the current line. */
    private void deliver(int length, boolean withEnd) throws IOException {
        lineNumber++;
        terminated = withEnd;
        fullLength = droppedBytes + length;
        lineOffset = bufferOffset + start - droppedBytes;
        tooLong = fullLength > maxLineBytes;
        lineStart = start;
        lineLength = tooLong ? 0 : length;
        long bits = scannedBits;
        scannedBits = 0;
        droppedBytes = 0;
        droppedEndsWithCr = false;
        if (strictUtf8 && !tooLong && (bits & HIGH_BITS) != 0 && !Utf8.wellFormed(buf, lineStart, lineLength)) {
            throw new NotUtf8Exception(lineNumber);
        }
    }

    /** Index of the first LF in [from, to), or {@code to}. */
    private int findLf(int from, int to) {
        byte[] b = buf;
        long bits = 0;
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            bits |= w;
            if (hasZeroByte(w ^ LF_BYTES)) {
                break;
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                scannedBits |= bits;
                return i;
            }
            bits |= b[i];
        }
        scannedBits |= bits;
        return to;
    }

    /** Index of the first CR or LF in [from, to), or {@code to}. */
    private int findLfOrCr(int from, int to) {
        byte[] b = buf;
        long bits = 0;
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            bits |= w;
            if (hasZeroByte(w ^ LF_BYTES) || hasZeroByte(w ^ CR_BYTES)) {
                break;
            }
            i += 8;
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\n' || c == '\r') {
                scannedBits |= bits;
                return i;
            }
            bits |= c;
        }
        scannedBits |= bits;
        return to;
    }

    private static boolean hasZeroByte(long x) {
        return ((x - ONES) & ~x & HIGH_BITS) != 0;
    }

    /** Reads the next block behind the unfinished line (moved to the front; the buffer grows for long lines). */
    private void fill() throws IOException {
        if (in == null) {
            eof = true;
            return;
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            bufferOffset += start;
            end -= start;
            scanFrom -= start;
            start = 0;
        }
        if (end == buf.length) {
            if (buf.length >= LineRules.NO_LIMIT) {
                throw new IOException("a line is longer than " + LineRules.NO_LIMIT + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) Math.min(LineRules.NO_LIMIT, 2L * buf.length));
        }
        int n;
        try {
            n = in.read(buf, end, buf.length - end);
        } catch (EOFException cut) {
            if (rules.cutOff() == LineRules.CutOff.FAIL) {
                throw cut;
            }
            inputCutOff = true;
            n = -1;
        }
        if (n < 0) {
            eof = true;
        } else {
            end += n;
            bytesRead += n;
        }
    }

    /** The bytes of the current line live here, from {@link #lineStart()}; valid until the next {@link #next()}. */
    public byte[] buffer() {
        return buf;
    }

    public int lineStart() {
        return lineStart;
    }

    /** Bytes of the current line without its line end; 0 for a {@link #tooLong()} line (its bytes are not kept). */
    public int lineLength() {
        return lineLength;
    }

    /** The current line's length in bytes without its line end, also for a {@link #tooLong()} line. */
    public long fullLength() {
        return fullLength;
    }

    /** 1-based number of the current line, counting blank lines, as a text editor does. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Input position of the current line's first byte. */
    public long lineOffset() {
        return lineOffset;
    }

    /** False for a last line that has no line end (a half-written line, a cut connection). */
    public boolean terminated() {
        return terminated;
    }

    /** True when the current line is longer than {@link LineRules#maxLineBytes()}: it was skipped, only its length is known. */
    public boolean tooLong() {
        return tooLong;
    }

    /** True when the input ended with an {@link java.io.EOFException} under {@link LineRules.CutOff#END_OF_INPUT}. */
    public boolean inputCutOff() {
        return inputCutOff;
    }

    /** Bytes read from the input so far (after decompression when the input decompresses). */
    public long bytesRead() {
        return bytesRead;
    }

    /**
     * Whether the current line is empty or only whitespace, as {@link String#isBlank()} decides (a
     * {@link #tooLong()} line is not blank).
     */
    public boolean lineBlank() {
        if (tooLong) {
            return false;
        }
        boolean highBytes = false;
        for (int i = lineStart, stop = lineStart + lineLength; i < stop; i++) {
            byte b = buf[i];
            if (b < 0) {
                highBytes = true;
            } else if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return !highBytes || new String(buf, lineStart, lineLength, StandardCharsets.UTF_8).isBlank();
    }

    /** Closes the input (nothing for {@link #over}). */
    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }

    /** Strict UTF-8 well-formedness (Unicode table 3-7), the rule of Java's reporting decoder. */
    static final class Utf8 {

        private Utf8() {
        }

        static boolean wellFormed(byte[] b, int off, int len) {
            int i = off;
            int end = off + len;
            while (i < end) {
                int c = b[i] & 0xff;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                int need;
                int lo = 0x80;
                int hi = 0xbf;
                if (c >= 0xc2 && c <= 0xdf) {
                    need = 1;
                } else if (c >= 0xe0 && c <= 0xef) {
                    need = 2;
                    if (c == 0xe0) {
                        lo = 0xa0;
                    } else if (c == 0xed) {
                        hi = 0x9f;
                    }
                } else if (c >= 0xf0 && c <= 0xf4) {
                    need = 3;
                    if (c == 0xf0) {
                        lo = 0x90;
                    } else if (c == 0xf4) {
                        hi = 0x8f;
                    }
                } else {
                    return false;
                }
                if (i + need >= end) {
                    return false;
                }
                int second = b[i + 1] & 0xff;
                if (second < lo || second > hi) {
                    return false;
                }
                for (int k = 2; k <= need; k++) {
                    int cont = b[i + k] & 0xff;
                    if (cont < 0x80 || cont > 0xbf) {
                        return false;
                    }
                }
                i += need + 1;
            }
            return true;
        }
    }
}
