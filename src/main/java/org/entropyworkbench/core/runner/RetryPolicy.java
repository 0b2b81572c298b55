package org.entropyworkbench.core.runner;

import java.util.random.RandomGenerator;

/**
 * How a run retries failed calls: exponential backoff with jitter for retryable errors, honouring
 * the server's Retry-After up to a limit (apis.md section 8.1), and a wall-clock limit per call.
 *
 * @param maxAttempts         calls per question-step including the first (restarted streams count)
 * @param baseBackoffMillis   delay before the second attempt; doubles with every further attempt
 * @param maxBackoffMillis    cap of the computed backoff
 * @param honourRetryAfter    wait as long as the server asked when it sent Retry-After
 * @param maxRetryAfterMillis a Retry-After longer than this means "do not retry": the step fails
 * @param callTimeoutMillis   a call still running after this long is cancelled and retried; 0 = no limit
 */
public record RetryPolicy(
        int maxAttempts,
        long baseBackoffMillis,
        long maxBackoffMillis,
        boolean honourRetryAfter,
        long maxRetryAfterMillis,
        long callTimeoutMillis) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
        }
        if (baseBackoffMillis < 0 || maxBackoffMillis < baseBackoffMillis) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= base <= max, got base "
                    + baseBackoffMillis + " ms, max " + maxBackoffMillis + " ms");
        }
        if (maxRetryAfterMillis < 0 || callTimeoutMillis < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    /** Six attempts, 1 s doubling to 60 s, Retry-After honoured up to two minutes, 30 minutes per call. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, 1_000, 60_000, true, 120_000, 30 * 60_000L);
    }

    /**
     * Delay before attempt {@code failedAttempts + 1}: the server's Retry-After when honoured and given,
     * else {@code base * 2^(failedAttempts-1)} capped at max, with "equal jitter" (uniform in [d/2, d])
     * so parallel workers that failed together do not retry together.
     *
     * @param failedAttempts   attempts made so far (1 after the first failure)
     * @param retryAfterMillis the server's Retry-After, or a negative value when none
     */
    public long delayMillis(int failedAttempts, long retryAfterMillis, RandomGenerator random) {
        if (honourRetryAfter && retryAfterMillis >= 0) {
            return retryAfterMillis;
        }
        int shift = Math.min(30, Math.max(0, failedAttempts - 1));
        long d = Math.min(maxBackoffMillis, baseBackoffMillis << shift);
        if (d <= 1) {
            return d;
        }
        long half = d / 2;
        return half + random.nextLong(d - half + 1);
    }

    /** Whether a server-requested delay is too long to wait for. */
    public boolean retryAfterTooLong(long retryAfterMillis) {
        return honourRetryAfter && retryAfterMillis > maxRetryAfterMillis;
    }
}
