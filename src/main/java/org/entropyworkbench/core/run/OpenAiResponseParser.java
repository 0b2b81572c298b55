package org.entropyworkbench.core.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.token.Channel;

/**
 * Reads one raw OpenAI chat completion (one line of an import file) with Jackson's streaming
 * parser, straight from the line's bytes: no tree, alternatives collected in reusable arrays and
 * turned into entropies as soon as each token's object closes.
 *
 * <p>It accepts and refuses exactly what reading the line as a Jackson tree and looking fields up
 * by name did, with the same messages: a later duplicate key replaces an earlier one, values of
 * another type read as Jackson's {@code asText()} renders them, and when several things are wrong
 * the first in the order "not JSON, not an object, API error, choices, workbench metadata
 * (q, step, expected, answerKind), logprobs" is reported. So problems are only recorded while
 * reading and thrown once the whole line has been read.
 *
 * <p>Most lines never reach Jackson: {@link OpenAiFastResponseParser} reads the common shape from the
 * bytes and hands anything unusual back here.
 *
 * <p>Not thread-safe (scratch arrays): one instance per importing thread.
 */
final class OpenAiResponseParser {

    private static final int[] KS = TopKEntropy.ABLATION_KS;
    private static final String CONTENT_FIELD = "choices[0].logprobs.content";
    private static final String META = OpenAiResponseImporter.METADATA_FIELD;

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};

    private final OpenAiFastResponseParser fastPath;
    private final boolean recordTop;
    private final double[] entropies = new double[KS.length];
    private double[] altLogprobs = new double[32];
    private String[] altTokens = new String[32];

    /** @param recordTop whether each token's raw alternatives are kept in {@link OpenAiResponse#top} */
    OpenAiResponseParser(boolean recordTop) {
        this.recordTop = recordTop;
        this.fastPath = new OpenAiFastResponseParser(recordTop);
    }

    /** What one line said, before its problems are ranked. */
    private static final class LineState {
        final OpenAiResponse response;
        boolean apiError;
        String apiErrorMessage;
        boolean choicesUsable;
        boolean metadataPresent;
        boolean metadataNotObject;
        FieldException qProblem;
        FieldException stepProblem;
        FieldException expectedProblem;
        FieldException kindProblem;
        FieldException logprobsProblem;
        String questionId;
        int step;
        boolean createdKnown;
        long createdSeconds;
        boolean metaStartedAtKnown;
        long metaStartedAt;

        LineState(boolean recordTop) {
            response = new OpenAiResponse(recordTop);
        }
    }

    /**
     * Parses the line {@code [offset, offset + length)} of {@code bytes}.
     *
     * <p>Bytes are parsed directly; a line that starts with a byte-order mark or is not valid JSON is
     * parsed again as text, because Jackson's text parser (what reading the line as a string used)
     * refuses the mark and words some syntax errors differently from its byte parser.
     *
     * @throws FieldException                                      a field has the wrong shape (named)
     * @throws com.fasterxml.jackson.core.JsonProcessingException the line is not valid JSON
     */
    OpenAiResponse parse(byte[] bytes, int offset, int length, long lineNumber) throws IOException {
        OpenAiResponse fast = fastPath.parse(bytes, offset, length, lineNumber);
        if (fast != null) {
            return fast;
        }
        return parseWithJackson(bytes, offset, length, lineNumber);
    }

    /** The Jackson path alone (what {@link #parse} falls back to); for tests comparing both paths. */
    OpenAiResponse parseWithJackson(byte[] bytes, int offset, int length, long lineNumber) throws IOException {
        if (!startsWithByteOrderMark(bytes, offset, length)) {
            try (JsonParser p = JsonFields.FACTORY.createParser(bytes, offset, length)) {
                return parse(p, lineNumber);
            } catch (JsonProcessingException e) {
                // fall through: the text parser gives the message users saw before
            }
        }
        try (JsonParser p = JsonFields.FACTORY.createParser(new String(bytes, offset, length, StandardCharsets.UTF_8))) {
            return parse(p, lineNumber);
        }
    }

    private OpenAiResponse parse(JsonParser p, long lineNumber) throws IOException {
        LineState s = new LineState(recordTop);
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            p.skipChildren();
            p.finishToken();
            throw new FieldException(null, "expected a JSON object (one chat completion per line)");
        }
        readRoot(p, s);
        return finish(s, lineNumber);
    }

    private static boolean startsWithByteOrderMark(byte[] b, int offset, int length) {
        return length >= 3 && b[offset] == (byte) 0xef && b[offset + 1] == (byte) 0xbb && b[offset + 2] == (byte) 0xbf;
    }

    private OpenAiResponse finish(LineState s, long lineNumber) {
        if (s.apiError) {
            throw new FieldException("error", "an API error response, not a completion"
                    + (s.apiErrorMessage != null ? ": " + s.apiErrorMessage : ""));
        }
        if (!s.choicesUsable) {
            throw new FieldException("choices", "missing or empty");
        }
        OpenAiResponse r = s.response;
        r.questionId = "line-" + lineNumber;
        r.step = 1;
        r.startedAt = s.createdKnown ? s.createdSeconds * 1000 : 0;
        if (s.metadataPresent) {
            if (s.metadataNotObject) {
                throw new FieldException(META, "expected an object");
            }
            throwIfSet(s.qProblem);
            throwIfSet(s.stepProblem);
            throwIfSet(s.expectedProblem);
            throwIfSet(s.kindProblem);
            if (s.questionId != null) {
                r.questionId = s.questionId;
            }
            if (s.step > 0) {
                r.step = s.step;
            }
            if (s.metaStartedAtKnown) {
                r.startedAt = s.metaStartedAt;
            }
        }
        throwIfSet(s.logprobsProblem);
        return r;
    }

    private static void throwIfSet(FieldException e) {
        if (e != null) {
            throw e;
        }
    }

    // ------------------------------------------------------------------ the completion object

    private void readRoot(JsonParser p, LineState s) throws IOException {
        OpenAiResponse r = s.response;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "error" -> readApiError(p, t, s);
                case "choices" -> readChoices(p, t, s);
                case "model" -> r.model = textOrNull(p, t);
                case "usage" -> readUsage(p, t, r);
                case "created" -> {
                    s.createdKnown = isLongConvertible(p, t);
                    s.createdSeconds = s.createdKnown ? longValue(p, t) : 0;
                }
                case OpenAiResponseImporter.METADATA_FIELD -> readMetadata(p, t, s);
                default -> p.skipChildren();
            }
        }
    }

    private static void readApiError(JsonParser p, JsonToken t, LineState s) throws IOException {
        s.apiError = true;
        s.apiErrorMessage = null;
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("message")) {
                s.apiErrorMessage = v == JsonToken.VALUE_STRING ? p.getText() : null;
            }
            p.skipChildren();
        }
    }

    private static void readUsage(JsonParser p, JsonToken t, OpenAiResponse r) throws IOException {
        r.completionTokens = -1;
        r.promptTokens = -1;
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "completion_tokens" -> r.completionTokens = isInt(p, v) ? p.getIntValue() : -1;
                case "prompt_tokens" -> r.promptTokens = isInt(p, v) ? p.getIntValue() : -1;
                default -> p.skipChildren();
            }
        }
    }

    private void readChoices(JsonParser p, JsonToken t, LineState s) throws IOException {
        OpenAiResponse r = s.response;
        r.text = null;
        r.reasoning = null;
        r.finish = null;
        resetLogprobs(s);
        s.choicesUsable = false;
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken element = p.nextToken();
        if (element == JsonToken.END_ARRAY) {
            return;
        }
        s.choicesUsable = true;
        if (element == JsonToken.START_OBJECT) {
            readChoice(p, s);
        } else {
            p.skipChildren();
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
    }

    private void readChoice(JsonParser p, LineState s) throws IOException {
        OpenAiResponse r = s.response;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "message" -> readMessage(p, t, r);
                case "finish_reason" -> r.finish = textOrNull(p, t);
                case "logprobs" -> readLogprobs(p, t, s);
                default -> p.skipChildren();
            }
        }
    }

    private static void readMessage(JsonParser p, JsonToken t, OpenAiResponse r) throws IOException {
        r.text = null;
        String reasoning = null;
        String reasoningContent = null;
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            r.reasoning = null;
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "content" -> r.text = textOrNull(p, v);
                case "reasoning" -> reasoning = textOrNull(p, v);
                case "reasoning_content" -> reasoningContent = textOrNull(p, v);
                default -> p.skipChildren();
            }
        }
        r.reasoning = reasoning != null ? reasoning : reasoningContent;
    }

    // ------------------------------------------------------------------ metadata

    private static void readMetadata(JsonParser p, JsonToken t, LineState s) throws IOException {
        OpenAiResponse r = s.response;
        s.metadataPresent = t != JsonToken.VALUE_NULL;
        s.metadataNotObject = false;
        s.qProblem = null;
        s.stepProblem = null;
        s.expectedProblem = null;
        s.kindProblem = null;
        s.questionId = null;
        s.step = 0;
        s.metaStartedAtKnown = false;
        r.expected = null;
        r.kind = null;
        r.temperature = Double.NaN;
        r.maxTokens = 0;
        r.promptHash = null;
        r.durationMs = 0;
        if (t != JsonToken.START_OBJECT) {
            s.metadataNotObject = s.metadataPresent;
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "q" -> readQuestionId(p, v, s);
                case "step" -> readStep(p, v, s);
                case "expected" -> readExpected(p, v, s);
                case "answerKind" -> readAnswerKind(p, v, s);
                case "temperature" -> r.temperature = v != null && v.isNumeric() ? p.getDoubleValue() : skipTo(p, Double.NaN);
                case "maxTokens" -> r.maxTokens = isInt(p, v) ? p.getIntValue() : (int) skipTo(p, 0);
                case "promptHash" -> r.promptHash = textOrNull(p, v);
                case "startedAt" -> {
                    s.metaStartedAtKnown = isLongConvertible(p, v);
                    s.metaStartedAt = s.metaStartedAtKnown ? longValue(p, v) : 0;
                }
                case "durationMs" -> r.durationMs = isLongConvertible(p, v) ? longValue(p, v) : 0;
                default -> p.skipChildren();
            }
        }
    }

    private static void readQuestionId(JsonParser p, JsonToken v, LineState s) throws IOException {
        s.qProblem = null;
        s.questionId = null;
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT) {
            s.questionId = textOrNull(p, v);
            return;
        }
        p.skipChildren();
        s.qProblem = new FieldException(META + ".q", "expected a string");
    }

    private static void readStep(JsonParser p, JsonToken v, LineState s) throws IOException {
        s.stepProblem = null;
        s.step = 0;
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (isInt(p, v) && p.getIntValue() >= 1) {
            s.step = p.getIntValue();
            return;
        }
        p.skipChildren();
        s.stepProblem = new FieldException(META + ".step", "expected an integer of 1 or more");
    }

    private static void readExpected(JsonParser p, JsonToken v, LineState s) throws IOException {
        s.expectedProblem = null;
        s.response.expected = null;
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            p.skipChildren();
            s.expectedProblem = new FieldException(META + ".expected", "expected a string or number");
            return;
        }
        s.response.expected = textOrNull(p, v);
    }

    private static void readAnswerKind(JsonParser p, JsonToken v, LineState s) throws IOException {
        s.kindProblem = null;
        s.response.kind = null;
        String kind = textOrNull(p, v);
        if (kind == null) {
            return;
        }
        try {
            s.response.kind = AnswerKind.fromWireName(kind);
        } catch (IllegalArgumentException e) {
            s.kindProblem = new FieldException(META + ".answerKind", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ logprobs

    private static void resetLogprobs(LineState s) {
        OpenAiResponse r = s.response;
        r.hasLogprobs = false;
        r.topK = 0;
        if (r.entropy.size() > 0 || (r.top != null && !r.top.isEmpty())) {
            r.entropy = new StepEntropyAccumulator();
            r.top = r.top == null ? null : new ArrayList<>();
        }
        s.logprobsProblem = null;
    }

    private void readLogprobs(JsonParser p, JsonToken t, LineState s) throws IOException {
        resetLogprobs(s);
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (!name.equals("content")) {
                p.skipChildren();
                continue;
            }
            resetLogprobs(s);
            if (v == JsonToken.VALUE_NULL) {
                continue;
            }
            if (v != JsonToken.START_ARRAY) {
                p.skipChildren();
                s.logprobsProblem = new FieldException(CONTENT_FIELD, "expected an array");
                continue;
            }
            readContent(p, s);
        }
    }

    private void readContent(JsonParser p, LineState s) throws IOException {
        OpenAiResponse r = s.response;
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            r.hasLogprobs = true;
            if (s.logprobsProblem != null) {
                p.skipChildren();
            } else if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                s.logprobsProblem = new FieldException(CONTENT_FIELD + "[" + index + "]", "expected an object");
            } else {
                s.logprobsProblem = readEntry(p, r, index);
            }
            index++;
        }
    }

    /** One position: its alternatives become entropies at the closing brace. Returns the problem, or null. */
    private FieldException readEntry(JsonParser p, OpenAiResponse r, int index) throws IOException {
        String token = "";
        int count = 0;
        FieldException problem = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "token" -> token = textOrEmpty(p, v);
                case "top_logprobs" -> {
                    count = 0;
                    problem = null;
                    if (v == JsonToken.START_ARRAY) {
                        JsonToken a;
                        while ((a = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (a == JsonToken.START_OBJECT && problem == null) {
                                readAlternative(p, count);
                            } else {
                                p.skipChildren();
                                if (problem == null) {
                                    problem = new FieldException(CONTENT_FIELD + "[" + index + "].top_logprobs[" + count + "]",
                                            "expected an object");
                                }
                            }
                            count++;
                        }
                    } else if (v != JsonToken.VALUE_NULL) {
                        p.skipChildren();
                        problem = new FieldException(CONTENT_FIELD + "[" + index + "].top_logprobs", "expected an array");
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (problem != null) {
            return problem;
        }
        r.topK = Math.max(r.topK, count);
        double tail = TopKEntropy.forThisThread().compute(altLogprobs, altTokens, count, KS, entropies);
        r.entropy.add(entropies, tail, Channel.ANSWER, token);
        if (r.top != null) {
            r.top.add(new StepRecord.TopLogprobs(List.of(Arrays.copyOf(altTokens, count)), Arrays.copyOf(altLogprobs, count)));
        }
        return null;
    }

    private void readAlternative(JsonParser p, int j) throws IOException {
        if (j == altTokens.length) {
            altTokens = Arrays.copyOf(altTokens, j * 2);
            altLogprobs = Arrays.copyOf(altLogprobs, j * 2);
        }
        String token = "";
        double logprob = Double.NaN;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("token")) {
                token = textOrEmpty(p, v);
            } else if (name.equals("logprob")) {
                logprob = number(p, v);
            } else {
                p.skipChildren();
            }
        }
        altTokens[j] = token;
        altLogprobs[j] = logprob;
    }

    // ------------------------------------------------------------------ values as the tree rendered them

    /** A logprob as sent: numbers as they are; NaN/Infinity literals or strings, and anything else, as NaN. */
    private static double number(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT) {
            double exact = shortDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            return Double.isNaN(exact) ? p.getDoubleValue() : exact;
        }
        if (v == JsonToken.VALUE_STRING) {
            try {
                return Double.parseDouble(p.getText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        p.skipChildren();
        return Double.NaN;
    }

    /**
     * A plain decimal such as {@code -54.125317} with at most 15 digits and no exponent, converted
     * exactly: the digits form an integer below 2^53 and 10^fraction-digits is an exact double, so one
     * IEEE division gives the correctly rounded value, the same double Jackson's parser returns
     * (Clinger's fast path). NaN when the text is not of that form; the caller then asks Jackson.
     */
    static double shortDecimal(char[] c, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && c[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = -1;
        for (; i < end; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                mantissa = mantissa * 10 + (ch - '0');
                digits++;
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            } else if (ch == '.' && fractionDigits < 0) {
                fractionDigits = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
        return negative ? -value : value;
    }

    /** Jackson's {@code asText()} of a present value; null for JSON null; "" for objects and arrays. */
    private static String textOrNull(JsonParser p, JsonToken v) throws IOException {
        if (v == null || v == JsonToken.VALUE_NULL) {
            return null;
        }
        switch (v) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> Integer.toString(p.getIntValue());
                    case LONG -> Long.toString(p.getLongValue());
                    default -> p.getBigIntegerValue().toString();
                };
            case VALUE_NUMBER_FLOAT:
                return Double.toString(p.getDoubleValue());
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            default:
                p.skipChildren();
                return "";
        }
    }

    /** Jackson's {@code asText("")}: like {@link #textOrNull} but "" for JSON null. */
    private static String textOrEmpty(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        String s = textOrNull(p, v);
        return s == null ? "" : s;
    }

    private static boolean isInt(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
    }

    /** Jackson's {@code canConvertToLong()} of a tree node: integers within long, doubles within range; skips others. */
    private static boolean isLongConvertible(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return d >= Long.MIN_VALUE && d <= Long.MAX_VALUE;
        }
        p.skipChildren();
        return false;
    }

    private static long longValue(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : (long) p.getDoubleValue();
    }

    private static double skipTo(JsonParser p, double value) throws IOException {
        p.skipChildren();
        return value;
    }
}
