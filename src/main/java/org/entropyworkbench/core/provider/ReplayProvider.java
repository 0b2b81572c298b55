package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenListener;
import org.entropyworkbench.core.token.TokenView;
import org.entropyworkbench.core.token.Channel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Plays recorded steps back through the {@link ChatProvider} interface, so the live views and the
 * runner can be exercised without a model server. A request is matched by (questionId, step); its
 * tokens stream with their recorded channels. When a record kept the raw {@code top} logprobs they
 * are sent as recorded; otherwise each position gets a synthetic top-20 vector whose renormalised
 * entropy equals the recorded k = 20 entropy (see {@link SyntheticAlternatives}; entropies at k =
 * 5/10/15 computed from a replay are then approximations). Positions without a recorded entropy
 * come with no alternatives and a NaN logprob.
 *
 * <p>Pacing: token i is due at start + i / tokensPerSecond, with sleeps computed against the start
 * time (no drift); 0 or infinity means as fast as possible. Thread-safe: calls share only the
 * immutable record index.
 */
public final class ReplayProvider implements ChatProvider {
    static final int SYNTHETIC_K = StepRecord.DEFAULT_K;
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final String[] PLACEHOLDERS = new String[SYNTHETIC_K + 1];

    static {
        for (int i = 0; i < PLACEHOLDERS.length; i++) {
            PLACEHOLDERS[i] = "<replay-alt-" + (i + 1) + ">";
        }
    }

    private final Map<String, StepRecord> byQuestionStep = new HashMap<>();
    private final double tokensPerSecond;

    /**
     * @param steps           recorded steps; a later record for the same (question, step) replaces an earlier one
     * @param tokensPerSecond pacing; 0 or {@link Double#POSITIVE_INFINITY} for as fast as possible
     */
    public ReplayProvider(List<StepRecord> steps, double tokensPerSecond) {
        if (Double.isNaN(tokensPerSecond) || tokensPerSecond < 0) {
            throw new IllegalArgumentException("replay speed must be >= 0 tokens per second, got " + tokensPerSecond);
        }
        for (StepRecord s : steps) {
            byQuestionStep.put(key(s.questionId(), s.step()), s);
        }
        this.tokensPerSecond = tokensPerSecond;
    }

    private static String key(String questionId, int step) {
        return questionId + '\u0000' + step;
    }

    @Override
    public ChatResult stream(ChatRequest request, TokenListener listener, CancellationToken cancel) throws ProviderException {
        StepRecord rec = byQuestionStep.get(key(request.questionId(), request.step()));
        if (rec == null) {
            throw new ProviderException(ProviderException.Kind.FATAL,
                    "replay: no recorded step for question '" + request.questionId() + "' step " + request.step());
        }
        ReplayView view = new ReplayView(rec);
        int n = view.positions();
        boolean paced = tokensPerSecond > 0 && !Double.isInfinite(tokensPerSecond);
        double nanosPerToken = paced ? 1e9 / tokensPerSecond : 0;
        long start = System.nanoTime();
        int withLogprobs = 0;
        for (int i = 0; i < n; i++) {
            if (cancel.isCancelled()) {
                throw cancelled();
            }
            if (paced) {
                waitUntil(start + (long) (i * nanosPerToken), cancel);
            }
            view.moveTo(i);
            if (view.topCount() > 0 || !Double.isNaN(view.logprob())) {
                withLogprobs++;
            }
            listener.onToken(view);
        }
        if (cancel.isCancelled()) {
            throw cancelled();
        }
        return new ChatResult(rec.text(), rec.reasoningText(), rec.promptTokens(), rec.completionTokens(), -1,
                rec.finishReason(), withLogprobs, "replay");
    }

    private void waitUntil(long dueNanos, CancellationToken cancel) throws ProviderException {
        long left;
        while ((left = dueNanos - System.nanoTime()) > 0) {
            if (cancel.isCancelled()) {
                throw cancelled();
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, MAX_SLEEP_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled();
            }
        }
    }

    private ProviderException cancelled() {
        return new ProviderException(ProviderException.Kind.CANCELLED, "replay: cancelled");
    }

    @Override
    public String describe() {
        return "replay (" + byQuestionStep.size() + " recorded steps)";
    }

    /** The reused view over one record's positions; owned by one stream call. */
    private static final class ReplayView implements TokenView {
        private final StepRecord rec;
        private final double[] entropies20;
        private final double[] synthetic = new double[SYNTHETIC_K];
        private final String[] syntheticTokens = new String[SYNTHETIC_K];
        private int i;
        private StepRecord.TopLogprobs raw;
        private double logprob;

        ReplayView(StepRecord rec) {
            this.rec = rec;
            this.entropies20 = rec.entropies(SYNTHETIC_K);
        }

        int positions() {
            int n = rec.tokenRecordCount();
            if (n == 0 && rec.tokens() != null) {
                n = rec.tokens().size();
            }
            if (rec.topLogprobs() != null) {
                n = Math.max(n, rec.topLogprobs().size());
            }
            return n;
        }

        void moveTo(int index) {
            i = index;
            raw = rec.topLogprobs() != null && index < rec.topLogprobs().size() ? rec.topLogprobs().get(index) : null;
            if (raw != null) {
                logprob = sampledLogprob(raw, text());
                return;
            }
            double h = index < entropies20.length ? entropies20[index] : Double.NaN;
            if (Double.isNaN(h)) {
                logprob = Double.NaN;
                syntheticTokens[0] = null;
                return;
            }
            double tail = rec.tailMass() != null && index < rec.tailMass().length ? rec.tailMass()[index] : 0.0;
            SyntheticAlternatives.fill(h, SYNTHETIC_K, Double.isNaN(tail) ? 0.0 : tail, synthetic);
            logprob = synthetic[0];
            String main = text();
            syntheticTokens[0] = main;
            int next = 0;
            for (int j = 1; j < SYNTHETIC_K; j++) {
                if (PLACEHOLDERS[next].equals(main)) {
                    next++;
                }
                syntheticTokens[j] = PLACEHOLDERS[next++];
            }
        }

        private static double sampledLogprob(StepRecord.TopLogprobs top, String text) {
            List<String> toks = top.tokens();
            for (int j = 0; j < toks.size() && j < top.logprobs().length; j++) {
                if (toks.get(j).equals(text)) {
                    return top.logprobs()[j];
                }
            }
            return Double.NaN;
        }

        @Override
        public String text() {
            List<String> t = rec.tokens();
            return t != null && i < t.size() && t.get(i) != null ? t.get(i) : "";
        }

        @Override
        public double logprob() {
            return logprob;
        }

        @Override
        public Channel channel() {
            String c = rec.channels();
            return c != null && i < c.length() ? Channel.fromCode(c.charAt(i)) : Channel.ANSWER;
        }

        @Override
        public int topCount() {
            if (raw != null) {
                return Math.min(raw.tokens().size(), raw.logprobs().length);
            }
            return syntheticTokens[0] == null ? 0 : SYNTHETIC_K;
        }

        @Override
        public String topToken(int j) {
            checkIndex(j);
            return raw != null ? raw.tokens().get(j) : syntheticTokens[j];
        }

        @Override
        public double topLogprob(int j) {
            checkIndex(j);
            return raw != null ? raw.logprobs()[j] : synthetic[j];
        }

        private void checkIndex(int j) {
            if (j < 0 || j >= topCount()) {
                throw new IndexOutOfBoundsException("alternative " + j + " of " + topCount());
            }
        }
    }
}
