package org.entropyworkbench.core.stats;

import java.util.Arrays;

/**
 * How well a gate score ranks correct answers above incorrect ones, without a threshold. Scores are
 * gate scores: low = confident (a high-is-confident signal comes negated). Non-finite scores are
 * skipped. Stateless, any thread.
 */
public final class Discrimination {

    private Discrimination() {
    }

    /**
     * AUROC: the probability that a random correct answer has a more confident (lower) score than a
     * random incorrect one, ties counted half. Equal to the Mann-Whitney U statistic of the correct
     * class over the incorrect one divided by n_c n_i; computed by one sort and a sweep over tied
     * groups, O(n log n). NaN when either class is empty. 0.5 = no discrimination.
     */
    public static double auroc(double[] correctScores, double[] incorrectScores) {
        double[] c = finiteSorted(correctScores);
        double[] i = finiteSorted(incorrectScores);
        if (c.length == 0 || i.length == 0) {
            return Double.NaN;
        }
        double pairs = 0;
        int ci = 0;
        int ii = 0;
        while (ci < c.length || ii < i.length) {
            double v = ii == i.length || (ci < c.length && c[ci] < i[ii]) ? c[ci] : i[ii];
            int tiedC = 0;
            while (ci < c.length && c[ci] == v) {
                ci++;
                tiedC++;
            }
            int tiedI = 0;
            while (ii < i.length && i[ii] == v) {
                ii++;
                tiedI++;
            }
            // correct values below v were all counted in earlier groups: ci - tiedC of them
            pairs += (double) tiedI * (ci - tiedC) + 0.5 * tiedI * tiedC;
        }
        return pairs / ((double) c.length * i.length);
    }

    /**
     * AUPRC as average precision with correct answers as the positive class, ranked most confident
     * first: Σ over tied score groups of (recall gained) × (precision at the end of the group). Its
     * no-skill baseline is the share of correct answers. NaN when there is no correct answer.
     */
    public static double auprc(double[] correctScores, double[] incorrectScores) {
        double[] c = finiteSorted(correctScores);
        double[] i = finiteSorted(incorrectScores);
        if (c.length == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int ci = 0;
        int ii = 0;
        while (ci < c.length || ii < i.length) {
            double v = ii == i.length || (ci < c.length && c[ci] < i[ii]) ? c[ci] : i[ii];
            int tiedC = 0;
            while (ci < c.length && c[ci] == v) {
                ci++;
                tiedC++;
            }
            while (ii < i.length && i[ii] == v) {
                ii++;
            }
            if (tiedC > 0) {
                ap += ((double) tiedC / c.length) * ((double) ci / (ci + ii));
            }
        }
        return ap;
    }

    private static double[] finiteSorted(double[] values) {
        double[] out = Arrays.stream(values).filter(Double::isFinite).toArray();
        Arrays.sort(out);
        return out;
    }
}
