package org.entropyworkbench.core.run;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a run file (JSON Lines, possibly gzip) into lines without decoding them, so JSON can be
 * parsed straight from the bytes. A line is valid in {@link #buffer()} from {@link #lineStart()} for
 * {@link #lineLength()} bytes until the next call of {@link #next()}. A truncated gzip stream (file
 * being written, or cut off by a crash) simply ends the input. Single-threaded.
 *
 * <p>Why not {@code core.provider.LiveStreamLineReader}: this one reads a file, so it reads ahead in
 * 64 KiB blocks for speed, and only LF ends a line (JSON Lines; a CR just before it is dropped, a
 * lone CR stays inside the line). The live reader must instead also end a line at a lone CR
 * (event-stream rules) and never wait for bytes past the line it returns. Why not shared with
 * {@link OpenAiLineSplitter}: see that class (other line ends, UTF-8 check, byte offsets, and a
 * truncated stream there is an error, not the end of input).
 */
final class JsonlFileLineReader implements Closeable {

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private int scanFrom;
    private boolean eof;
    private int lineStart;
    private int lineLength;
    private boolean lineTerminated;
    private boolean compressedCutOff;
    private long bytesRead;

    JsonlFileLineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            for (int i = scanFrom; i < end; i++) {
                if (buf[i] == '\n') {
                    lineStart = start;
                    lineLength = i - start;
                    if (lineLength > 0 && buf[i - 1] == '\r') {
                        lineLength--;
                    }
                    lineTerminated = true;
                    start = i + 1;
                    scanFrom = start;
                    return true;
                }
            }
            scanFrom = end;
            if (eof) {
                if (start < end) {
                    lineStart = start;
                    lineLength = end - start;
                    lineTerminated = false;
                    start = end;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scanFrom -= start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        try {
            n = in.read(buf, end, buf.length - end);
        } catch (EOFException truncatedCompressedStream) {
            compressedCutOff = true;
            n = -1;
        }
        if (n < 0) {
            eof = true;
        } else {
            end += n;
            bytesRead += n;
        }
    }

    byte[] buffer() { return buf; }

    /** True when the input was gzip data that ended before its end marker (a file cut off). */
    boolean compressedCutOff() { return compressedCutOff; }

    /** Bytes of (uncompressed) text read so far. */
    long bytesRead() { return bytesRead; }

    int lineStart() { return lineStart; }

    int lineLength() { return lineLength; }

    /** False for a last line that has no trailing newline (a half-written line). */
    boolean lineTerminated() { return lineTerminated; }

    /** True when the current line holds nothing but whitespace. */
    boolean lineBlank() {
        for (int i = lineStart; i < lineStart + lineLength; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
