package org.entropyworkbench.core.runner;

/**
 * One of an endpoint's concurrency slots: the endpoint a worker thread calls and the rate limiter
 * it shares with the endpoint's other slots.
 */
record WorkerSlot(Endpoint endpoint, RequestRateLimiter rateLimiter, int index) {
}
