package org.entropyworkbench.core.provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.entropyworkbench.core.json.JsonErrorText;

/**
 * Turns HTTP failures and error objects into {@link ProviderException}s with the retry conventions
 * of apis.md section 8.1: 408/409/429/5xx and connection failures are RETRYABLE with the server's
 * Retry-After ({@code retry-after-ms}, seconds or an HTTP date; {@code x-should-retry} overrides),
 * a 400 naming a top_logprobs limit is a FATAL {@link TopLogprobsLimitException}, a refusal of
 * logprobs is NO_LOGPROBS, 401/402/403/404 are FATAL with a message saying what to check. Every
 * message passes through {@link ApiKey#redact}, so a server echoing the key cannot leak it.
 *
 * <p>Not on the hot path (regexes are fine here). Stateless apart from the immutable context.
 */
final class HttpErrors {
    private static final Pattern LIMIT = Pattern.compile(
            "(?:max(?:imum)?(?: value)? allowed:?|<=|between 0 and|less than or equal to|at most|maximum(?: value)?(?: is| of)?)\\s*(\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_SNIPPET = 400;

    private final String describe;
    private final ServerPreset preset;
    private final ApiKey key;

    HttpErrors(String describe, ServerPreset preset, ApiKey key) {
        this.describe = describe;
        this.preset = preset;
        this.key = key;
    }

    /** A non-2xx answer before any token. */
    ProviderException fromStatus(int status, Headers headers, String body, String model, int requestedTopK) {
        String serverMessage = redact(extractMessage(body));
        String shouldRetry = headers.get("x-should-retry");
        boolean retryable = status == 408 || status == 409 || status == 429 || status >= 500;
        if ("true".equalsIgnoreCase(shouldRetry)) {
            retryable = true;
        } else if ("false".equalsIgnoreCase(shouldRetry)) {
            retryable = false;
        }
        String where = describe + " answered HTTP " + status;
        if (retryable) {
            long delay = retryAfterMillis(headers, Instant.now());
            return new ProviderException(ProviderException.Kind.RETRYABLE,
                    where + (delay >= 0 ? " (retry after " + delay + " ms)" : "") + ": " + serverMessage,
                    status, delay, null);
        }
        ProviderException special = fromMessage(status, serverMessage, model, requestedTopK);
        if (special != null) {
            return special;
        }
        switch (status) {
            case 401:
                return fatal(status, where + ": the API key was not accepted" + keyHint() + ". Server said: " + serverMessage);
            case 402:
                return fatal(status, where + ": payment required (out of credits?). Server said: " + serverMessage);
            case 403:
                return fatal(status, where + ": access denied for model '" + model + "'" + keyHint() + ". Server said: " + serverMessage);
            case 404:
                return fatal(status, where + ": not found. " + notFoundHint(model) + " Server said: " + serverMessage);
            default:
                return fatal(status, where + ": the request was rejected. Server said: " + serverMessage);
        }
    }

    /** An error object inside a 200 stream ({@code data: {"error":...}}, llama.cpp {@code error:}, Ollama {@code {"error":...}}). */
    ProviderException fromStreamError(StreamState st, String model, int requestedTopK) {
        String msg = redact(st.errorMessage == null ? "(no message)" : st.errorMessage);
        int code = parseIntOr(st.errorCode, -1);
        if (st.textArrived()) {
            return new ProviderException(ProviderException.Kind.STREAM_BROKEN,
                    describe + " reported an error after " + st.tokensEmitted() + " tokens: " + msg, code, -1, null);
        }
        ProviderException special = fromMessage(code, msg, model, requestedTopK);
        if (special != null) {
            return special;
        }
        String type = st.errorType == null ? "" : st.errorType.toLowerCase(Locale.ROOT);
        boolean retryable = code == 408 || code == 429 || code >= 500
                || type.contains("rate") || type.contains("overload") || type.contains("server_error");
        return new ProviderException(retryable ? ProviderException.Kind.RETRYABLE : ProviderException.Kind.FATAL,
                describe + " reported an error before any token: " + msg, code, -1, null);
    }

    /** The stream could not be opened or read. */
    ProviderException fromIo(IOException e, StreamState st, CancellationToken cancel) {
        if (cancel.isCancelled()) {
            return cancelled();
        }
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + redact(e.getMessage()));
        if (st != null && st.textArrived()) {
            return new ProviderException(ProviderException.Kind.STREAM_BROKEN,
                    describe + ": the stream broke after " + st.tokensEmitted() + " tokens (" + what + ")", -1, -1, null);
        }
        return new ProviderException(ProviderException.Kind.RETRYABLE,
                describe + ": no answer (" + what + ")", -1, -1, e);
    }

    /** The stream ended without {@code [DONE]}/{@code done} or a finish reason: truncated, not finished. */
    ProviderException truncated(StreamState st) {
        if (st.textArrived()) {
            return new ProviderException(ProviderException.Kind.STREAM_BROKEN,
                    describe + ": the stream ended without a finish reason after " + st.tokensEmitted() + " tokens (connection cut?)");
        }
        return new ProviderException(ProviderException.Kind.RETRYABLE,
                describe + ": the stream ended before any token");
    }

    /** A chunk that is not valid JSON. */
    ProviderException malformed(StreamState st, int eventNumber, String snippet, IOException e) {
        String msg = describe + ": malformed JSON in stream event " + eventNumber + " (" + originalMessage(e)
                + "); data: " + redact(snippet);
        return new ProviderException(st.textArrived() ? ProviderException.Kind.STREAM_BROKEN : ProviderException.Kind.RETRYABLE,
                msg, -1, -1, e);
    }

