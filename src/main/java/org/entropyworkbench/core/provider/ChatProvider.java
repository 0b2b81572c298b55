package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenListener;
/**
 * A model server that streams a chat completion token by token with top-k logprobs.
 * Implementations: {@code OpenAiCompatibleClient}, {@code OllamaNativeClient}, {@code ReplayProvider}.
 *
 * <p>Thread-safe: a runner calls {@link #stream} from several worker threads at once.
 */
public interface ChatProvider extends AutoCloseable {

    /**
     * Runs one call, blocking the calling thread until the stream ends. Tokens reach
     * {@code listener} on the calling thread in generation order.
     */
    ChatResult stream(ChatRequest request, TokenListener listener, CancellationToken cancel) throws ProviderException;

    /** A short human-readable name: preset and base URL, never a key. */
    String describe();

    @Override
    default void close() { }
}
