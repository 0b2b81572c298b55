package org.entropyworkbench.serve;

import org.entropyworkbench.core.provider.ProviderException;

/**
 * Maps a failed upstream call to what the client sees: the upstream's own HTTP status when there was
 * one (429 keeps its Retry-After), 504 for the proxy's timeout, 502 for everything else the upstream
 * did wrong (broken or malformed stream, no logprobs, connection refused). Stateless.
 */
final class UpstreamFailures {
    private UpstreamFailures() {
    }

    /** HTTP status for the client. */
    static int status(ProviderException e, boolean timedOut) {
        if (timedOut) {
            return 504;
        }
        int s = e.httpStatus();
        return s >= 400 && s <= 599 ? s : 502;
    }

    /** OpenAI's error type for a status. */
    static String type(int status) {
        return switch (status) {
            case 400, 404, 409, 413, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "upstream_error" : "invalid_request_error";
        };
    }

    /** Retry-After in whole seconds (rounded up), or null when the upstream gave none. */
    static String retryAfterSeconds(ProviderException e) {
        long ms = e.retryAfterMillis();
        return ms < 0 ? null : Long.toString((ms + 999) / 1000);
    }

    static String message(ProviderException e, boolean timedOut, long timeoutSeconds) {
        if (timedOut) {
            return "entropy-workbench proxy: the upstream did not finish within " + timeoutSeconds + " s";
        }
        return "entropy-workbench proxy: upstream call failed: " + e.getMessage();
    }
}
