package org.entropyworkbench.core.signal;

/** What a signal needs from a step record (and so from the server), with the reason shown when it is missing. */
public enum SignalNeed {
    /** Per-token entropies: top-k logprobs from the server (every run has them). */
    ENTROPY("per-token entropies (top-k logprobs)",
            "the step-1 records have no per-token entropies (the server sent no top-k logprobs)"),
    /** Per-token channel codes: a server that separates reasoning from the answer. */
    CHANNELS("per-token channels (reasoning vs answer)",
            "the step-1 records carry no per-token channels"),
    /** The sampled token's own logprob per position (run format 1.1, field lp). */
    CHOSEN_LOGPROB("the sampled token's logprob per position (run format 1.1, field \"lp\")",
            "the step-1 records carry no chosen-token logprobs (field \"lp\", run format 1.1): the file was written "
                    + "before format 1.1 or the server sent no logprob for the sampled token"),
    /** DeepConf token confidence per position (run format 1.1, field conf). */
    TOKEN_CONFIDENCE("the raw top-k logprobs per position, as DeepConf token confidence (run format 1.1, field \"conf\")",
            "the step-1 records carry no token confidences (field \"conf\", run format 1.1): the file was written "
                    + "before format 1.1");

    private final String description;
    private final String missingReason;

    SignalNeed(String description, String missingReason) {
        this.description = description;
        this.missingReason = missingReason;
    }

    /** What the signal needs, for docs and tables. */
    public String description() { return description; }

    /** Why the signal is unavailable when the data is missing. */
    public String missingReason() { return missingReason; }
}
