package org.entropyworkbench.core.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run file that cannot be used at all: unreadable, empty, or without a valid header line.
 * The message always names the file (and the line when there is one), so callers can show it as is.
 */
public class RunFileException extends IOException {

    private final Path file;
    private final long lineNumber;

    /** A problem with the file as a whole (lineNumber is 0). */
    public RunFileException(Path file, String message) {
        this(file, 0, message, null);
    }

    /** A problem with the file as a whole, caused by a lower-level failure. */
    public RunFileException(Path file, String message, Throwable cause) {
        this(file, 0, message, cause);
    }

    public RunFileException(Path file, long lineNumber, String message) {
        this(file, lineNumber, message, null);
    }

    public RunFileException(Path file, long lineNumber, String message, Throwable cause) {
        super(describe(file, lineNumber) + ": " + message, cause);
        this.file = file;
        this.lineNumber = lineNumber;
    }

    public Path file() { return file; }

    /** 1-based line the problem is on, or 0 when it concerns the whole file. */
    public long lineNumber() { return lineNumber; }

    /** "run.jsonl line 17" or "run.jsonl" when there is no line. */
    static String describe(Path file, long lineNumber) {
        Path name = file == null ? null : file.getFileName();
        String shown = name == null ? String.valueOf(file) : name.toString();
        return lineNumber > 0 ? shown + " line " + lineNumber : shown;
    }
}
