package org.entropyworkbench.core.provider;

/**
 * Builds a top-k alternative vector with a given renormalised entropy, for replaying runs that
 * stored entropies but not the raw top-k: one main token with probability {@code p} and k-1
 * alternatives sharing {@code 1-p} equally. That entropy falls monotonically from log2(k) at
 * p = 1/k to 0 at p = 1, so p is found by bisection.
 *
 * <p>Only the entropy at the k it was built for is exact; entropies a consumer computes at smaller
 * k from the same vector (the k = 5/10/15 ablation of a replay) are approximations.
 *
 * <p>Stateless, thread-safe.
 */
final class SyntheticAlternatives {
    private static final double LN2 = Math.log(2.0);
    private static final int ITERATIONS = 200;

    private SyntheticAlternatives() {
    }

    /** Entropy in bits of (p, (1-p)/(k-1) x (k-1)). */
    static double entropyBits(double p, int k) {
        double q = (1 - p) / (k - 1);
        double h = 0;
        if (p > 0) {
            h -= p * Math.log(p);
        }
        if (q > 0) {
            h -= (1 - p) * Math.log(q);
        }
        return h / LN2;
    }

    /**
     * The main token's probability for target entropy {@code bits} with k alternatives; the target is
     * clamped to [0, log2 k].
     */
    static double mainProbability(double bits, int k) {
        double max = Math.log(k) / LN2;
        if (!(bits > 0)) {
            return 1.0;
        }
        if (bits >= max) {
            return 1.0 / k;
        }
        double lo = 1.0 / k;
        double hi = 1.0;
        for (int i = 0; i < ITERATIONS && hi - lo > 1e-17; i++) {
            double mid = 0.5 * (lo + hi);
            if (entropyBits(mid, k) > bits) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Fills {@code logprobs[0..k)} (main first) for the target entropy, scaled so the returned mass is
     * {@code 1 - tailMass} (renormalisation removes the scale, so the entropy is unchanged).
     */
    static void fill(double bits, int k, double tailMass, double[] logprobs) {
        double p = mainProbability(bits, k);
        double scale = tailMass > 0 && tailMass < 1 ? Math.log(1 - tailMass) : 0.0;
        logprobs[0] = Math.log(p) + scale;
        double rest = Math.log((1 - p) / (k - 1)) + scale;
        for (int i = 1; i < k; i++) {
            logprobs[i] = rest;
        }
    }
}
