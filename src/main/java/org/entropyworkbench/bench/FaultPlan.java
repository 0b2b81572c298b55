package org.entropyworkbench.bench;

import java.util.Random;

/**
 * How often the loopback server misbehaves, per request. Probabilities are independent slices of
 * [0, 1): a draw below p429 is a 429, the next p500 a 500, and so on; the rest is served cleanly.
 *
 * @param tooManyRequests   answer 429 with {@code Retry-After: 0} before any token
 * @param serverError       answer 500 before any token
 * @param resetMidStream    send part of the stream, then reset the connection (RST)
 * @param malformedChunk    send part of the stream, then a chunk that is not valid JSON, then end the connection
 */
public record FaultPlan(double tooManyRequests, double serverError, double resetMidStream, double malformedChunk) {

    /** What the server does with one request. */
    public enum Fault { NONE, TOO_MANY_REQUESTS, SERVER_ERROR, RESET_MID_STREAM, MALFORMED_CHUNK }

    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0);

    public FaultPlan {
        double sum = tooManyRequests + serverError + resetMidStream + malformedChunk;
        if (tooManyRequests < 0 || serverError < 0 || resetMidStream < 0 || malformedChunk < 0 || sum > 1) {
            throw new IllegalArgumentException("fault probabilities must be >= 0 and sum to at most 1, got sum " + sum);
        }
    }

    /** Draws the fault for one request. */
    public Fault draw(Random random) {
        double u = random.nextDouble();
        if ((u -= tooManyRequests) < 0) {
            return Fault.TOO_MANY_REQUESTS;
        }
        if ((u -= serverError) < 0) {
            return Fault.SERVER_ERROR;
        }
        if ((u -= resetMidStream) < 0) {
            return Fault.RESET_MID_STREAM;
        }
        if (u - malformedChunk < 0) {
            return Fault.MALFORMED_CHUNK;
        }
        return Fault.NONE;
    }
}
