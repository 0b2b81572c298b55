package org.entropyworkbench.core.simulate;

import java.time.Instant;
import java.util.Objects;
import org.entropyworkbench.core.dataset.AnswerKind;

/**
 * What to simulate. Immutable.
 *
 * @param profile         how the simulated model behaves
 * @param questions       number of questions (30 for an AIME-sized run, 198 for a GPQA-Diamond-sized one)
 * @param seed            random seed: the same settings always give the same file
 * @param maxTokenRecords cap on per-token records written per step (0 = one record per completion
 *                        token); completionTokens stays realistic and the step is flagged
 *                        {@code sampled-tokens} when capped
 * @param answerKind      INTEGER (AIME-like, answers 0..999) or MULTIPLE_CHOICE (letters A-D)
 * @param dataset         dataset label written in the header
 * @param includeTop      whether to write the raw top-20 alternatives per token (large)
 * @param createdAt       header timestamp and the base of the steps' start times (fixed for reproducible files)
 * @param fromDataset     the dataset whose question ids and expected answers the run uses, or null for
 *                        invented ones ({@code q001}, random answers); with a dataset, {@code questions}
 *                        is its size, {@code answerKind} its kind and {@code dataset} defaults to its name
 */
public record SimulationSettings(
        SimulationProfile profile,
        int questions,
        long seed,
        int maxTokenRecords,
        AnswerKind answerKind,
        String dataset,
        boolean includeTop,
        Instant createdAt,
        DatasetQuestions fromDataset) {

    public SimulationSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(answerKind, "answerKind");
        Objects.requireNonNull(createdAt, "createdAt");
        if (questions < 1) {
            throw new IllegalArgumentException("questions must be at least 1, got " + questions);
        }
        if (maxTokenRecords < 0) {
            throw new IllegalArgumentException("maxTokenRecords must be 0 (no cap) or more, got " + maxTokenRecords);
        }
        if (answerKind == AnswerKind.FREE) {
            throw new IllegalArgumentException("the simulator makes integer or multiple-choice answers, not free text");
        }
        if (fromDataset != null) {
            if (questions != fromDataset.questions().size()) {
                throw new IllegalArgumentException("questions (" + questions + ") must equal the size of dataset "
                        + fromDataset.name() + " (" + fromDataset.questions().size() + ")");
            }
            if (answerKind != fromDataset.kind()) {
                throw new IllegalArgumentException("answer kind " + answerKind.wireName() + " differs from dataset "
                        + fromDataset.name() + "'s (" + fromDataset.kind().wireName() + ")");
            }
            if (dataset == null || dataset.isBlank()) {
                dataset = fromDataset.name();
            }
        }
        if (dataset == null || dataset.isBlank()) {
            dataset = answerKind == AnswerKind.INTEGER ? "simulated-aime" : "simulated-gpqa";
        }
    }

    /** Invented questions (no dataset). */
    public SimulationSettings(SimulationProfile profile, int questions, long seed, int maxTokenRecords,
                              AnswerKind answerKind, String dataset, boolean includeTop, Instant createdAt) {
        this(profile, questions, seed, maxTokenRecords, answerKind, dataset, includeTop, createdAt, null);
    }

    /** The questions and answer kind of {@code from}; the other settings as given. */
    public static SimulationSettings forDataset(SimulationProfile profile, DatasetQuestions from, long seed,
                                                int maxTokenRecords, String dataset, boolean includeTop,
                                                Instant createdAt) {
        return new SimulationSettings(profile, from.questions().size(), seed, maxTokenRecords, from.kind(), dataset,
                includeTop, createdAt, from);
    }

    /** Settings with the usual defaults: integer answers, no top-k lists, no cap. */
    public static SimulationSettings of(SimulationProfile profile, int questions, long seed) {
        return new SimulationSettings(profile, questions, seed, 0, AnswerKind.INTEGER, null, false, Instant.EPOCH);
    }
}
