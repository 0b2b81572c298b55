package org.entropyworkbench.core.entropy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.token.TokenListener;
import org.entropyworkbench.core.token.TokenView;

/**
 * Collects the per-token entropies of one step as its tokens stream in, for every k of
 * {@link TopKEntropy#ABLATION_KS}, with tail mass, channels and token texts.
 *
 * <p>Used by one streaming thread at a time (not thread-safe). Positions without any usable
 * logprob get entropy NaN; they are counted in {@link #missingLogprobs()} and left out of means.
 */
public final class StepEntropyAccumulator implements TokenListener {

    private static final int[] KS = TopKEntropy.ABLATION_KS;

    private final double[][] byK = new double[KS.length][];
    private double[] tail = new double[256];
    private final StringBuilder channels = new StringBuilder(256);
    private final List<String> tokens = new ArrayList<>(256);
    private final double[] scratchOut = new double[KS.length];
    private double[] scratchLp = new double[32];
    private String[] scratchTok = new String[32];
    private int n;
    private int missing;

    public StepEntropyAccumulator() {
        for (int j = 0; j < KS.length; j++) {
            byK[j] = new double[256];
        }
    }

    @Override
    public void onToken(TokenView token) {
        int c = token.topCount();
        if (scratchLp.length < c) {
            scratchLp = new double[c];
            scratchTok = new String[c];
        }
        for (int i = 0; i < c; i++) {
            scratchLp[i] = token.topLogprob(i);
            scratchTok[i] = token.topToken(i);
        }
        double t = TopKEntropy.forThisThread().compute(scratchLp, scratchTok, c, KS, scratchOut);
        add(scratchOut, t, token.channel(), token.text());
    }

    /** Adds one position whose entropies (one per ablation k) are already known. */
    public void add(double[] entropiesPerK, double tailMass, Channel channel, String text) {
        ensureCapacity(n + 1);
        for (int j = 0; j < KS.length; j++) {
            byK[j][n] = entropiesPerK[j];
        }
        if (Double.isNaN(entropiesPerK[KS.length - 1])) {
            missing++;
        }
        tail[n] = tailMass;
        channels.append(channel.code());
        tokens.add(text == null ? "" : text);
        n++;
    }

    /** Entropy (bits, k = 20) of the most recent position, NaN when it had no usable logprobs. */
    public double lastEntropy() {
        return n == 0 ? Double.NaN : byK[KS.length - 1][n - 1];
    }

    public int size() { return n; }

    public int missingLogprobs() { return missing; }

    /** Per-token entropies keyed by k, trimmed copies. */
    public Map<Integer, double[]> entropyByK() {
        Map<Integer, double[]> m = new HashMap<>();
        for (int j = 0; j < KS.length; j++) {
            m.put(KS[j], Arrays.copyOf(byK[j], n));
        }
        return m;
    }

    public double[] tailMass() { return Arrays.copyOf(tail, n); }

    public String channels() { return channels.toString(); }

    public List<String> tokens() { return List.copyOf(tokens); }

    /**
     * Mean over positions with usable logprobs, optionally only those of one channel (null = all).
     * Positions beyond the end of {@code channels} belong to no channel. NaN when no position counts.
     */
    public static double mean(double[] entropies, String channels, Channel only) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < entropies.length; i++) {
            double e = entropies[i];
            if (Double.isNaN(e)) {
                continue;
            }
            if (only != null && (channels == null || i >= channels.length() || channels.charAt(i) != only.code())) {
                continue;
            }
            sum += e;
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private void ensureCapacity(int needed) {
        if (needed <= tail.length) {
            return;
        }
        int cap = Math.max(needed, tail.length * 2);
        for (int j = 0; j < KS.length; j++) {
            byK[j] = Arrays.copyOf(byK[j], cap);
        }
        tail = Arrays.copyOf(tail, cap);
    }
}
