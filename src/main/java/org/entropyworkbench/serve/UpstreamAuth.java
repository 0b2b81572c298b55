package org.entropyworkbench.serve;

import java.util.Locale;
import org.entropyworkbench.core.provider.ApiKey;

/**
 * Which key the proxy sends upstream: a fixed one ({@code --key-env}), the client's own
 * Authorization passed through ({@code --pass-auth}), or none. Immutable; never prints a key.
 *
 * @param fixedKey the key read from the environment, or null
 * @param passThrough whether the client's bearer token is the upstream key
 */
public record UpstreamAuth(ApiKey fixedKey, boolean passThrough) {

    public static final UpstreamAuth NONE = new UpstreamAuth(null, false);

    public UpstreamAuth {
        if (fixedKey != null && passThrough) {
            throw new IllegalArgumentException("a fixed upstream key and --pass-auth exclude each other");
        }
    }

    /** The key for one request, or null when none is sent. */
    public ApiKey keyFor(String clientAuthorization) {
        if (fixedKey != null) {
            return fixedKey;
        }
        if (passThrough) {
            String token = bearer(clientAuthorization);
            return token == null || token.isBlank() ? null : ApiKey.of(token);
        }
        return null;
    }

    /** The token of a "Bearer ..." header value, or null. */
    static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (h.length() > 7 && h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return h.substring(7).strip();
        }
        return null;
    }

    @Override
    public String toString() {
        return "UpstreamAuth[" + (fixedKey != null ? "fixed key ***" : passThrough ? "pass-through" : "none") + "]";
    }
}
