package org.entropyworkbench.core.entropy;

/**
 * Shannon entropy (bits) of one generated position from the top-k logprobs a server returned,
 * renormalised over the returned entries (method.md section 3).
 *
 * <p>Sentinel values (-9999, anything below -1e30, -inf, NaN) count as probability 0; duplicate
 * token texts (byte fragments a server returns twice) are merged by adding their probabilities;
 * fewer than k entries are handled by using what is there. One call yields the entropies for
 * several k (the top-k ablation) from a single sort. The entropy at k uses the k most probable
 * returned entries and then merges duplicates among them, exactly what a server asked for only
 * k alternatives would have given.
 *
 * <p>Stateless apart from scratch arrays: one instance per thread ({@link #forThisThread()}).
 */
public final class TopKEntropy {

    /** The k values of the top-k ablation, ascending. */
    public static final int[] ABLATION_KS = {5, 10, 15, 20};

    private static final double LN2 = Math.log(2.0);
    private static final ThreadLocal<TopKEntropy> PER_THREAD = ThreadLocal.withInitial(TopKEntropy::new);

    private double[] lp = new double[32];
    private String[] tok = new String[32];
    private String[] groupTok = new String[32];
    private int[] groupHash = new int[32];
    /** Open-addressing table from token hash to group index; a slot is live when its stamp is the current call's. */
    private int[] slotGroup = new int[64];
    private int[] slotStamp = new int[64];
    private int stamp;
    private int freeSlot;
    private double[] groupW = new double[32];

    /** The calling thread's instance; scratch space is reused between calls. */
    public static TopKEntropy forThisThread() {
        return PER_THREAD.get();
    }

    /** Whether a logprob is a usable value rather than a sentinel for "no probability". */
    public static boolean isUsable(double logprob) {
        return logprob > -9999.0 && logprob != Double.POSITIVE_INFINITY;
    }

    /**
     * Entropies for each k of {@code ks} (ascending) from {@code count} alternatives.
     *
     * @param logprobs natural-log probabilities, any order, sentinels allowed
     * @param tokens   the alternatives' texts for duplicate merging, or null to skip merging
     * @param count    how many entries of the arrays are valid
     * @param ks       ascending k values
     * @param out      receives the entropy in bits for each k; NaN when no usable entry exists
     * @return the tail mass {@code 1 - sum(p)} over all usable returned entries (before
     *         renormalisation), clamped to [0, 1]; NaN when no usable entry exists
     */
    public double compute(double[] logprobs, String[] tokens, int count, int[] ks, double[] out) {
        int n = collect(logprobs, tokens, count);
        if (n == 0) {
            java.util.Arrays.fill(out, 0, ks.length, Double.NaN);
            return Double.NaN;
        }
        sortDescending(n);
        if (++stamp == 0) {
            java.util.Arrays.fill(slotStamp, 0);
            stamp = 1;
        }
        double max = lp[0];
        double sumW = 0;
        double sumWlnW = 0;
        int groups = 0;
        int kIndex = 0;
        for (int i = 0; i < n; i++) {
            double lnW = lp[i] - max;
            double w = Math.exp(lnW);
            sumW += w;
            String t = tok[i];
            int hash = t == null ? 0 : t.hashCode();
            int g = t == null ? -1 : groupOf(t, hash);
            if (g < 0) {
                if (t != null) {
                    slotStamp[freeSlot] = stamp;
                    slotGroup[freeSlot] = groups;
                }
                groupTok[groups] = t;
                groupHash[groups] = hash;
                groupW[groups] = w;
                groups++;
                sumWlnW += w * lnW;
            } else {
                sumWlnW -= xLnX(groupW[g]);
                groupW[g] += w;
                sumWlnW += xLnX(groupW[g]);
            }
            while (kIndex < ks.length && ks[kIndex] <= i + 1) {
                out[kIndex++] = entropyBits(sumW, sumWlnW);
            }
        }
        double all = entropyBits(sumW, sumWlnW);
        while (kIndex < ks.length) {
            out[kIndex++] = all;
        }
        double rawMass = Math.exp(max) * sumW;
        return Math.min(1.0, Math.max(0.0, 1.0 - rawMass));
    }

