package org.entropyworkbench.core.grading;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grades AIME-style answers (method.md section 12, item 7): the answer is the content of the last
 * non-empty {@code \boxed{...}}, else the last number in the text; it is compared with the expected
 * integer as an integer. "042" and "7.0" read as 42 and 7; "1,000" reads as 1000, which is outside
 * 0..999 and so wrong; negative and non-integer numbers are wrong; a box holding something that is
 * not a number is wrong with that text as the extracted answer; no answer at all is ungradable.
 * Stateless; any thread.
 */
public final class AimeIntegerGrader implements Grader {

    private static final String NUMBER = "[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final Pattern WHOLE_NUMBER = Pattern.compile(NUMBER);
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile("(?<![\\w.])" + NUMBER + "(?![\\w])");

    @Override
    public Grade grade(String response, String expected) {
        String extracted = extract(response);
        if (extracted == null) {
            return Grade.ungradable();
        }
        BigDecimal value = parse(extracted);
        BigDecimal gold = parse(expected == null ? "" : expected.strip());
        if (value == null || gold == null) {
            return new Grade(extracted, gold == null && expected != null && extracted.equals(expected.strip()));
        }
        boolean inRange = isInteger(value) && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(999)) <= 0;
        return new Grade(extracted, inRange && value.compareTo(gold) == 0);
    }

    /** The answer as text (numbers in canonical form, e.g. "42", "1000", "7.5"), or null when there is none. */
    public static String extract(String response) {
        if (response == null) {
            return null;
        }
        String boxed = LatexAnswers.lastBoxed(response);
        if (boxed != null) {
            String content = LatexAnswers.clean(boxed);
            int eq = content.lastIndexOf('=');
            if (eq >= 0 && eq < content.length() - 1) {
                content = content.substring(eq + 1).strip();
            }
            String compact = content.replace(" ", "");
            return WHOLE_NUMBER.matcher(compact).matches() ? canonical(compact) : content;
        }
        Matcher m = NUMBER_IN_TEXT.matcher(response.replace('\u2212', '-'));
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last == null ? null : canonical(last);
    }

    private static String canonical(String number) {
        BigDecimal value = parse(number);
        if (value == null) {
            return number;
        }
        return isInteger(value) ? value.toBigInteger().toString() : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal parse(String text) {
        String t = text.replace(",", "").replace("+", "");
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isInteger(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
