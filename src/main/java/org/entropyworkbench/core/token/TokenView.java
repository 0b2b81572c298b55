package org.entropyworkbench.core.token;

/**
 * One generated token as a provider sees it, handed to a {@link TokenListener}.
 *
 * <p>Providers reuse one instance per stream to avoid per-token garbage: a listener that keeps
 * anything must copy it before returning. Only valid during the {@code onToken} call, on the
 * provider's streaming thread.
 */
public interface TokenView {
    /** The token's text as decoded by the server (may be empty for byte fragments). */
    String text();

    /** The sampled token's own logprob (natural log); NaN when the server did not send one. */
    double logprob();

    Channel channel();

    /** Number of top-k alternatives the server returned for this position (0 when none). */
    int topCount();

    /** Text of alternative {@code i}, {@code 0 <= i < topCount()}. */
    String topToken(int i);

    /** Logprob (natural log) of alternative {@code i}; may be a sentinel (-9999, -inf, NaN). */
    double topLogprob(int i);
}
