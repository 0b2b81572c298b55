package org.entropyworkbench.ui.run;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.entropyworkbench.ui.charts.TokenEntropyPlot;

/**
 * The live token displays of the Run screen: the per-token entropy plot of the streams in flight and
 * the tinted text of the followed stream. Receives one list of batches per UI tick (empty when nothing
 * streamed) and redraws the plot and the text only when they changed, at most every
 * {@link #TICKS_PER_DRAW} ticks. FX thread.
 */
final class LiveTokenDisplays implements LiveStreamSink {

    /** Characters of streamed text kept on screen. */
    static final int TEXT_CHARS = 6_000;

    /**
     * Ticks (40 ms each) between redraws of the plot and the text while tokens stream: 12.5 frames a
     * second look live and halve the render thread's work; a stream starting or ending draws at once.
     */
    static final int TICKS_PER_DRAW = 2;

    private final TokenEntropyPlot plot = new TokenEntropyPlot();
    private final TintedTokenText text = new TintedTokenText(TEXT_CHARS);
    private final StreamFollower follower = new StreamFollower();
    private final ReadOnlyStringWrapper following = new ReadOnlyStringWrapper("Streamed text appears here");
    /** Message of both panels when a run ends before its first token (a dead server, a refused request). */
    static final String NO_TOKENS = "The run ended before any token arrived (the status above says why)";
    private boolean plotStale;
    private boolean anyTokens;
    private int ticksSinceDraw;

    LiveTokenDisplays() {
        plot.setEmptyMessage("Start a run or a replay: the entropy of every streamed token appears here");
    }

    TokenEntropyPlot plot() { return plot; }

    TintedTokenText text() { return text; }

    /** "Following q7 · step 2" or a hint. */
    ReadOnlyStringProperty following() { return following.getReadOnlyProperty(); }

    /** Follow one question's streams (null = whatever streams next). */
    void pin(String questionId) {
        follower.pin(questionId);
        following.set(questionId == null ? "Following the next active stream" : "Waiting for " + questionId + " to stream…");
    }

    @Override
    public void runStarted(int k) {
        plot.clear();
        plot.setK(k);
        plot.setEmptyMessage("Waiting for the first tokens…");
        text.clear();
        text.refresh();
        plotStale = false;
        ticksSinceDraw = 0;
        follower.reset();
        anyTokens = false;
        following.set("Waiting for the first tokens…");
    }

    @Override
    public void accept(List<TokenStreamBuffer.LiveTokenBatch> batches) {
        boolean plotChanged = false;
        boolean streamBeganOrEnded = false;
        for (TokenStreamBuffer.LiveTokenBatch b : batches) {
            String key = b.key();
            if (b.started() && !b.restarted()) {
                plot.beginStream(key, b.questionId() + " step " + b.step(), b.step());
                plotChanged = true;
                streamBeganOrEnded = true;
            }
            if (b.restarted()) {
                plot.restartStream(key);
                plotChanged = true;
            }
            if (b.size() > 0) {
                anyTokens = true;
                plot.appendTokens(key, b.step(), b.entropies(), 0, b.size());
                plotChanged = true;
            }
            StreamFollower.Decision d = follower.onBatch(b);
            if (d == StreamFollower.Decision.SWITCH_AND_APPEND) {
                text.clear();
            }
            if (d != StreamFollower.Decision.IGNORE) {
                text.append(b.texts(), b.entropies(), b.channels(), 0, b.size());
                following.set(String.format(Locale.ROOT, "Following %s · step %d%s", b.questionId(), b.step(),
                        b.completed() != null ? " (done)" : ""));
            }
            if (b.completed() != null) {
                plot.finishStream(key);
                plotChanged = true;
                streamBeganOrEnded = true;
            }
        }
        plotStale |= plotChanged;
        ticksSinceDraw++;
        if ((plotStale || text.stale()) && (streamBeganOrEnded || ticksSinceDraw >= TICKS_PER_DRAW)) {
            draw();
        }
    }

    @Override
    public void runEnded() {
        if (!anyTokens) {
            plot.clear();
            plot.setEmptyMessage(NO_TOKENS);
            following.set(NO_TOKENS);
            return;
        }
        if (plotStale || text.stale()) {
            draw();
        }
    }

    /** Redraws what changed: each draw costs a software render of both canvases, so not every tick. */
    private void draw() {
        if (plotStale) {
            plot.redraw();
            plotStale = false;
        }
        text.refresh();
        ticksSinceDraw = 0;
    }
}
