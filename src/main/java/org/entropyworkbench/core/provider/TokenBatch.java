package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenView;
import org.entropyworkbench.core.token.Channel;
import java.util.Arrays;

/**
 * The tokens of one streamed chunk, held in arrays that are reused for the whole stream, and the
 * single {@link TokenView} handed to listeners (pointing at one slot at a time). This is what keeps
 * the hot path free of per-token objects besides the token strings themselves.
 *
 * <p>Owned by one streaming thread; not thread-safe.
 */
final class TokenBatch implements TokenView {
    private static final int INITIAL_SLOTS = 8;
    private static final int INITIAL_TOP = 20;

    private String[] text = new String[INITIAL_SLOTS];
    private double[] logprob = new double[INITIAL_SLOTS];
    private int[] topCount = new int[INITIAL_SLOTS];
    private String[][] topToken = new String[INITIAL_SLOTS][];
    private double[][] topLogprob = new double[INITIAL_SLOTS][];
    private Channel[] channel = new Channel[INITIAL_SLOTS];
    private int size;
    private int cursor;

    /** Empties the batch for the next chunk (arrays are kept). */
    void clear() {
        for (int i = 0; i < size; i++) {
            text[i] = null;
            topCount[i] = 0;
        }
        size = 0;
    }

    int size() {
        return size;
    }

    /** Makes slot {@code i} valid (and every slot before it), initialising new slots as empty. */
    void ensureSlot(int i) {
        if (i >= text.length) {
            int cap = Math.max(i + 1, text.length * 2);
            text = Arrays.copyOf(text, cap);
            logprob = Arrays.copyOf(logprob, cap);
            topCount = Arrays.copyOf(topCount, cap);
            topToken = Arrays.copyOf(topToken, cap);
            topLogprob = Arrays.copyOf(topLogprob, cap);
            channel = Arrays.copyOf(channel, cap);
        }
        while (size <= i) {
            text[size] = "";
            logprob[size] = Double.NaN;
            topCount[size] = 0;
            channel[size] = null;
            size++;
        }
    }

    /** Appends an empty slot and returns its index. */
    int addSlot() {
        int i = size;
        ensureSlot(i);
        return i;
    }

    void setText(int i, String t) {
        text[i] = t == null ? "" : t;
    }

    String textAt(int i) {
        return text[i];
    }

    void setLogprob(int i, double lp) {
        logprob[i] = lp;
    }

    void setChannel(int i, Channel c) {
        channel[i] = c;
    }

    Channel channelAt(int i) {
        return channel[i];
    }

    /** Appends one alternative to slot {@code i}. */
    void addTop(int i, String token, double lp) {
        int c = topCount[i];
        String[] toks = topToken[i];
        double[] lps = topLogprob[i];
        if (toks == null) {
            toks = new String[Math.max(INITIAL_TOP, c + 1)];
            lps = new double[toks.length];
            topToken[i] = toks;
            topLogprob[i] = lps;
        } else if (c >= toks.length) {
            toks = Arrays.copyOf(toks, toks.length * 2);
            lps = Arrays.copyOf(lps, toks.length);
            topToken[i] = toks;
            topLogprob[i] = lps;
        }
        toks[c] = token == null ? "" : token;
        lps[c] = lp;
        topCount[i] = c + 1;
    }

    /** Whether slot {@code i} carries any logprob information. */
    boolean hasLogprobs(int i) {
        return topCount[i] > 0 || !Double.isNaN(logprob[i]);
    }

    /** Points the view at slot {@code i} before handing it to a listener. */
    TokenView at(int i) {
        cursor = i;
        return this;
    }

    @Override
    public String text() {
        return text[cursor];
    }

    @Override
    public double logprob() {
        return logprob[cursor];
    }

    @Override
    public Channel channel() {
        Channel c = channel[cursor];
        return c == null ? Channel.ANSWER : c;
    }

    @Override
    public int topCount() {
        return topCount[cursor];
    }

    @Override
    public String topToken(int i) {
        if (i < 0 || i >= topCount[cursor]) {
            throw new IndexOutOfBoundsException("alternative " + i + " of " + topCount[cursor]);
        }
        return topToken[cursor][i];
    }

    @Override
    public double topLogprob(int i) {
        if (i < 0 || i >= topCount[cursor]) {
            throw new IndexOutOfBoundsException("alternative " + i + " of " + topCount[cursor]);
        }
        return topLogprob[cursor][i];
    }

    @Override
    public String toString() {
        return size == 0 ? "TokenBatch[]" : "TokenView[" + text[cursor] + ", " + logprob[cursor] + ", top=" + topCount[cursor] + "]";
    }
}
