package org.entropyworkbench.core.provider;

/**
 * What a {@link CapabilityProbe} found out about an endpoint.
 *
 * @param reachable         the server answered over HTTP (even with an error)
 * @param logprobsReturned  at least one streamed token carried logprobs
 * @param maxTopK           largest top_logprobs the server accepted (after a limit retry), 0 when no logprobs came
 * @param reasoningCovered  reasoning tokens arrived with logprobs
 * @param serverVersion     as the server tells it (vLLM /version, llama.cpp /props, Ollama /api/version,
 *                          or the stream's system_fingerprint), else null
 * @param verdict           one human sentence for the UI
 * @param serverSlots       parallel request slots the server reports (llama.cpp {@code /props} {@code total_slots}
 *                          or the length of {@code /slots}), -1 when the server does not tell
 */
public record ProbeReport(
        boolean reachable,
        boolean logprobsReturned,
        int maxTopK,
        boolean reasoningCovered,
        String serverVersion,
        String verdict,
        int serverSlots) {

    /** A report from a server that does not tell its slot count. */
    public ProbeReport(boolean reachable, boolean logprobsReturned, int maxTopK, boolean reasoningCovered,
                       String serverVersion, String verdict) {
        this(reachable, logprobsReturned, maxTopK, reasoningCovered, serverVersion, verdict, -1);
    }

    /** The concurrency that keeps every slot of the server busy, or {@code fallback} when it does not tell. */
    public int proposedConcurrency(int fallback) {
        return serverSlots > 0 ? serverSlots : fallback;
    }
}
