package org.entropyworkbench.core.calibration;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A calibration file that cannot be used. The message names the file and, for a bad value, the
 * field path, e.g. {@code calibration.json: field "methods.bayes-optimal.tau": expected a number, got "abc"},
 * so callers can show it as is.
 */
public class CalibrationFileException extends IOException {

    private final Path file;
    private final String field;

    /** A problem with the file as a whole (e.g. empty). */
    public CalibrationFileException(Path file, String message) {
        this(file, message, (Throwable) null);
    }

    /** A problem with the file as a whole (unreadable, not JSON). */
    public CalibrationFileException(Path file, String message, Throwable cause) {
        super(name(file) + ": " + message, cause);
        this.file = file;
        this.field = null;
    }

    /** A bad or missing field; {@code field} is the dotted path from the root object. */
    public CalibrationFileException(Path file, String field, String message) {
        super(name(file) + ": field \"" + field + "\": " + message);
        this.file = file;
        this.field = field;
    }

    public Path file() { return file; }

    /** Dotted path of the bad field, or null when the problem is not about one field. */
    public String field() { return field; }

    private static String name(Path file) {
        Path n = file == null ? null : file.getFileName();
        return n == null ? String.valueOf(file) : n.toString();
    }
}
