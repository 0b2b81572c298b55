package org.entropyworkbench.core.io;

import java.nio.charset.MalformedInputException;

/**
 * A line that is not well-formed UTF-8 under {@link LineRules.Encoding#STRICT_UTF8}. Carries the
 * 1-based line number (as a text editor counts) so the caller's message can name file and line.
 */
public final class NotUtf8Exception extends MalformedInputException {

    private static final long serialVersionUID = 1L;

    private final long lineNumber;

    NotUtf8Exception(long lineNumber) {
        super(1);
        this.lineNumber = lineNumber;
    }

    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public String getMessage() {
        return "line " + lineNumber + " is not UTF-8 text";
    }
}
