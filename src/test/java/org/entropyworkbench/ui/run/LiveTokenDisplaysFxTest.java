package org.entropyworkbench.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.entropyworkbench.core.token.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The live displays in a real window (Xvfb): the canvas text follows the stream, draws at most every
 * {@link LiveTokenDisplays#TICKS_PER_DRAW} ticks, draws at once when a stream starts, and holds still
 * while scrolled up.
 */
@ExtendWith(ApplicationExtension.class)
class LiveTokenDisplaysFxTest {

    private LiveTokenDisplays live;

    @Start
    void start(Stage stage) {
        live = new LiveTokenDisplays();
        HBox box = new HBox(live.plot().node(), live.text().node());
        HBox.setHgrow(live.text().node(), Priority.ALWAYS);
        stage.setScene(new Scene(box, 900, 300));
        stage.show();
    }

    private static TokenStreamBuffer.LiveTokenBatch batch(boolean started, Channel channel, String... tokens) {
        double[] h = new double[tokens.length];
        Arrays.fill(h, 0.1);
        Channel[] c = new Channel[tokens.length];
        Arrays.fill(c, channel);
        return new TokenStreamBuffer.LiveTokenBatch("q1", 1, started, false, tokens, h, c, tokens.length, null, 0);
    }

    private static String shown(TintedTokenText text) {
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(l -> sb.append(l.text()));
        return sb.toString();
    }

    @Test
    void textIsDrawnWhenTheStreamStartsThenEverySecondTickAndAtTheEnd(FxRobot robot) {
        robot.interact(() -> {
            live.runStarted(20);
            live.accept(List.of(batch(true, Channel.REASONING, "Let", " me")));
            assertThat(shown(live.text())).isEqualTo("Let me");
            assertThat(live.text().lines().get(0).pieces()).allMatch(TintedTextModel.Piece::italic);

            live.accept(List.of(batch(false, Channel.REASONING, " think")));
            assertThat(shown(live.text())).isEqualTo("Let me");
            assertThat(live.text().stale()).isTrue();
            live.accept(List.of());
            assertThat(shown(live.text())).isEqualTo("Let me think");

            live.accept(List.of(batch(false, Channel.ANSWER, " 42")));
            live.runEnded();
            assertThat(shown(live.text())).isEqualTo("Let me think 42");
            assertThat(live.text().stale()).isFalse();
            assertThat(live.plot().series()).hasSize(1);
            assertThat(live.plot().series().get(0).size()).isEqualTo(4);
        });
    }

    @Test
    void aRunThatEndsBeforeAnyTokenNoLongerSaysWaiting(FxRobot robot) {
        robot.interact(() -> {
            live.runStarted(20);
            live.accept(List.of());
        });
        assertThat(live.following().get()).isEqualTo("Waiting for the first tokens…");
        robot.interact(() -> live.runEnded());
        assertThat(live.following().get()).isEqualTo(LiveTokenDisplays.NO_TOKENS);
    }

    @Test
    void scrollingUpHoldsTheTextUntilScrolledBackDown(FxRobot robot) {
        robot.interact(() -> {
            live.runStarted(20);
            String[] words = new String[400];
            for (int i = 0; i < words.length; i++) {
                words[i] = " word" + i;
            }
            live.accept(List.of(batch(true, Channel.ANSWER, words)));
            int linesBefore = live.text().lines().size();
            assertThat(linesBefore).isGreaterThan(20);

            live.text().scrollBy(5);
            assertThat(live.text().linesUpFromBottom()).isEqualTo(5);
            live.accept(List.of(batch(false, Channel.ANSWER, " more", " words", " here")));
            live.accept(List.of());
            assertThat(live.text().lines()).hasSize(linesBefore);
            assertThat(live.text().text()).endsWith("here");

            live.text().scrollBy(-5);
            assertThat(live.text().linesUpFromBottom()).isZero();
            assertThat(shown(live.text())).endsWith("more words here");
        });
    }
}
