package org.entropyworkbench.core.runner;

import java.util.Objects;
import org.entropyworkbench.core.provider.ChatProvider;

/**
 * One model server replica a run sends questions to.
 *
 * @param provider          the client; shared by this endpoint's worker threads
 * @param concurrency       how many questions may stream from this endpoint at once (at least 1)
 * @param requestsPerMinute at most this many calls start per minute; 0 = unlimited
 * @param label             what the step records name as their server: preset and base URL, never a key
 */
public record Endpoint(ChatProvider provider, int concurrency, int requestsPerMinute, String label) {
    public Endpoint {
        Objects.requireNonNull(provider, "provider");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requests per minute must be 0 (unlimited) or more, got " + requestsPerMinute);
        }
        if (label == null || label.isBlank()) {
            label = provider.describe();
        }
    }
}
