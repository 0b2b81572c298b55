package org.entropyworkbench.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.ui.charts.EntropyPalette;
import org.junit.jupiter.api.Test;

/** Runs of equal tint, the bounded tail, and the word wrapping of the tinted token text (no JavaFX). */
class TintedTextModelTest {

    /** Every code point 10 px wide: a line of width 100 holds 10 characters. */
    private static final IntToDoubleFunction TEN_PX = cp -> 10;

    private static void append(TintedTextModel m, Channel channel, double entropy, String... tokens) {
        double[] h = new double[tokens.length];
        Channel[] c = new Channel[tokens.length];
        java.util.Arrays.fill(h, entropy);
        java.util.Arrays.fill(c, channel);
        m.append(tokens, h, c, 0, tokens.length);
    }

    @Test
    void tokensOfTheSameTintAndChannelShareOneRunAndControlTokensAreLeftOut() {
        TintedTextModel m = new TintedTextModel(1000);
        append(m, Channel.ANSWER, 0.1, "a", "b");
        append(m, Channel.CONTROL, 0.1, "<eos>");
        append(m, Channel.ANSWER, 3.0, "c");
        append(m, Channel.REASONING, 3.0, "d");

        assertThat(m.text()).isEqualTo("abcd");
        assertThat(m.runCount()).isEqualTo(3);
        List<TintedTextModel.Line> lines = m.wrap(100, TEN_PX);
        assertThat(lines).hasSize(1);
        List<TintedTextModel.Piece> pieces = lines.get(0).pieces();
        assertThat(pieces).extracting(TintedTextModel.Piece::text).containsExactly("ab", "c", "d");
        assertThat(pieces).extracting(TintedTextModel.Piece::italic).containsExactly(false, false, true);
        assertThat(pieces).extracting(TintedTextModel.Piece::x).containsExactly(0.0, 20.0, 30.0);
        assertThat(pieces.get(0).rgb()).isEqualTo(EntropyPalette.tint(0.0));
        assertThat(pieces.get(1).rgb()).isEqualTo(EntropyPalette.tint(3.0));
        assertThat(pieces.get(0).rgb()).isNotEqualTo(pieces.get(1).rgb());
    }

    @Test
    void onlyTheLastCharactersAreKept() {
        TintedTextModel m = new TintedTextModel(10);
        for (int i = 0; i < 20; i++) {
            append(m, Channel.ANSWER, i % 2 == 0 ? 0.0 : 2.0, Integer.toString(i % 10));
        }
        assertThat(m.length()).isEqualTo(10);
        assertThat(m.text()).isEqualTo("0123456789");
        assertThat(m.runCount()).isEqualTo(10);
    }

    @Test
    void wrapsAtSpacesAndNewlinesAndBreaksOnlyOverlongWords() {
        TintedTextModel m = new TintedTextModel(1000);
        append(m, Channel.ANSWER, 0.0, "alpha ", "beta ", "gamma", "\n", "abcdefghijklmno", " z");

        List<String> lines = m.wrap(100, TEN_PX).stream().map(TintedTextModel.Line::text).toList();

        assertThat(lines).containsExactly("alpha beta", "gamma", "abcdefghij", "klmno z");
    }

    @Test
    void aWordSplitAcrossTokensOfDifferentTintStaysTogether() {
        TintedTextModel m = new TintedTextModel(1000);
        append(m, Channel.ANSWER, 0.0, "aaaaaa ");
        append(m, Channel.ANSWER, 0.0, "bb");
        append(m, Channel.REASONING, 3.0, "cc");

        List<TintedTextModel.Line> lines = m.wrap(100, TEN_PX);

        assertThat(lines).extracting(TintedTextModel.Line::text).containsExactly("aaaaaa ", "bbcc");
        assertThat(lines.get(1).pieces()).extracting(TintedTextModel.Piece::italic).containsExactly(false, true);
    }

    @Test
    void wrappingUsesTheGivenAdvances() {
        TintedTextModel m = new TintedTextModel(1000);
        append(m, Channel.ANSWER, 0.0, "ab ab ab");

        assertThat(m.wrap(100, cp -> cp == 'a' ? 40 : 10)).hasSize(3);
        assertThat(m.wrap(100, TEN_PX)).hasSize(1);
    }
}
