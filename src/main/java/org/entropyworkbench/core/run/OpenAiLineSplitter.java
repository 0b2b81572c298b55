package org.entropyworkbench.core.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a UTF-8 text file into lines without decoding it, so each line can be parsed straight from
 * the bytes. Lines end exactly where {@link java.io.BufferedReader#readLine()} ends them (LF, CR, or
 * CR LF), so line numbers match what a text reader reports; malformed UTF-8 anywhere is reported
 * like a strict decoder would ({@link MalformedInputException}). A line is valid
 * in {@link #buffer()} from {@link #lineStart()} for {@link #lineLength()} bytes until the next
 * {@link #next()}; {@link #lineOffset()} is its byte position in the file.
 *
 * <p>Why not {@link JsonlFileLineReader}: that one ends lines only at LF (run-file rules) and does
 * not check the encoding; the importer must keep the text reader's line numbers and its "not UTF-8"
 * refusal. The newline search looks at 8 bytes at a time because import lines are megabytes long.
 * Its refill (compact, grow, read) resembles that reader's but is kept apart on purpose: it counts
 * the bytes dropped so {@link #lineOffset()} stays a file position, and an {@link java.io.EOFException}
 * from the stream is an error here, whereas that reader takes it as the end of a run file still
 * being written. Single-threaded.
 */
final class OpenAiLineSplitter implements Closeable {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LF_BYTES = ONES * '\n';
    private static final long CR_BYTES = ONES * '\r';

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private long bufferOffset;
    private int start;
    private int end;
    private int scanFrom;
    private boolean lineHasHighBytes;
    private boolean skipLineFeed;
    private boolean eof;
    private int lineStart;
    private int lineLength;
    private long lineNumber;

    OpenAiLineSplitter(InputStream in) {
        this.in = in;
    }

    /**
     * Advances to the next line; false at the end of the input.
     *
     * @throws MalformedInputException when the line is not valid UTF-8
     */
    boolean next() throws IOException {
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
            int stop = findLineEnd(scanFrom, end);
            if (stop < end) {
                finishLine(stop);
                skipLineFeed = buf[stop] == '\r';
                start = stop + 1;
                scanFrom = start;
                return true;
            }
            scanFrom = end;
            if (eof) {
                if (start < end) {
                    finishLine(end);
                    start = end;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    /** Index of the first CR or LF in [from, to), or {@code to}; notes bytes above 0x7F on the way. */
    private int findLineEnd(int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(buf, i);
            if ((w & HIGH_BITS) != 0) {
                lineHasHighBytes = true;
            }
            if (hasZeroByte(w ^ LF_BYTES) || hasZeroByte(w ^ CR_BYTES)) {
                break;
            }
            i += 8;
        }
        for (; i < to; i++) {
            byte b = buf[i];
            if (b == '\n' || b == '\r') {
                return i;
            }
            if (b < 0) {
                lineHasHighBytes = true;
            }
        }
        return to;
    }

    private static boolean hasZeroByte(long x) {
        return ((x - ONES) & ~x & HIGH_BITS) != 0;
    }

    private void finishLine(int stop) throws IOException {
        lineStart = start;
        lineLength = stop - start;
        lineNumber++;
        if (lineHasHighBytes) {
            Utf8Check.requireWellFormed(buf, lineStart, lineLength);
            lineHasHighBytes = false;
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            bufferOffset += start;
            end -= start;
            scanFrom -= start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    byte[] buffer() { return buf; }

    int lineStart() { return lineStart; }

    int lineLength() { return lineLength; }

    /** 1-based number of the current line, as a text reader counts. */
    long lineNumber() { return lineNumber; }

    /** Byte position of the current line's first byte in the file. */
    long lineOffset() { return bufferOffset + lineStart; }

    /** Whether the current line is empty or only whitespace, as {@link String#isBlank()} decides. */
    boolean lineBlank() {
        boolean highBytes = false;
        for (int i = lineStart; i < lineStart + lineLength; i++) {
            byte b = buf[i];
            if (b < 0) {
                highBytes = true;
            } else if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return !highBytes || new String(buf, lineStart, lineLength, StandardCharsets.UTF_8).isBlank();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Strict UTF-8 well-formedness (Unicode table 3-7), the rule of Java's reporting decoder. */
    static final class Utf8Check {

        private Utf8Check() {
        }

        static void requireWellFormed(byte[] b, int off, int len) throws MalformedInputException {
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
                    throw new MalformedInputException(1);
                }
                if (i + need >= end) {
                    throw new MalformedInputException(1);
                }
                int second = b[i + 1] & 0xff;
                if (second < lo || second > hi) {
                    throw new MalformedInputException(1);
                }
                for (int k = 2; k <= need; k++) {
                    int cont = b[i + k] & 0xff;
                    if (cont < 0x80 || cont > 0xbf) {
                        throw new MalformedInputException(1);
                    }
                }
                i += need + 1;
            }
        }
    }
}
