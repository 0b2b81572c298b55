package org.entropyworkbench.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Jackson parse error into the short reason a user message needs. Jackson appends source
 * details such as {@code (start marker at [Source: REDACTED ...; line: 1, column: 1])} to some
 * messages; the caller already names the file and line, so that tail is noise and is cut.
 * Stateless; any thread.
 */
public final class JsonErrorText {

    private static final String START_MARKER = " (start marker at ";
    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\(?(\\d+)");

    private JsonErrorText() {
    }

    /** The reason alone, e.g. "Unexpected end-of-input: expected close marker for Object". */
    public static String reason(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return limitReason(e.getOriginalMessage());
        }
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int marker = message.indexOf(START_MARKER);
        String reason = marker >= 0 ? message.substring(0, marker) : message;
        return reason.replace('\n', ' ').strip();
    }

    /** True when the error is a size limit of the reader, not broken JSON. */
    public static boolean isSizeLimit(JsonProcessingException e) {
        return e instanceof StreamConstraintsException;
    }

    /** A reader limit in the user's words, naming the limit instead of Jackson's setting. */
    private static String limitReason(String message) {
        String m = message == null ? "" : message;
        Matcher limit = LIMIT.matcher(m);
        String n = limit.find() ? String.format(Locale.ROOT, "%,d", Long.parseLong(limit.group(1))) : "the reader's";
        if (m.startsWith("String value length")) {
            return "a text value is longer than the limit of " + n + " characters";
        }
        if (m.startsWith("Number value length")) {
            return "a number is longer than the limit of " + n + " digits";
        }
        if (m.contains("nesting depth")) {
            return "values are nested deeper than the limit of " + n + " levels";
        }
        if (m.startsWith("Document length")) {
            return "the document is longer than the limit of " + n + " bytes";
        }
        return "a value exceeds the limit of " + n;
    }
}
