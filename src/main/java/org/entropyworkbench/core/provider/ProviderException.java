package org.entropyworkbench.core.provider;

/**
 * A call failed. Messages name the server and the cause and never contain an API key.
 *
 * @see Kind for whether a retry can help
 */
public class ProviderException extends Exception {
    /** What went wrong, so the runner can choose between retry, restart and giving up. */
    public enum Kind {
        /** 408/409/429/5xx or a connection failure before any token: retry with backoff. */
        RETRYABLE,
        /** The stream broke after text arrived: restart the step. */
        STREAM_BROKEN,
        /** The server answered without logprobs or refuses them for this model. */
        NO_LOGPROBS,
        /** Bad request, auth failure, unknown model: retrying will not help. */
        FATAL,
        /** The caller cancelled. */
        CANCELLED,
        /**
         * The server refused this request as longer than the model's context: a property of the
         * question (its conversation so far), not of the server, so the run records the step as
         * failed and goes on with other questions.
         */
        TOO_LONG
    }

    private final Kind kind;
    private final int httpStatus;
    private final long retryAfterMillis;

    public ProviderException(Kind kind, String message, int httpStatus, long retryAfterMillis, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfterMillis = retryAfterMillis;
    }

    public ProviderException(Kind kind, String message) {
        this(kind, message, -1, -1, null);
    }

    public Kind kind() { return kind; }

    /** HTTP status, or -1 when there was none. */
    public int httpStatus() { return httpStatus; }

    /** Delay the server asked for with Retry-After, or -1. */
    public long retryAfterMillis() { return retryAfterMillis; }
}
