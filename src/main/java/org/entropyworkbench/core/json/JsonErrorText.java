package org.entropyworkbench.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Turns a Jackson parse error into the short reason a user message needs. Jackson appends source
 * details such as {@code (start marker at [Source: REDACTED ...; line: 1, column: 1])} to some
 * messages; the caller already names the file and line, so that tail is noise and is cut.
 * Stateless; any thread.
 */
public final class JsonErrorText {

    private static final String START_MARKER = " (start marker at ";

    private JsonErrorText() {
    }

    /** The reason alone, e.g. "Unexpected end-of-input: expected close marker for Object". */
    public static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int marker = message.indexOf(START_MARKER);
        String reason = marker >= 0 ? message.substring(0, marker) : message;
        return reason.replace('\n', ' ').strip();
    }
}
