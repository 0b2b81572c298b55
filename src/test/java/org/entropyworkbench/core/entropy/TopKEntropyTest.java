package org.entropyworkbench.core.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopKEntropyTest {

    private static final int[] KS = TopKEntropy.ABLATION_KS;
    private final TopKEntropy entropy = new TopKEntropy();

    /** Textbook definition: softmax over the given logprobs, -Σ p log2 p. */
    private static double reference(double[] logprobs) {
        double z = 0;
        for (double l : logprobs) {
            z += Math.exp(l);
        }
        double h = 0;
        for (double l : logprobs) {
            double p = Math.exp(l) / z;
            if (p > 0) {
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    private double[] all(double[] lp, String[] tokens) {
        double[] out = new double[KS.length];
        entropy.compute(lp, tokens, lp.length, KS, out);
        return out;
    }

    @Test
    void uniformOverTwentyIsLog2Twenty() {
        double[] lp = new double[20];
        Arrays.fill(lp, Math.log(1.0 / 20));
        double[] out = all(lp, null);
        assertThat(out[3]).isCloseTo(Math.log(20) / Math.log(2), within(1e-12));
        assertThat(out[0]).isCloseTo(Math.log(5) / Math.log(2), within(1e-12));
        assertThat(out[1]).isCloseTo(Math.log(10) / Math.log(2), within(1e-12));
        assertThat(out[2]).isCloseTo(Math.log(15) / Math.log(2), within(1e-12));
    }

    @Test
    void renormalisesWhateverMassWasReturned() {
        double[] lp = new double[20];
        Arrays.fill(lp, -12.0);
        assertThat(all(lp, null)[3]).isCloseTo(Math.log(20) / Math.log(2), within(1e-12));
    }

    @Test
    void oneHotIsZero() {
        assertThat(all(new double[] {0.0}, null)[3]).isEqualTo(0.0);
        assertThat(all(new double[] {0.0, -9999, -9999, Double.NEGATIVE_INFINITY}, null)[3]).isEqualTo(0.0);
        assertThat(all(new double[] {-1e-9, -40}, null)[3]).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void sentinelsAreIgnored() {
        double half = Math.log(0.5);
        double[] lp = {half, -9999, -1e31, Double.NEGATIVE_INFINITY, Double.NaN, half};
        double[] out = new double[KS.length];
        double tail = entropy.compute(lp, null, lp.length, KS, out);
        for (double h : out) {
            assertThat(h).isCloseTo(1.0, within(1e-12));
        }
        assertThat(tail).isCloseTo(0.0, within(1e-12));
        assertThat(TopKEntropy.isUsable(-9999)).isFalse();
        assertThat(TopKEntropy.isUsable(Double.NaN)).isFalse();
        assertThat(TopKEntropy.isUsable(-3.5)).isTrue();
    }

    @Test
    void onlySentinelsGiveNaN() {
        double[] out = new double[KS.length];
        double tail = entropy.compute(new double[] {-9999, Double.NaN}, null, 2, KS, out);
        assertThat(out).containsOnly(Double.NaN);
        assertThat(tail).isNaN();
        assertThat(entropy.compute(new double[0], null, 0, KS, out)).isNaN();
    }

    @Test
    void duplicateTokensAreMerged() {
        double q = Math.log(0.25);
        double[] lp = {q, q, Math.log(0.5)};
        assertThat(all(lp, new String[] {"a", "a", "b"})[3]).isCloseTo(1.0, within(1e-12));
        assertThat(all(lp, null)[3]).isCloseTo(1.5, within(1e-12));
        assertThat(all(lp, new String[] {"a", "c", "b"})[3]).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void kCutComesBeforeMergingLikeAServerAskedForKAlternatives() {
        // 6 entries; the 6th shares its text with the 1st. At k = 5 it is not part of the top 5.
        double[] lp = {-1.0, -1.5, -2.0, -2.5, -3.0, -3.5};
        String[] tokens = {"x", "b", "c", "d", "e", "x"};
        double[] out = all(lp, tokens);
        assertThat(out[0]).isCloseTo(reference(Arrays.copyOf(lp, 5)), within(1e-12));
        double merged = Math.log(Math.exp(-1.0) + Math.exp(-3.5));
        assertThat(out[1]).isCloseTo(reference(new double[] {merged, -1.5, -2.0, -2.5, -3.0}), within(1e-12));
    }

    @Test
    void fewerThanKEntriesUseWhatIsThere() {
        double[] lp = {Math.log(0.6), Math.log(0.3), Math.log(0.1)};
        double[] out = all(lp, null);
        double expected = reference(lp);
        assertThat(out).containsOnly(out[0]);
        assertThat(out[0]).isCloseTo(expected, within(1e-12));
    }

    @Test
    void tailMassIsUnreturnedProbability() {
        double[] out = new double[KS.length];
        double tail = entropy.compute(new double[] {Math.log(0.5), Math.log(0.3)}, null, 2, KS, out);
        assertThat(tail).isCloseTo(0.2, within(1e-12));
        assertThat(out[3]).isCloseTo(reference(new double[] {Math.log(0.5), Math.log(0.3)}), within(1e-12));
    }

    @Test
    void positiveLogprobsFromRoundingAreClampedToZero() {
        double[] out = new double[KS.length];
        double tail = entropy.compute(new double[] {1e-7, -30}, null, 2, KS, out);
        assertThat(tail).isEqualTo(0.0);
        assertThat(out[3]).isCloseTo(reference(new double[] {0.0, -30}), within(1e-12));
    }

    @Test
    void everyKFromOnePassEqualsSeparateComputations() {
        Random r = new Random(17);
        for (int trial = 0; trial < 500; trial++) {
            int count = 1 + r.nextInt(24);
            double[] lp = new double[count];
            String[] tokens = new String[count];
            for (int i = 0; i < count; i++) {
                lp[i] = r.nextInt(15) == 0 ? -9999 : -r.nextDouble() * 12;
                tokens[i] = "t" + r.nextInt(30);
            }
            double[] onePass = all(lp, tokens);
            double[] onePassNoMerge = all(lp, null);
            for (int j = 0; j < KS.length; j++) {
                double[] single = new double[1];
                entropy.compute(lp, tokens, count, new int[] {KS[j]}, single);
                assertThat(onePass[j]).isCloseTo(single[0], within(1e-12));
                double[] topK = topK(lp, KS[j]);
                if (topK.length == 0) {
                    assertThat(onePassNoMerge[j]).isNaN();
                    continue;
                }
                assertThat(onePassNoMerge[j]).isCloseTo(reference(topK), within(1e-10));
                assertThat(onePassNoMerge[j]).isBetween(0.0, Math.log(KS[j]) / Math.log(2) + 1e-12);
            }
        }
    }

    @Test
    void entropyBitsHasNoKCut() {
        double[] lp = new double[30];
        Arrays.fill(lp, -1.0);
        assertThat(entropy.entropyBits(lp, null, 30)).isCloseTo(Math.log(30) / Math.log(2), within(1e-12));
        assertThat(TopKEntropy.forThisThread()).isSameAs(TopKEntropy.forThisThread());
    }

    @Test
    void unsortedInputIsSortedBeforeTheCut() {
        double[] lp = {-5, -0.1, -3, -0.2, -4, -0.3, -6};
        double[] out = new double[1];
        entropy.compute(lp, null, lp.length, new int[] {3}, out);
        assertThat(out[0]).isCloseTo(reference(new double[] {-0.1, -0.2, -0.3}), within(1e-12));
    }

    @Test
    void duplicatesAreMergedLikeAMapWouldEvenWithEqualHashCodesAndManyEntries() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        Random r = new Random(5);
        String[] vocabulary = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "x", "y", "", " z"};
        for (int trial = 0; trial < 300; trial++) {
            int count = 1 + r.nextInt(trial < 150 ? 24 : 200);
            double[] lp = new double[count];
            String[] tokens = new String[count];
            for (int i = 0; i < count; i++) {
                lp[i] = -r.nextDouble() * 8;
                tokens[i] = r.nextInt(10) == 0 ? null : vocabulary[r.nextInt(vocabulary.length)];
            }
            java.util.Map<String, Double> merged = new java.util.HashMap<>();
            java.util.List<Double> unmerged = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (tokens[i] == null) {
                    unmerged.add(Math.exp(lp[i]));
                } else {
                    merged.merge(tokens[i], Math.exp(lp[i]), Double::sum);
                }
            }
            unmerged.addAll(merged.values());
            double[] groupLogprobs = unmerged.stream().mapToDouble(Math::log).toArray();
            double[] out = new double[1];
            entropy.compute(lp, tokens, count, new int[] {Integer.MAX_VALUE}, out);
            assertThat(out[0]).as("trial " + trial).isCloseTo(reference(groupLogprobs), within(1e-10));
        }
    }

    /** The k largest usable logprobs. */
    private static double[] topK(double[] lp, int k) {
        return Arrays.stream(lp).filter(TopKEntropy::isUsable).boxed()
                .sorted((a, b) -> Double.compare(b, a)).limit(k).mapToDouble(Double::doubleValue).toArray();
    }
}
