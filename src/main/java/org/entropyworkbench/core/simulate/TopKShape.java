package org.entropyworkbench.core.simulate;

import java.util.SplittableRandom;

/**
 * Builds a realistic top-k logprob list whose renormalised entropy is close to a target: logits
 * fall off as {@code -beta * i^0.85} with a little noise, beta found from a precomputed
 * entropy-versus-beta table, and a small tail mass left outside the top-k like a real server's.
 * Immutable table, shared by all threads; the scratch arrays passed in belong to the caller.
 */
final class TopKShape {

    static final int K = 20;
    private static final double DECAY_EXPONENT = 0.85;
    private static final double LOGIT_NOISE = 0.25;
    private static final int TABLE_SIZE = 600;
    private static final double MIN_BETA = 1e-3;
    private static final double MAX_BETA = 60;
    private static final double LN2 = Math.log(2);

    private static final double[] RANK_POWER = new double[K];
    private static final double[] BETA = new double[TABLE_SIZE];
    private static final double[] ENTROPY = new double[TABLE_SIZE];

    static {
        for (int i = 0; i < K; i++) {
            RANK_POWER[i] = Math.pow(i, DECAY_EXPONENT);
        }
        for (int j = 0; j < TABLE_SIZE; j++) {
            double beta = MIN_BETA * Math.pow(MAX_BETA / MIN_BETA, j / (double) (TABLE_SIZE - 1));
            BETA[j] = beta;
            ENTROPY[j] = entropyBits(beta);
        }
    }

    private TopKShape() {
    }

    /** Largest entropy a top-k list can have, log2(k). */
    static double maxEntropy() {
        return Math.log(K) / LN2;
    }

    /**
     * Fills {@code logprobs[0..K)} (descending, natural log) for a position whose renormalised
     * entropy should be about {@code targetBits}, with {@code tailMass} of probability outside.
     */
    static void fill(double targetBits, double tailMass, SplittableRandom random, double[] logprobs) {
        double beta = betaFor(targetBits);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < K; i++) {
            double noise = i == 0 ? 0 : LOGIT_NOISE * random.nextGaussian();
            logprobs[i] = -beta * RANK_POWER[i] + noise;
            max = Math.max(max, logprobs[i]);
        }
        double sum = 0;
        for (int i = 0; i < K; i++) {
            sum += Math.exp(logprobs[i] - max);
        }
        double logNorm = max + Math.log(sum) - Math.log1p(-tailMass);
        for (int i = 0; i < K; i++) {
            logprobs[i] -= logNorm;
        }
        sortDescending(logprobs);
    }

    /** The decay rate whose noiseless shape has the target entropy (interpolated in the table). */
    static double betaFor(double targetBits) {
        if (targetBits >= ENTROPY[0]) {
            return BETA[0];
        }
        if (targetBits <= ENTROPY[TABLE_SIZE - 1]) {
            return BETA[TABLE_SIZE - 1];
        }
        int lo = 0;
        int hi = TABLE_SIZE - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (ENTROPY[mid] > targetBits) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double f = (ENTROPY[lo] - targetBits) / (ENTROPY[lo] - ENTROPY[hi]);
        return BETA[lo] + f * (BETA[hi] - BETA[lo]);
    }

    private static double entropyBits(double beta) {
        double sumW = 0;
        double sumWl = 0;
        for (int i = 0; i < K; i++) {
            double l = -beta * RANK_POWER[i];
            double w = Math.exp(l);
            sumW += w;
            sumWl += w * l;
        }
        return (Math.log(sumW) - sumWl / sumW) / LN2;
    }

    private static void sortDescending(double[] a) {
        for (int i = 1; i < K; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] < v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
