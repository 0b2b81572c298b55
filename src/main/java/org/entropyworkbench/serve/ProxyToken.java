package org.entropyworkbench.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The token clients must present ({@code Authorization: Bearer <token>}) when the proxy was started
 * with {@code --require-token-env}. Its text never appears in {@link #toString()}, logs or records;
 * the comparison takes the same time whatever the presented value. Immutable.
 */
public final class ProxyToken {
    private final byte[] expected;

    private ProxyToken(String value) {
        this.expected = value.getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException when blank (the message does not echo it) */
    public static ProxyToken of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("proxy token is empty");
        }
        return new ProxyToken(value.strip());
    }

    /** Whether an Authorization header value carries this token. */
    public boolean accepts(String authorizationHeader) {
        String presented = UpstreamAuth.bearer(authorizationHeader);
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ProxyToken[***]";
    }
}
