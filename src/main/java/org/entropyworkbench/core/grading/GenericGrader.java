package org.entropyworkbench.core.grading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grades free-form answers of user datasets. The answer is the last non-empty {@code \boxed{...}},
 * else the rest of the line after the last "answer:" / "answer is", else the last non-blank line.
 * When the expected answer is a number (also "1,000", "50%", "$3", "3/4" or {@code \frac{3}{4}}),
 * the last number in the extracted answer must equal it within 1e-6 relative; otherwise the two
 * must be equal after ignoring case, accents, whitespace and punctuation. Stateless; any thread.
 */
public final class GenericGrader implements Grader {

    private static final double RELATIVE_TOLERANCE = 1e-6;
    private static final Pattern ANSWER_LINE =
            Pattern.compile("(?i)\\b(?:final\\s+answer|answer)\\b[\\s*_]*(?:is\\b\\s*:?|:)[\\s*_]*(.*)$", Pattern.MULTILINE);
    private static final Pattern FRACTION = Pattern.compile("\\\\[dt]?frac\\s*\\{([^{}]*)\\}\\s*\\{([^{}]*)\\}");
    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\w.])-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s*/\\s*\\d+(?:\\.\\d+)?)?(?![\\w])"
                    + "|(?<![\\w.])-?\\.\\d+(?![\\w])");

    @Override
    public Grade grade(String response, String expected) {
        String extracted = extract(response);
        if (extracted == null) {
            return Grade.ungradable();
        }
        String gold = expected == null ? "" : LatexAnswers.clean(expected);
        BigDecimal goldNumber = wholeNumber(gold);
        if (goldNumber != null) {
            BigDecimal answerNumber = lastNumber(extracted);
            if (answerNumber != null) {
                return new Grade(extracted, closeEnough(answerNumber, goldNumber));
            }
        }
        return new Grade(extracted, normalise(extracted).equals(normalise(gold)));
    }

    /** The extracted answer text, or null when the response is blank. */
    public static String extract(String response) {
        if (response == null || response.isBlank()) {
            return null;
        }
        String boxed = LatexAnswers.lastBoxed(response);
        if (boxed != null) {
            return LatexAnswers.clean(boxed);
        }
        Matcher m = ANSWER_LINE.matcher(response);
        String stated = null;
        while (m.find()) {
            String rest = LatexAnswers.clean(m.group(1));
            if (!rest.isEmpty()) {
                stated = rest;
            }
        }
        if (stated != null) {
            return stated;
        }
        String[] lines = response.strip().split("\\R");
        String last = LatexAnswers.clean(lines[lines.length - 1]);
        return last.isEmpty() ? null : last;
    }

    /** Lower case, accents removed, every run of non-letters/digits one space, trimmed. */
    static String normalise(String text) {
        String s = Normalizer.normalize(LatexAnswers.clean(text), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The number the whole text stands for, or null when it is not just a number. */
    private static BigDecimal wholeNumber(String text) {
        String t = numberText(text);
        Matcher m = NUMBER.matcher(t);
        return m.matches() ? toNumber(m.group()) : null;
    }

    private static BigDecimal lastNumber(String text) {
        Matcher m = NUMBER.matcher(numberText(text));
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last == null ? null : toNumber(last);
    }

    private static String numberText(String text) {
        String t = FRACTION.matcher(text).replaceAll("$1/$2");
        return t.replace("\\%", "").replace("%", "").replace("\\$", "").replace("$", "").replace('\u2212', '-').strip();
    }

    private static BigDecimal toNumber(String text) {
        String t = text.replace(",", "").replace(" ", "");
        try {
            int slash = t.indexOf('/');
            if (slash < 0) {
                return new BigDecimal(t);
            }
            BigDecimal denominator = new BigDecimal(t.substring(slash + 1));
            if (denominator.signum() == 0) {
                return null;
            }
            return new BigDecimal(t.substring(0, slash)).divide(denominator, MathContext.DECIMAL64);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean closeEnough(BigDecimal a, BigDecimal b) {
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (x == y) {
            return true;
        }
        return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    }
}