    private static String originalMessage(IOException e) {
        if (e instanceof JsonProcessingException jsonError) {
            return JsonErrorText.reason(jsonError);
        }
        return e.getMessage();
    }

    ProviderException cancelled() {
        return new ProviderException(ProviderException.Kind.CANCELLED, describe + ": cancelled");
    }

    String redact(String text) {
        return key == null ? text : key.redact(text);
    }

    private ProviderException fromMessage(int status, String serverMessage, String model, int requestedTopK) {
        String lower = serverMessage.toLowerCase(Locale.ROOT);
        if (contextOverflow(status, lower)) {
            return new ProviderException(ProviderException.Kind.TOO_LONG, "the request is too long for the model's"
                    + " context (" + describe + " answered HTTP " + status + "): " + serverMessage, status, -1, null);
        }
        if (lower.contains("logprob")) {
            int limit = parseTopLogprobsLimit(serverMessage);
            if (limit >= 0 && (requestedTopK < 0 || limit < requestedTopK)) {
                return new TopLogprobsLimitException(describe + " rejected top_logprobs=" + requestedTopK
                        + ": max top_logprobs = " + limit + ". Server said: " + serverMessage, status, requestedTopK, limit);
            }
            if (lower.contains("not supported") || lower.contains("not allowed") || lower.contains("unsupported")) {
                String why = preset.refusesReasoningLogprobs()
                        ? "OpenAI returns no logprobs for reasoning models (o-series, gpt-5 with reasoning on); "
                          + "use reasoning_effort 'none' or an open-weight server (vLLM, llama.cpp, Ollama)"
                        : "this server or model does not return logprobs";
                return new ProviderException(ProviderException.Kind.NO_LOGPROBS,
                        describe + " refuses logprobs for model '" + model + "': " + why + ". Server said: " + serverMessage,
                        status, -1, null);
            }
        }
        return null;
    }

    /**
     * A refusal of a request longer than the context: llama.cpp ("exceeds the available context
     * size"), vLLM and OpenAI ("maximum context length", {@code context_length_exceeded}). Only 400
     * and 413 answers (or an error object without a status) count.
     */
    static boolean contextOverflow(int status, String lowerMessage) {
        if (status != 400 && status != 413 && status > 0) {
            return false;
        }
        return lowerMessage.contains("exceeds the available context")
                || lowerMessage.contains("maximum context length")
                || lowerMessage.contains("context_length_exceeded")
                || lowerMessage.contains("context length exceeded")
                || lowerMessage.contains("exceed_context_size");
    }

    private ProviderException fatal(int status, String message) {
        return new ProviderException(ProviderException.Kind.FATAL, message, status, -1, null);
    }

    /** What to check after a 404: the native Ollama API lives at the server root, the others under /v1. */
    private String notFoundHint(String model) {
        if (preset.nativeOllama()) {
            return "Check the base URL (the native Ollama API is the server root, e.g. http://localhost:11434,"
                    + " without /v1) and that model '" + model + "' is pulled there (ollama pull " + model + ").";
        }
        return "Check the base URL (an OpenAI-compatible server usually ends in /v1) and that model '" + model
                + "' exists there.";
    }

    private String keyHint() {
        return preset.keyEnvVar() == null ? "" : " (check the key, e.g. environment variable " + preset.keyEnvVar() + ")";
    }

    /** The top_logprobs maximum named in a server's error message, or -1. */
    static int parseTopLogprobsLimit(String message) {
        if (message == null) {
            return -1;
        }
        Matcher m = LIMIT.matcher(message);
        return m.find() ? parseIntOr(m.group(1), -1) : -1;
    }

    /**
     * Delay the server asked for, in ms: {@code retry-after-ms}, else {@code retry-after} as
     * (fractional) seconds, else as an HTTP date; -1 when absent or unreadable.
     */
    static long retryAfterMillis(Headers headers, Instant now) {
        String ms = headers.get("retry-after-ms");
        if (ms != null) {
            try {
                return Math.max(0, (long) Double.parseDouble(ms.strip()));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        String ra = headers.get("retry-after");
        if (ra == null || ra.isBlank()) {
            return -1;
        }
        try {
            return Math.max(0, (long) (Double.parseDouble(ra.strip()) * 1000));
        } catch (NumberFormatException ignored) {
            // not seconds: try an HTTP date
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(ra.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, Duration.between(now, at.toInstant()).toMillis());
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    /** The human message of an error body ({@code error.message}, {@code error}, {@code message}, {@code detail}), else the body cut short. */
    static String extractMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try (JsonParser p = ChunkParsers.JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                String found = null;
                String f;
                while ((f = p.nextFieldName()) != null) {
                    JsonToken t = p.nextToken();
                    if ("error".equals(f) && t == JsonToken.START_OBJECT) {
                        String g;
                        while ((g = p.nextFieldName()) != null) {
                            JsonToken u = p.nextToken();
                            if ("message".equals(g) && u == JsonToken.VALUE_STRING) {
                                found = p.getText();
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else if (("error".equals(f) || "message".equals(f) || "detail".equals(f)) && t == JsonToken.VALUE_STRING) {
                        if (found == null || "error".equals(f)) {
                            found = p.getText();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                if (found != null) {
                    return found;
                }
            }
        } catch (IOException notJson) {
            // plain-text body: use it as is
        }
        String b = body.strip();
        return b.length() <= MAX_SNIPPET ? b : b.substring(0, MAX_SNIPPET) + "...";
    }

    private static int parseIntOr(String s, int fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
