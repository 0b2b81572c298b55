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
    private double[] chosen = new double[256];
    private double[] confidence = new double[256];
    private boolean scoresRecorded;
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
        double own = token.logprob();
        add(scratchOut, t, token.channel(), token.text(), TopKEntropy.isUsable(own) ? Math.min(own, 0.0) : Double.NaN,
                TopKEntropy.confidence(scratchLp, c));
    }

    /**
     * Adds one position with its entropies (one per ablation k), the sampled token's own logprob and its
     * DeepConf token confidence ({@link TopKEntropy#confidence}); NaN for either when unknown.
     */
    public void add(double[] entropiesPerK, double tailMass, Channel channel, String text, double chosenLogprob,
                    double tokenConfidence) {
        scoresRecorded = true;
        addPosition(entropiesPerK, tailMass, channel, text, chosenLogprob, tokenConfidence);
    }

    /**
     * Adds one position whose entropies (one per ablation k) are already known, without the chosen-token
     * logprob and confidence (NaN there if another position of the step has them).
     */
    public void add(double[] entropiesPerK, double tailMass, Channel channel, String text) {
        addPosition(entropiesPerK, tailMass, channel, text, Double.NaN, Double.NaN);
    }

    private void addPosition(double[] entropiesPerK, double tailMass, Channel channel, String text,
                             double chosenLogprob, double tokenConfidence) {
        ensureCapacity(n + 1);
        chosen[n] = chosenLogprob;
        confidence[n] = tokenConfidence;
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

    /** Per-token logprob of the sampled token (natural log), or null when no position had one added. */
    public double[] chosenLogprobs() { return scoresRecorded ? Arrays.copyOf(chosen, n) : null; }

    /** Per-token DeepConf confidence, or null when no position had one added. */
    public double[] tokenConfidences() { return scoresRecorded ? Arrays.copyOf(confidence, n) : null; }

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
        chosen = Arrays.copyOf(chosen, cap);
        confidence = Arrays.copyOf(confidence, cap);
    }
}
