package org.entropyworkbench.core.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;

/**
 * Streaming (token-by-token, no tree) JSON parsing of the response shapes of apis.md: OpenAI chat
 * chunks and whole responses ({@code logprobs.content[]}), llama.cpp's {@code prob}/{@code top_probs}
 * variant, the legacy parallel arrays ({@code tokens[]}, {@code token_logprobs[]},
 * {@code top_logprobs[{tok: lp}]}), Together's per-chunk scalar form, error objects in all their
 * shapes, and Ollama's native NDJSON lines. Unknown fields are skipped.
 *
 * <p>Stateless; results go into the caller's {@link StreamState}. Thread-safe.
 */
final class ChunkParsers {
    /**
     * Shared factory; non-numeric numbers (NaN, -Infinity) are accepted because some servers send them.
     * Doubles go through Jackson's fast parser (correctly rounded, so the same values as
     * {@code Double.parseDouble}): with 20 logprobs per token, number parsing was the largest single
     * cost of reading a stream (the serve proxy's profile, docs/performance.md).
     */
    static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private ChunkParsers() {
    }

    /**
     * Parses one OpenAI-compatible chunk (or a whole non-streaming response) into {@code st}: by
     * {@link OpenAiChunkFastPath} when the chunk has its common shape (the same values, several times
     * cheaper), else by {@link #parseOpenAiJackson}.
     */
    static void parseOpenAi(byte[] data, int length, StreamState st) throws IOException {
        if (!st.fastPath.tryParse(data, length, st)) {
            parseOpenAiJackson(data, length, st);
        }
    }

