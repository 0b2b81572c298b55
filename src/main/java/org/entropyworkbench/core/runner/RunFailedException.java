package org.entropyworkbench.core.runner;

/**
 * A run stopped because continuing cannot help (a fatal server error, no logprobs, an unwritable
 * file, a resume that does not match). The message is meant for the user as is: it names the
 * server, model, file or question concerned, and never an API key. Completed steps stay recorded.
 */
public class RunFailedException extends Exception {
    public RunFailedException(String message) {
        super(message);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
