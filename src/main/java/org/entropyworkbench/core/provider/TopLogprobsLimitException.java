package org.entropyworkbench.core.provider;

/**
 * The server rejected the requested {@code top_logprobs} and named its maximum (vLLM "max allowed:
 * 20", Ollama "between 0 and 20", OpenAI "Expected a value <= 20"). Kind FATAL: retrying the same
 * request cannot help, but a request with {@link #maxTopLogprobs()} can (the capability probe does).
 */
public final class TopLogprobsLimitException extends ProviderException {
    private final int requested;
    private final int maxTopLogprobs;

    public TopLogprobsLimitException(String message, int httpStatus, int requested, int maxTopLogprobs) {
        super(Kind.FATAL, message, httpStatus, -1, null);
        this.requested = requested;
        this.maxTopLogprobs = maxTopLogprobs;
    }

    /** The top_logprobs value that was rejected. */
    public int requested() { return requested; }

    /** The largest top_logprobs the server said it accepts. */
    public int maxTopLogprobs() { return maxTopLogprobs; }
}
