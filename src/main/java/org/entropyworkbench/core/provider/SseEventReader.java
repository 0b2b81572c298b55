package org.entropyworkbench.core.provider;

import java.io.IOException;
import java.util.Arrays;
import okio.BufferedSource;
import org.entropyworkbench.core.io.LineRules;
import org.entropyworkbench.core.io.LineSplitter;

/**
 * A strict server-sent-events reader for POST responses (apis.md section 8.2): events end at a
 * blank line; several {@code data:} lines are joined with "\n"; {@code :} comment lines (OpenRouter
 * keep-alives) and unknown fields are ignored; one optional space after the colon is stripped.
 * Two error forms are recognised: {@code event: error} and llama.cpp's non-standard
 * {@code error: {...}} line, which a plain SSE parser would drop.
 *
 * <p>Lines come from the shared {@link LineSplitter} under {@link LineRules#liveStream()}: "\n", "\r" and
 * "\r\n" end a line (WHATWG rules) and a line is handed over as soon as its end has arrived.
 *
 * <p>Owned by one streaming thread; the event data lives in one reused array.
 */
final class SseEventReader {
    /** What {@link #next()} found. */
    enum Kind { DATA, ERROR, END }

    private final LineSplitter lines;
    private byte[] data = new byte[4096];
    private int dataLength;
    private boolean hasData;
    private boolean errorEvent;
    private boolean endedWithFragment;

    SseEventReader(BufferedSource source) {
        this.lines = LineSplitter.reading(source.inputStream(), LineRules.liveStream());
    }

    /** Blocks until the next complete event or the end of the body. */
    Kind next() throws IOException {
        dataLength = 0;
        hasData = false;
        errorEvent = false;
        while (lines.next()) {
            if (!lines.terminated()) {
                endedWithFragment = true;
            }
            int n = lines.lineLength();
            if (n == 0) {
                if (hasData) {
                    return errorEvent ? Kind.ERROR : Kind.DATA;
                }
                errorEvent = false;
                continue;
            }
            byte[] b = lines.buffer();
            int at = lines.lineStart();
            if (b[at] == ':') {
                continue;
            }
            int colon = indexOfColon(b, at, n);
            int valueStart = colon < 0 ? n : colon + 1;
            if (valueStart < n && b[at + valueStart] == ' ') {
                valueStart++;
            }
            int fieldLength = colon < 0 ? n : colon;
            if (fieldIs(b, at, fieldLength, "data")) {
                appendData(b, at + valueStart, n - valueStart);
            } else if (fieldIs(b, at, fieldLength, "error")) {
                errorEvent = true;
                dataLength = 0;
                hasData = false;
                appendData(b, at + valueStart, n - valueStart);
            } else if (fieldIs(b, at, fieldLength, "event")) {
                if (fieldIs(b, at + valueStart, n - valueStart, "error")) {
                    errorEvent = true;
                }
            }
        }
        if (hasData) {
            return errorEvent ? Kind.ERROR : Kind.DATA;
        }
        return Kind.END;
    }

    /** Whether the body ended in the middle of a line (a cut connection, not a clean end). */
    boolean endedWithFragment() {
        return endedWithFragment;
    }

    byte[] data() {
        return data;
    }

    int dataLength() {
        return dataLength;
    }

    /** Whether the event data is the end marker ({@code [DONE]}, checked as a prefix like openai-python). */
    boolean isDone() {
        return dataLength >= 6 && data[0] == '[' && data[1] == 'D' && data[2] == 'O' && data[3] == 'N'
                && data[4] == 'E' && data[5] == ']';
    }

    /** The event data as text, cut to {@code max} characters, for error messages only. */
    String dataSnippet(int max) {
        String s = new String(data, 0, dataLength, java.nio.charset.StandardCharsets.UTF_8);
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private void appendData(byte[] src, int off, int len) {
        int extra = hasData ? 1 : 0;
        int needed = dataLength + extra + len;
        if (data.length < needed) {
            data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
        }
        if (hasData) {
            data[dataLength++] = '\n';
        }
        System.arraycopy(src, off, data, dataLength, len);
        dataLength += len;
        hasData = true;
    }

    /** Index of the first ':' in the line's {@code n} bytes from {@code at}, relative to {@code at}; -1 if none. */
    private static int indexOfColon(byte[] b, int at, int n) {
        for (int i = 0; i < n; i++) {
            if (b[at + i] == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Whether the {@code length} bytes from {@code at} are exactly the ASCII text {@code name}. */
    private static boolean fieldIs(byte[] b, int at, int length, String name) {
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b[at + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
