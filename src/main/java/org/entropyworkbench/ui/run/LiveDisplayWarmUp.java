package org.entropyworkbench.ui.run;

import java.util.List;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.ui.charts.PlotWarmUp;

/**
 * Warms the Run screen's live display code before the first run: the plot renderer on an
 * off-screen Java2D image ({@link PlotWarmUp}) and the tinted text's append and word wrapping
 * ({@link TintedTextModel}) on synthetic tokens. Without it the first ticks of a replay run these
 * paths interpreted and the FX thread misses pulses. Background thread; touches no JavaFX node.
 */
final class LiveDisplayWarmUp {

    /** Synthetic tokens per round; the plot grows in batches the size of a 5,000 tokens/s tick. */
    static final int TOKENS = 8_000;
    static final int BATCH = 200;
    static final int ROUNDS = 3;

    private LiveDisplayWarmUp() {
    }

    /** @return lines of the last wrap (tests check the text was really wrapped) */
    static int run() {
        PlotWarmUp.renderSynthetic(TOKENS, BATCH, ROUNDS, 700, 300);
        String[] texts = new String[BATCH];
        double[] entropies = new double[BATCH];
        Channel[] channels = new Channel[BATCH];
        int lines = 0;
        for (int round = 0; round < ROUNDS; round++) {
            TintedTextModel model = new TintedTextModel(LiveTokenDisplays.TEXT_CHARS);
            for (int done = 0; done < TOKENS; done += BATCH) {
                for (int i = 0; i < BATCH; i++) {
                    int t = done + i;
                    texts[i] = t % 11 == 0 ? "\n" : t % 7 == 0 ? " so" : " x" + (t % 13);
                    entropies[i] = (t % 17) / 4.0;
                    channels[i] = t % 3 == 0 ? Channel.REASONING : Channel.ANSWER;
                }
                model.append(texts, entropies, channels, 0, BATCH);
                List<TintedTextModel.Line> wrapped = model.wrap(400, cp -> cp == ' ' ? 3.5 : 7.0);
                lines = wrapped.size();
            }
        }
        return lines;
    }
}
