package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.logging.SecretRedaction;

/**
 * A secret API key. Its text never appears in {@link #toString()}, logs, run files or exception
 * messages; only the HTTP clients of this package read it, when they build the Authorization header.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a key typed by the user or read from the environment; surrounding whitespace is removed.
     *
     * @throws IllegalArgumentException when the key is null or blank (the message does not echo it)
     */
    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("API key is empty");
        }
        SecretRedaction.register(value);
        return new ApiKey(value.strip());
    }

    /** The key itself; package-private so only the clients building the Authorization header read it. */
    String value() {
        return value;
    }

    /** Replaces every occurrence of this key in {@code text} (e.g. a server echoing it) by "***". */
    String redact(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        return text.replace(value, "***");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey && ((ApiKey) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[***]";
    }
}
