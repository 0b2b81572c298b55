package org.entropyworkbench.core.protocol;

import java.io.IOException;

/** A prompt file that cannot be read or does not hold a valid prompt set; the message names the file and field. */
public class PromptSetFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public PromptSetFileException(String message) {
        super(message);
    }

    public PromptSetFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