    /**
     * DeepConf token confidence of one position (Fu et al. 2025, "Deep Think with Confidence", section 3.1):
     * minus the mean of the returned top-k logprobs (natural log), over the usable entries only (sentinels
     * skipped, no renormalisation, no duplicate merging). High = confident. NaN when no entry is usable.
     */
    public static double confidence(double[] logprobs, int count) {
        double sum = 0;
        int used = 0;
        for (int i = 0; i < count; i++) {
            double l = logprobs[i];
            if (isUsable(l)) {
                sum += Math.min(l, 0.0);
                used++;
            }
        }
        return used == 0 ? Double.NaN : -sum / used;
    }

    /** Entropy in bits over all usable entries (no k cut). */
    public double entropyBits(double[] logprobs, String[] tokens, int count) {
        double[] out = new double[1];
        compute(logprobs, tokens, count, new int[] {Integer.MAX_VALUE}, out);
        return out[0];
    }

    /**
     * H = ln W - (Σ w ln w) / W over group weights w summing to W, converted to bits. The weights are
     * w = exp(lp - max), so ln w of a single entry is just lp - max (no log call), and the raw mass
     * Σ exp(lp) is exp(max) · W (one exp instead of one per entry): only merged duplicates need a log.
     */
    private static double entropyBits(double sumW, double sumWlnW) {
        double h = (Math.log(sumW) - sumWlnW / sumW) / LN2;
        return h < 0 ? 0.0 : h;
    }

    private static double xLnX(double x) {
        return x > 0 ? x * Math.log(x) : 0.0;
    }

    /** Copies usable entries into scratch (logprobs above 0 clamped to 0); returns how many. */
    private int collect(double[] logprobs, String[] tokens, int count) {
        if (lp.length < count) {
            lp = new double[count];
            tok = new String[count];
            groupTok = new String[count];
            groupHash = new int[count];
            groupW = new double[count];
        }
        if (slotStamp.length < 2 * count) {
            int size = Integer.highestOneBit(2 * count - 1) << 1;
            slotGroup = new int[size];
            slotStamp = new int[size];
            stamp = 0;
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            double l = logprobs[i];
            if (!isUsable(l)) {
                continue;
            }
            lp[n] = Math.min(l, 0.0);
            tok[n] = tokens == null ? null : tokens[i];
            n++;
        }
        return n;
    }

    /**
     * Index of the merged group with this token text, or -1 (then {@link #freeSlot} is where a new
     * group with this text goes). A small open-addressing table keyed by the String's cached hash
     * code, so merging duplicates costs O(1) per entry instead of comparing with every earlier group;
     * {@code equals} runs only on a hash match.
     */
    private int groupOf(String t, int hash) {
        int mask = slotStamp.length - 1;
        int slot = ((hash * 0x9E3779B9) >>> 16) & mask;
        while (slotStamp[slot] == stamp) {
            int g = slotGroup[slot];
            if (groupHash[g] == hash && t.equals(groupTok[g])) {
                return g;
            }
            slot = (slot + 1) & mask;
        }
        freeSlot = slot;
        return -1;
    }

    /** Insertion sort: n is at most a few dozen and usually already sorted by the server. */
    private void sortDescending(int n) {
        for (int i = 1; i < n; i++) {
            double v = lp[i];
            String t = tok[i];
            int j = i - 1;
            while (j >= 0 && lp[j] < v) {
                lp[j + 1] = lp[j];
                tok[j + 1] = tok[j];
                j--;
            }
            lp[j + 1] = v;
            tok[j + 1] = t;
        }
    }
}
