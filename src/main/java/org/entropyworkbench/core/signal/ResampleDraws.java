package org.entropyworkbench.core.signal;

import java.util.SplittableRandom;

/**
 * Which questions each bootstrap resample draws, as a function of the seed only: resamples come in fixed
 * blocks of {@link #BLOCK}, each block with its own generator seeded from the run's seed, so blocks can be
 * evaluated on any thread in any order and a seed still gives the same resamples. A resample of n
 * questions draws n id ranks (0..n−1, the questions in id order, {@link SignalSample#rankOfPosition}), so
 * under every signal of a run (same questions, another sort order) resample b holds the same questions;
 * the fast and the naive path take their draws from here, so they see exactly the same resamples.
 * Immutable; any thread.
 */
final class ResampleDraws {

    /** Resamples per block: enough work per task, and 20 tasks for 2,000 resamples on a few cores. */
    static final int BLOCK = 100;

    private final long[] blockSeeds;
    private final int resamples;

    ResampleDraws(long seed, int resamples) {
        this.resamples = Math.max(0, resamples);
        SplittableRandom root = new SplittableRandom(seed);
        blockSeeds = new long[(this.resamples + BLOCK - 1) / BLOCK];
        for (int k = 0; k < blockSeeds.length; k++) {
            blockSeeds[k] = root.nextLong();
        }
    }

    int blocks() {
        return blockSeeds.length;
    }

    int resamples() {
        return resamples;
    }

    int firstResample(int block) {
        return block * BLOCK;
    }

    int endResample(int block) {
        return Math.min(resamples, (block + 1) * BLOCK);
    }

    /**
     * The generator of a block for samples of {@code n} questions: draws for a sample size never depend on
     * which other sizes are drawn in the same pass. Each resample then takes the next n values of
     * {@code nextInt(n)}.
     */
    SplittableRandom generator(int block, int n) {
        return new SplittableRandom(blockSeeds[block] ^ (0x9E3779B97F4A7C15L * (n + 1L)));
    }
}
