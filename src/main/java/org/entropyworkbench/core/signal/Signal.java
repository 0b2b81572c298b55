package org.entropyworkbench.core.signal;

import java.util.List;

/**
 * The confidence signals the workbench computes per question from its step-1 record (docs/signals.md
 * defines each with its source). Each has a stable id (command line, calibration files), units, a
 * direction and what it needs from the run file.
 */
public enum Signal {
    MEAN_ENTROPY("step1-mean-entropy", "Step-1 mean entropy", "bits", SignalDirection.LOW_IS_CONFIDENT, SignalNeed.ENTROPY),
    FIRST_64_ENTROPY("first-64-entropy", "Entropy, first 64 tokens", "bits", SignalDirection.LOW_IS_CONFIDENT,
            SignalNeed.ENTROPY),
    FIRST_256_ENTROPY("first-256-entropy", "Entropy, first 256 tokens", "bits", SignalDirection.LOW_IS_CONFIDENT,
            SignalNeed.ENTROPY),
    FIRST_1024_ENTROPY("first-1024-entropy", "Entropy, first 1024 tokens", "bits", SignalDirection.LOW_IS_CONFIDENT,
            SignalNeed.ENTROPY),
    DEEPCONF_MEAN("deepconf-mean", "DeepConf mean confidence", "nats", SignalDirection.HIGH_IS_CONFIDENT,
            SignalNeed.TOKEN_CONFIDENCE),
    DEEPCONF_LOWEST_GROUP("deepconf-lowest-group", "DeepConf lowest group confidence", "nats",
            SignalDirection.HIGH_IS_CONFIDENT, SignalNeed.TOKEN_CONFIDENCE),
    DEEPCONF_BOTTOM_10("deepconf-bottom-10", "DeepConf bottom-10% group confidence", "nats",
            SignalDirection.HIGH_IS_CONFIDENT, SignalNeed.TOKEN_CONFIDENCE),
    DEEPCONF_TAIL("deepconf-tail", "DeepConf tail confidence", "nats", SignalDirection.HIGH_IS_CONFIDENT,
            SignalNeed.TOKEN_CONFIDENCE),
    MEAN_NLL("mean-nll", "Mean negative log-likelihood", "nats", SignalDirection.LOW_IS_CONFIDENT,
            SignalNeed.CHOSEN_LOGPROB),
    REASONING_ENTROPY("reasoning-entropy", "Entropy, reasoning channel", "bits", SignalDirection.LOW_IS_CONFIDENT,
            SignalNeed.ENTROPY, SignalNeed.CHANNELS),
    ANSWER_ENTROPY("answer-entropy", "Entropy, answer channel", "bits", SignalDirection.LOW_IS_CONFIDENT,
            SignalNeed.ENTROPY, SignalNeed.CHANNELS),
    MAX_ENTROPY("max-entropy", "Maximum token entropy", "bits", SignalDirection.LOW_IS_CONFIDENT, SignalNeed.ENTROPY);

    /** The paper's signal, used whenever the user picks none. */
    public static final Signal DEFAULT = MEAN_ENTROPY;

    private final String id;
    private final String label;
    private final String unit;
    private final SignalDirection direction;
    private final List<SignalNeed> needs;

    Signal(String id, String label, String unit, SignalDirection direction, SignalNeed... needs) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.direction = direction;
        this.needs = List.of(needs);
    }

    /** Stable id for the command line and calibration files. */
    public String id() { return id; }

    public String label() { return label; }

    /** "bits" (entropies, base 2) or "nats" (logprob-based, natural log). */
    public String unit() { return unit; }

    public SignalDirection direction() { return direction; }

    /** What the signal needs from each step record. */
    public List<SignalNeed> needs() { return needs; }

    /** For the first-N entropies: N; 0 for every other signal. */
    public int firstTokens() {
        return switch (this) {
            case FIRST_64_ENTROPY -> 64;
            case FIRST_256_ENTROPY -> 256;
            case FIRST_1024_ENTROPY -> 1024;
            default -> 0;
        };
    }

    /**
     * The signal with this id (or enum name), case-insensitive.
     *
     * @throws IllegalArgumentException naming the valid ids
     */
    public static Signal fromId(String id) {
        for (Signal s : values()) {
            if (s.id.equalsIgnoreCase(id) || s.name().equalsIgnoreCase(id)
                    || (s == MEAN_ENTROPY && "mean-entropy".equalsIgnoreCase(id))) {
                return s;
            }
        }
        StringBuilder ids = new StringBuilder();
        for (Signal s : values()) {
            ids.append(ids.length() == 0 ? "" : ", ").append(s.id);
        }
        throw new IllegalArgumentException("unknown signal '" + id + "' (expected one of: " + ids + ")");
    }
}
