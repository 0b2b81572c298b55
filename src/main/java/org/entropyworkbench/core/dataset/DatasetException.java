package org.entropyworkbench.core.dataset;

import java.io.IOException;

/**
 * A dataset file that cannot be used at all: unreadable, empty, of an unknown shape, naming a
 * field that does not exist, or without a single usable row. The message always names the file
 * and, where it applies, the line (or JSON record index) and the field, so it can be shown to the
 * user as it is. Rows that are merely malformed are not exceptions: they become warnings of the
 * loaded {@link Dataset}.
 */
public class DatasetException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
