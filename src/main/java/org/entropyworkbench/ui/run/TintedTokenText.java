package org.entropyworkbench.ui.run;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.entropyworkbench.core.provider.Channel;
import org.entropyworkbench.ui.charts.EntropyPalette;

/**
 * A stream's text with every token tinted by its entropy (calm slate for confident tokens through
 * blue and purple to orange-red for uncertain ones); reasoning tokens in italics, control tokens
 * left out. Consecutive tokens of the same tint and channel share one Text node, and only the last
 * {@link #maxChars} characters are kept, so the flow stays small however long the stream gets.
 * FX thread only; fed once per UI tick.
 */
public final class TintedTokenText {

    /** Tints are quantised to this many levels per bit so neighbouring tokens merge into one node. */
    private static final double LEVELS_PER_BIT = 4;

    private final TextFlow flow = new TextFlow();
    private final ScrollPane scroll = new ScrollPane(flow);
    private final Deque<Text> runs = new ArrayDeque<>();
    private final int maxChars;
    private final Font answerFont = Font.font("Monospaced", 12.5);
    private final Font reasoningFont = Font.font("Monospaced", FontPosture.ITALIC, 12.5);
    private int chars;
    private int lastLevel = Integer.MIN_VALUE;
    private Channel lastChannel;

    /** @param maxChars characters kept; older text is dropped from the front */
    public TintedTokenText(int maxChars) {
        this.maxChars = maxChars;
        flow.setLineSpacing(2);
        flow.getStyleClass().add("tinted-token-text");
        flow.setStyle("-fx-padding: 6;");
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: white; -fx-background: white;");
        flow.heightProperty().addListener((obs, a, b) -> scroll.setVvalue(1.0));
    }

    public Node node() {
        return scroll;
    }

    /** Appends {@code count} tokens. */
    public void append(String[] texts, double[] entropies, Channel[] channels, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            Channel channel = channels[i];
            String text = texts[i];
            if (channel == Channel.CONTROL || text == null || text.isEmpty()) {
                continue;
            }
            int level = Double.isNaN(entropies[i]) ? -1 : (int) Math.round(entropies[i] * LEVELS_PER_BIT);
            Text last = runs.peekLast();
            if (last != null && level == lastLevel && channel == lastChannel) {
                last.setText(last.getText() + text);
            } else {
                Text run = new Text(text);
                int rgb = EntropyPalette.tint(level < 0 ? Double.NaN : level / LEVELS_PER_BIT);
                run.setFill(Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
                run.setFont(channel == Channel.REASONING ? reasoningFont : answerFont);
                runs.addLast(run);
                flow.getChildren().add(run);
                lastLevel = level;
                lastChannel = channel;
            }
            chars += text.length();
        }
        trim();
    }

    /** Forgets the text (another stream is shown, or this one restarted). */
    public void clear() {
        runs.clear();
        flow.getChildren().clear();
        chars = 0;
        lastLevel = Integer.MIN_VALUE;
        lastChannel = null;
    }

    /** Number of characters shown (for tests). */
    public int length() {
        return chars;
    }

    /** The text shown (for tests). */
    public String text() {
        StringBuilder sb = new StringBuilder(chars);
        runs.forEach(t -> sb.append(t.getText()));
        return sb.toString();
    }

    private void trim() {
        int removed = 0;
        while (chars > maxChars && runs.size() > 1) {
            Text first = runs.peekFirst();
            int excess = chars - maxChars;
            if (first.getText().length() <= excess) {
                runs.removeFirst();
                removed++;
                chars -= first.getText().length();
            } else {
                first.setText(first.getText().substring(excess));
                chars -= excess;
            }
        }
        if (removed > 0) {
            flow.getChildren().remove(0, removed);
        }
    }
}
