package org.entropyworkbench.core.dataset;

import java.util.regex.Pattern;

/**
 * Recognises gold answers of AIME-style datasets: integers 0..999, written with or without leading
 * zeros ("042") and possibly as a whole-valued decimal ("7.0", which is how JSON numbers sometimes
 * come back). Stateless; any thread.
 */
public final class IntegerAnswers {

    private static final Pattern INTEGER_TEXT = Pattern.compile("\\d{1,12}(?:\\.0+)?");

    private IntegerAnswers() {
    }

    /** The canonical text ("42") of an answer in 0..999, or null when the text is not one. */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (!INTEGER_TEXT.matcher(t).matches()) {
            return null;
        }
        int dot = t.indexOf('.');
        long value = Long.parseLong(dot < 0 ? t : t.substring(0, dot));
        return value <= 999 ? Long.toString(value) : null;
    }
}
