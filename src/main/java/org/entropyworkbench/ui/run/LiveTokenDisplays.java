package org.entropyworkbench.ui.run;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.entropyworkbench.ui.charts.TokenEntropyPlot;

/**
 * The live token displays of the Run screen: the per-token entropy plot of the streams in flight and
 * the tinted text of the followed stream. Receives one list of batches per UI tick and redraws the
 * plot once per tick. FX thread.
 */
final class LiveTokenDisplays implements LiveStreamSink {

    /** Characters of streamed text kept on screen. */
    static final int TEXT_CHARS = 6_000;

    private final TokenEntropyPlot plot = new TokenEntropyPlot();
    private final TintedTokenText text = new TintedTokenText(TEXT_CHARS);
    private final StreamFollower follower = new StreamFollower();
    private final ReadOnlyStringWrapper following = new ReadOnlyStringWrapper("Streamed text appears here");

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
        follower.reset();
        following.set("Waiting for the first tokens…");
    }

    @Override
    public void accept(List<TokenStreamBuffer.TokenBatch> batches) {
        for (TokenStreamBuffer.TokenBatch b : batches) {
            String key = b.key();
            if (b.started() && !b.restarted()) {
                plot.beginStream(key, b.questionId() + " step " + b.step(), b.step());
            }
            if (b.restarted()) {
                plot.restartStream(key);
            }
            if (b.size() > 0) {
                plot.appendTokens(key, b.step(), b.entropies(), 0, b.size());
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
            }
        }
        plot.redraw();
    }
}