    /** The general parser of every OpenAI-compatible shape; the fast path's reference (OpenAiChunkFastPathTest). */
    static void parseOpenAiJackson(byte[] data, int length, StreamState st) throws IOException {
        st.beginChunk();
        try (JsonParser p = JSON.createParser(data, 0, length)) {
            expectObject(p);
            String topMessage = null;
            String topCode = null;
            boolean objectError = false;
            String f;
            while ((f = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (f) {
                    case "choices":
                        if (startsArray(p, t)) {
                            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                                if (startsObject(p, t)) {
                                    parseChoice(p, st);
                                }
                            }
                        }
                        break;
                    case "usage":
                        if (startsObject(p, t)) {
                            parseUsage(p, st);
                        }
                        break;
                    case "error":
                        parseError(p, t, st);
                        break;
                    case "object":
                        objectError = t == JsonToken.VALUE_STRING && "error".equals(p.getText());
                        break;
                    case "message":
                        topMessage = stringOrEmpty(p, t);
                        break;
                    case "code":
                        topCode = scalarOrEmpty(p, t);
                        break;
                    case "system_fingerprint":
                        if (t == JsonToken.VALUE_STRING) {
                            st.serverVersion = p.getText();
                        }
                        break;
                    case "model":
                        if (t == JsonToken.VALUE_STRING) {
                            st.servedModel = p.getText();
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
            expectEnd(p);
            if (st.errorMessage == null) {
                st.errorMessage = topMessage;
            }
            if (st.errorCode == null) {
                st.errorCode = topCode;
            }
            if (objectError || (topMessage != null && topCode != null)) {
                st.errorSeen = true;
            }
        }
    }

    /** Parses an error payload (llama.cpp {@code error:} line, {@code event: error}) and marks the error. */
    static void parseErrorPayload(byte[] data, int length, StreamState st) {
        try {
            parseOpenAi(data, length, st);
        } catch (IOException e) {
            st.errorMessage = new String(data, 0, Math.min(length, 300), java.nio.charset.StandardCharsets.UTF_8);
        }
        st.errorSeen = true;
    }

    /** Parses one line of Ollama's native {@code /api/chat} NDJSON stream into {@code st}. */
    static void parseOllamaLine(byte[] data, int offset, int length, StreamState st) throws IOException {
        st.beginChunk();
        try (JsonParser p = JSON.createParser(data, offset, length)) {
            expectObject(p);
            String f;
            while ((f = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (f) {
                    case "message":
                        if (startsObject(p, t)) {
                            parseDelta(p, st);
                        }
                        break;
                    case "response":
                        st.onContent(stringOrNull(p, t));
                        break;
                    case "thinking":
                        st.onReasoning(stringOrNull(p, t));
                        break;
                    case "logprobs":
                        if (startsArray(p, t)) {
                            st.markLogprobsPresent();
                            parseEntries(p, st.batch);
                        }
                        break;
                    case "done":
                        if (t == JsonToken.VALUE_TRUE) {
                            st.done = true;
                        }
                        break;
                    case "model":
                        if (t == JsonToken.VALUE_STRING) {
                            st.servedModel = p.getText();
                        }
                        break;
                    case "done_reason":
                        if (t == JsonToken.VALUE_STRING) {
                            st.finishReason = p.getText();
                        }
                        break;
                    case "prompt_eval_count":
                        st.promptTokens = intValue(p, t);
                        break;
                    case "eval_count":
                        st.completionTokens = intValue(p, t);
                        break;
                    case "error":
                        parseError(p, t, st);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            expectEnd(p);
        }
    }

    private static void parseChoice(JsonParser p, StreamState st) throws IOException {
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "delta":
                case "message":
                    if (startsObject(p, t)) {
                        parseDelta(p, st);
                    }
                    break;
                case "text":
                    st.onContent(stringOrNull(p, t));
                    break;
                case "logprobs":
                    if (t == JsonToken.START_OBJECT) {
                        st.markLogprobsPresent();
                        parseLogprobsObject(p, st.batch);
                    } else if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                        st.setScalarLogprob(p.getDoubleValue());
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "top_logprobs":
                    if (startsObject(p, t)) {
                        parseTopMap(p, st.batch, st.scalarSlot());
                    }
                    break;
                case "finish_reason":
                    if (t == JsonToken.VALUE_STRING) {
                        st.finishReason = p.getText();
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private static void parseDelta(JsonParser p, StreamState st) throws IOException {
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "content":
                    st.onContent(stringOrNull(p, t));
                    break;
                case "reasoning":
                case "reasoning_content":
                case "thinking":
                    st.onReasoning(stringOrNull(p, t));
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private static void parseLogprobsObject(JsonParser p, TokenBatch batch) throws IOException {
        int base = batch.size();
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            switch (f) {
                case "content":
                    parseEntries(p, batch);
                    break;
                case "tokens": {
                    int i = base;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        batch.ensureSlot(i);
                        batch.setText(i++, stringOrEmpty(p, t));
                    }
                    break;
                }
                case "token_logprobs": {
                    int i = base;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        batch.ensureSlot(i);
                        batch.setLogprob(i++, number(p, t));
                    }
                    break;
                }
                case "top_logprobs": {
                    int i = base;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        batch.ensureSlot(i);
                        if (startsObject(p, t)) {
                            parseTopMap(p, batch, i);
                        }
                        i++;
                    }
                    break;
                }
                default:
                    p.skipChildren();
            }
        }
    }

    /** {@code [{token, logprob|prob, bytes, id, top_logprobs|top_probs: [...]}, ...]}, one slot each. */
    private static void parseEntries(JsonParser p, TokenBatch batch) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            int slot = batch.addSlot();
            String f;
            while ((f = p.nextFieldName()) != null) {
                t = p.nextToken();
                switch (f) {
                    case "token":
                        batch.setText(slot, stringOrEmpty(p, t));
                        break;
                    case "logprob":
                        batch.setLogprob(slot, number(p, t));
                        break;
                    case "prob":
                        batch.setLogprob(slot, Math.log(number(p, t)));
                        break;
                    case "top_logprobs":
                    case "top_probs":
                        if (startsArray(p, t)) {
                            parseTopEntries(p, batch, slot);
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
        }
    }

    private static void parseTopEntries(JsonParser p, TokenBatch batch, int slot) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String token = "";
            double lp = Double.NaN;
            String f;
            while ((f = p.nextFieldName()) != null) {
                t = p.nextToken();
                switch (f) {
                    case "token":
                        token = stringOrEmpty(p, t);
                        break;
                    case "logprob":
                        lp = number(p, t);
                        break;
                    case "prob":
                        lp = Math.log(number(p, t));
                        break;
                    default:
                        p.skipChildren();
                }
            }
            batch.addTop(slot, token, lp);
        }
    }

    /** Legacy {@code {token: logprob, ...}} map. */
    private static void parseTopMap(JsonParser p, TokenBatch batch, int slot) throws IOException {
        String token;
        while ((token = p.nextFieldName()) != null) {
            batch.addTop(slot, token, number(p, p.nextToken()));
        }
    }

    private static void parseUsage(JsonParser p, StreamState st) throws IOException {
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "prompt_tokens":
                    st.promptTokens = intValue(p, t);
                    break;
                case "completion_tokens":
                    st.completionTokens = intValue(p, t);
                    break;
                case "reasoning_tokens":
                    st.reasoningTokens = intValue(p, t);
                    break;
                case "completion_tokens_details":
                    if (startsObject(p, t)) {
                        String g;
                        while ((g = p.nextFieldName()) != null) {
                            JsonToken u = p.nextToken();
                            if ("reasoning_tokens".equals(g)) {
                                st.reasoningTokens = intValue(p, u);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    /** {@code "error": {"message","type","code","param"}} or {@code "error": "text"}; null means no error. */
    private static void parseError(JsonParser p, JsonToken t, StreamState st) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        st.errorSeen = true;
        if (t == JsonToken.VALUE_STRING) {
            st.errorMessage = p.getText();
            return;
        }
        if (!startsObject(p, t)) {
            return;
        }
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken u = p.nextToken();
            switch (f) {
                case "message":
                    st.errorMessage = stringOrEmpty(p, u);
                    break;
                case "type":
                    st.errorType = scalarOrEmpty(p, u);
                    break;
                case "code":
                    st.errorCode = scalarOrEmpty(p, u);
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    /** A logprob value: numbers (including NaN/-Infinity), null as NaN, or numeric strings such as "-inf". */
    private static double number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            return parseLenient(p.getText());
        }
        p.skipChildren();
        return Double.NaN;
    }

    static double parseLenient(String s) {
        String v = s.strip();
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "inf":
            case "infinity":
            case "+inf":
                return Double.POSITIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }

    private static int intValue(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return (int) p.getDoubleValue();
        }
        p.skipChildren();
        return -1;
    }

    /** True when {@code t} opens an object; else the value is skipped and the caller moves on. */
    private static boolean startsObject(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        p.skipChildren();
        return false;
    }

    /** True when {@code t} opens an array; else the value is skipped and the caller moves on. */
    private static boolean startsArray(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            return true;
        }
        p.skipChildren();
        return false;
    }

    /** A string value's text; null (the value skipped) for anything else. */
    private static String stringOrNull(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** A string value's text; "" (the value skipped) for anything else. */
    private static String stringOrEmpty(JsonParser p, JsonToken t) throws IOException {
        String s = stringOrNull(p, t);
        return s == null ? "" : s;
    }

    /** A scalar's text (a code may be a number); "" (the value skipped) for an object or array. */
    private static String scalarOrEmpty(JsonParser p, JsonToken t) throws IOException {
        if (t.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }

    private static void expectObject(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "expected a JSON object");
        }
    }

    private static void expectEnd(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "unexpected data after the JSON object");
        }
    }
}
