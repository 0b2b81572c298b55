package org.entropyworkbench.ui.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Collects the token streams of a run off the FX thread and hands them to the UI in batches.
 *
 * <p>Each question-step stream has its own buffer of parallel arrays, written by the single worker
 * thread that streams it and emptied by the UI tick ({@link #drain()}, 20-30 times a second) which
 * swaps the arrays out. The per-stream monitor is therefore almost never contended, nothing is
 * allocated per token beyond the token's own string, and the UI sees one batch per stream per tick
 * instead of one event per token. A stream's lifecycle (started, restarted, completed) travels in
 * the same buffer as its tokens, so the UI sees them in the order they happened.
 *
 * <p>Thread-safe: {@code offer*} from any worker thread, {@link #drain()} from one consumer thread.
 */
public final class TokenStreamBuffer {

    private static final int INITIAL_CAPACITY = 64;

    private final Map<String, Pending> streams = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * What one stream did since the previous drain.
     *
     * @param questionId question id
     * @param step       1-based step
     * @param started    the stream started since the previous drain
     * @param restarted  the stream broke and started again: earlier tokens of it are void
     * @param texts      token texts, first {@code size} valid
     * @param entropies  token entropies in bits (NaN without logprobs), first {@code size} valid
     * @param channels   token channels, first {@code size} valid
     * @param size       number of new tokens
     * @param completed  the step's record when it completed since the previous drain, else null
     * @param order      creation order of the stream (batches are returned in this order)
     */
    public record LiveTokenBatch(String questionId, int step, boolean started, boolean restarted, String[] texts,
                             double[] entropies, Channel[] channels, int size, StepRecord completed, long order) {

        /** Stream key "questionId/step" (the plot's series key). */
        public String key() {
            return streamKey(questionId, step);
        }
    }

    /** The key of a question-step stream. */
    public static String streamKey(String questionId, int step) {
        return questionId + "/" + step;
    }

    /** A step's call starts. Worker thread. */
    public void offerStarted(String questionId, int step) {
        pending(questionId, step).markStarted();
    }

    /** One token of a stream, in generation order. Worker thread; the text must already be a copy. */
    public void offerToken(String questionId, int step, String text, double entropyBits, Channel channel) {
        pending(questionId, step).add(text, entropyBits, channel);
    }

    /** The stream starts again from its first token: buffered tokens of it are dropped. Worker thread. */
    public void offerRestarted(String questionId, int step) {
        pending(questionId, step).restart();
    }

    /** The step was recorded; its stream ends after the tokens already offered. Worker thread. */
    public void offerCompleted(StepRecord record) {
        pending(record.questionId(), record.step()).complete(record);
    }

    /**
     * Everything offered since the previous call, one batch per stream that changed, in the order the
     * streams were created (so a question's step s comes before its step s+1). Completed streams are
     * forgotten after their final batch. Consumer thread.
     *
     * <p>Streams created after the call began wait for the next call: the map's iterator may pass a
     * question's step s before it changes and still meet its step s+1, created meanwhile, which put
     * step s+1's start before step s's in the UI (TokenStreamBufferTest caught it under load).
     */
    public List<LiveTokenBatch> drain() {
        long upTo = sequence.get();
        List<LiveTokenBatch> out = new ArrayList<>();
        Iterator<Pending> it = streams.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.order > upTo) {
                continue;
            }
            LiveTokenBatch batch = p.take();
            if (batch != null) {
                out.add(batch);
                if (batch.completed() != null) {
                    it.remove();
                }
            }
        }
        out.sort(Comparator.comparingLong(LiveTokenBatch::order));
        return out;
    }

    /** Number of streams started and not yet completed-and-drained. */
    public int openStreams() {
        return streams.size();
    }

    private Pending pending(String questionId, int step) {
        String key = streamKey(questionId, step);
        Pending p = streams.get(key);
        if (p == null) {
            p = streams.computeIfAbsent(key, k -> new Pending(questionId, step, sequence.incrementAndGet()));
        }
        return p;
    }

    /** One stream's buffered state; guarded by its own monitor. */
    private static final class Pending {
        private final String questionId;
        private final int step;
        private final long order;
        private String[] texts = new String[INITIAL_CAPACITY];
        private double[] entropies = new double[INITIAL_CAPACITY];
        private Channel[] channels = new Channel[INITIAL_CAPACITY];
        private int size;
        private boolean started;
        private boolean restarted;
        private StepRecord completed;

        Pending(String questionId, int step, long order) {
            this.questionId = questionId;
            this.step = step;
            this.order = order;
        }

        synchronized void markStarted() {
            started = true;
        }

        synchronized void add(String text, double entropy, Channel channel) {
            if (size == texts.length) {
                int capacity = size * 2;
                texts = Arrays.copyOf(texts, capacity);
                entropies = Arrays.copyOf(entropies, capacity);
                channels = Arrays.copyOf(channels, capacity);
            }
            texts[size] = text;
            entropies[size] = entropy;
            channels[size] = channel;
            size++;
        }

        synchronized void restart() {
            restarted = true;
            Arrays.fill(texts, 0, size, null);
            size = 0;
        }

        synchronized void complete(StepRecord record) {
            completed = record;
        }

        /** Swaps the buffered tokens out; null when nothing happened since the last take. */
        synchronized LiveTokenBatch take() {
            if (size == 0 && !started && !restarted && completed == null) {
                return null;
            }
            LiveTokenBatch batch = new LiveTokenBatch(questionId, step, started, restarted, texts, entropies, channels,
                    size, completed, order);
            int capacity = Math.max(INITIAL_CAPACITY, Math.min(size, 4096));
            texts = new String[capacity];
            entropies = new double[capacity];
            channels = new Channel[capacity];
            size = 0;
            started = false;
            restarted = false;
            completed = null;
            return batch;
        }
    }
}
