package org.entropyworkbench.core.provider;

import java.io.IOException;
import java.util.Arrays;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads lines of bytes from a live response body (server-sent events, Ollama's NDJSON) into one
 * reused array, accepting "\n", "\r" and "\r\n" line ends (WHATWG event-stream rules). Bytes are
 * decoded by the JSON parser, never here, so a multibyte character split across network reads is
 * never broken.
 *
 * <p>Why not {@code core.run.JsonlFileLineReader}: a line is handed over as soon as its terminator
 * has arrived; after a "\r" it does not wait for a possible "\n" (that is skipped on the next call),
 * so a token is never held back behind the next network frame. The file reader reads ahead in
 * blocks and treats a lone "\r" as part of a line.
 *
 * <p>Owned by one streaming thread; not thread-safe.
 */
final class LiveStreamLineReader {
    private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");

    private final BufferedSource source;
    private byte[] line = new byte[2048];
    private int length;
    private boolean skipLeadingLf;
    private boolean lastWasTerminated = true;

    LiveStreamLineReader(BufferedSource source) {
        this.source = source;
    }

    /**
     * Reads the next line (without its terminator). Blocks until a whole line or the end of the body
     * is there.
     *
     * @return false at the end of the body with nothing left
     */
    boolean next() throws IOException {
        if (skipLeadingLf) {
            skipLeadingLf = false;
            if (source.request(1) && source.getBuffer().getByte(0) == '\n') {
                source.skip(1);
            }
        }
        long end = source.indexOfElement(LINE_ENDS);
        Buffer buffer = source.getBuffer();
        if (end < 0) {
            long rest = buffer.size();
            if (rest == 0) {
                return false;
            }
            copy((int) rest);
            lastWasTerminated = false;
            return true;
        }
        copy((int) end);
        byte terminator = source.readByte();
        skipLeadingLf = terminator == '\r';
        lastWasTerminated = true;
        return true;
    }

    private void copy(int n) throws IOException {
        if (line.length < n) {
            line = Arrays.copyOf(line, Math.max(n, line.length * 2));
        }
        int off = 0;
        while (off < n) {
            int r = source.read(line, off, n - off);
            if (r < 0) {
                throw new IOException("response body ended inside a line");
            }
            off += r;
        }
        length = n;
    }

    /** Bytes of the current line; valid until the next call to {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** False when the current line was cut off by the end of the body (no line terminator). */
    boolean terminated() {
        return lastWasTerminated;
    }

    /** Whether the current line, from {@code offset}, starts with the ASCII text {@code prefix}. */
    boolean startsWith(int offset, String prefix) {
        int n = prefix.length();
        if (offset + n > length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (line[offset + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the current line is only spaces and tabs. */
    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
