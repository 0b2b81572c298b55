package org.entropyworkbench.core.grading;

import java.util.regex.Pattern;

/**
 * Shared text helpers of the graders: the content of the last non-empty {@code \boxed{...}} (or
 * {@code \fbox{...}}) with nested braces, and the removal of LaTeX decoration around an answer
 * ({@code \text{}}, {@code $}, {@code ^\circ}, thin spaces, a trailing full stop). Stateless; any thread.
 */
final class LatexAnswers {

    private static final Pattern BOX_START = Pattern.compile("\\\\(?:boxed|fbox)\\s*\\{");
    private static final Pattern WRAPPER =
            Pattern.compile("\\\\(?:text|textbf|textrm|mathrm|mathbf|mbox|operatorname)\\s*\\{([^{}]*)\\}");
    private static final Pattern DEGREES = Pattern.compile("\\^\\s*\\{?\\s*\\\\circ\\s*\\}?");
    private static final Pattern SPACING = Pattern.compile("\\\\[,;:! ]|\\\\quad|\\\\qquad|\\\\left|\\\\right|\\\\displaystyle|~");

    private LatexAnswers() {
    }

    /** Content of the last boxed expression that is not blank, or null when there is none. */
    static String lastBoxed(String text) {
        if (text == null) {
            return null;
        }
        String last = null;
        var m = BOX_START.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int open = m.end();
            int depth = 1;
            int i = open;
            while (i < text.length() && depth > 0) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                i++;
            }
            if (depth == 0) {
                String content = text.substring(open, i - 1);
                if (!clean(content).isEmpty()) {
                    last = content;
                }
                from = i;
            } else {
                from = open;
            }
        }
        return last;
    }

    /** The answer without LaTeX decoration, trimmed. */
    static String clean(String answer) {
        String s = answer;
        String previous;
        do {
            previous = s;
            s = WRAPPER.matcher(s).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(r.group(1)));
        } while (!s.equals(previous));
        s = DEGREES.matcher(s).replaceAll("");
        s = SPACING.matcher(s).replaceAll(" ");
        s = s.replace("$", "").replace('\u2212', '-').strip();
        while (s.endsWith(".") || s.endsWith("*")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        while (s.startsWith("*")) {
            s = s.substring(1).strip();
        }
        while (s.length() >= 2 && s.startsWith("{") && s.endsWith("}") && closesAtEnd(s)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** True when the brace opening {@code s} is closed by its last character (so "{1}{2}" is not one group). */
    private static boolean closesAtEnd(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
