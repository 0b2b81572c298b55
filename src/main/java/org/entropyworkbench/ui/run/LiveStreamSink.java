package org.entropyworkbench.ui.run;

import java.util.List;

/**
 * Where the Run screen's live token displays (entropy plot, tinted text) get their data: once per UI
 * tick, every stream that changed, as one batch each. FX thread.
 */
public interface LiveStreamSink {

    /** A new run starts: forget the previous one. {@code k} is the run's top-k. */
    void runStarted(int k);

    /**
     * What the streams did since the previous tick, in stream creation order; called on every tick,
     * with an empty list when nothing streamed (so a sink can draw what it held back).
     */
    void accept(List<TokenStreamBuffer.LiveTokenBatch> batches);

    /** The run ended (finished, cancelled or stopped): show everything received. */
    default void runEnded() {
    }
}
