package org.entropyworkbench.ui.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.Text;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.ui.charts.EntropyPalette;

/**
 * A stream's text with every token tinted by its entropy (calm slate for confident tokens through
 * blue and purple to orange-red for uncertain ones); reasoning tokens in italics, control tokens
 * left out. Drawn on one Canvas with its own word wrapping ({@link TintedTextModel}), so a fast
 * stream costs one redraw per UI tick and no layout or CSS pass over text nodes. Only the last
 * {@link #maxChars} characters are kept. The view follows the end of the stream; scrolling up with
 * the mouse wheel holds the text still (and says so) until scrolled back to the bottom.
 * FX thread only; fed once per UI tick.
 */
public final class TintedTokenText {

    private static final double FONT_SIZE = 12.5;
    private static final double PADDING = 6;
    private static final double LINE_SPACING = 2;
    private static final int WHEEL_LINES = 3;

    private final TintedTextModel model;
    private final Canvas canvas = new Canvas();
    private final Pane pane = new Pane(canvas);
    private final Font answerFont = Font.font("Monospaced", FONT_SIZE);
    private final Font reasoningFont = Font.font("Monospaced", FontPosture.ITALIC, FONT_SIZE);
    private final Text measurer = new Text();
    private final Map<Integer, Double> widths = new HashMap<>();
    private final Map<Integer, Color> colors = new HashMap<>();
    private final double lineHeight;
    private List<TintedTextModel.Line> lines = List.of();
    private int linesUpFromBottom;
    private boolean stale;

    /** @param maxChars characters kept; older text is dropped from the front */
    public TintedTokenText(int maxChars) {
        this.model = new TintedTextModel(maxChars);
        measurer.setFont(answerFont);
        measurer.setText("Mg");
        lineHeight = Math.ceil(measurer.getLayoutBounds().getHeight()) + LINE_SPACING;
        pane.getStyleClass().add("tinted-token-text");
        pane.setStyle("-fx-background-color: white;");
        pane.setMinSize(0, 0);
        pane.setPrefSize(200, 120);
        canvas.widthProperty().bind(pane.widthProperty());
        canvas.heightProperty().bind(pane.heightProperty());
        canvas.widthProperty().addListener((obs, a, b) -> relayout());
        canvas.heightProperty().addListener((obs, a, b) -> redraw());
        pane.setOnScroll(e -> {
            int step = e.getDeltaY() > 0 ? WHEEL_LINES : e.getDeltaY() < 0 ? -WHEEL_LINES : 0;
            scrollBy(step);
            e.consume();
        });
    }

    public Node node() {
        return pane;
    }

    /** Appends {@code count} tokens; they are drawn by the next {@link #refresh()}. */
    public void append(String[] texts, double[] entropies, Channel[] channels, int offset, int count) {
        model.append(texts, entropies, channels, offset, count);
        stale |= count > 0;
    }

    /** Forgets the text (another stream is shown, or this one restarted) and follows the end again. */
    public void clear() {
        model.clear();
        linesUpFromBottom = 0;
        stale = true;
    }

    /** Wraps and draws what was appended since the last refresh (unless the view is held by scrolling up). */
    public void refresh() {
        if (stale && linesUpFromBottom == 0) {
            relayout();
        }
    }

    /** True when appended text waits for {@link #refresh()}. */
    public boolean stale() {
        return stale && linesUpFromBottom == 0;
    }

    /** Number of characters kept (for tests). */
    public int length() {
        return model.length();
    }

    /** The text kept (for tests). */
    public String text() {
        return model.text();
    }

    /** The wrapped lines drawn at the current width (for tests). */
    List<TintedTextModel.Line> lines() {
        return lines;
    }

    /** Lines scrolled up from the end; 0 = following the stream (for tests). */
    int linesUpFromBottom() {
        return linesUpFromBottom;
    }

    /** Scrolls by whole lines (positive = back towards older text); at 0 the view follows the stream again. */
    void scrollBy(int linesBack) {
        int max = Math.max(0, lines.size() - visibleLines());
        int next = Math.max(0, Math.min(max, linesUpFromBottom + linesBack));
        if (next == linesUpFromBottom) {
            return;
        }
        boolean resume = next == 0 && linesUpFromBottom > 0;
        linesUpFromBottom = next;
        if (resume) {
            relayout();
        } else {
            redraw();
        }
    }

    private void relayout() {
        double wrapWidth = canvas.getWidth() - 2 * PADDING;
        lines = wrapWidth < 1 ? List.of() : model.wrap(wrapWidth, this::advance);
        stale = false;
        redraw();
    }

    private int visibleLines() {
        return Math.max(1, (int) ((canvas.getHeight() - 2 * PADDING) / lineHeight));
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.TOP);
        int visible = visibleLines();
        int end = lines.size() - linesUpFromBottom;
        int start = Math.max(0, end - visible);
        double y = PADDING;
        for (int i = start; i < end; i++) {
            for (TintedTextModel.Piece p : lines.get(i).pieces()) {
                g.setFill(color(p.rgb()));
                g.setFont(p.italic() ? reasoningFont : answerFont);
                g.fillText(p.text(), PADDING + p.x(), y);
            }
            y += lineHeight;
        }
        if (linesUpFromBottom > 0) {
            drawHeldNotice(g, w, h);
        }
    }

    private void drawHeldNotice(GraphicsContext g, double w, double h) {
        String notice = "Held: scroll down to follow the stream";
        g.setFont(answerFont);
        double noticeWidth = 0;
        for (int i = 0; i < notice.length(); i++) {
            noticeWidth += advance(notice.charAt(i));
        }
        double x = Math.max(0, w - noticeWidth - 2 * PADDING);
        double top = h - lineHeight - PADDING;
        g.setFill(Color.rgb(0xFE, 0xF3, 0xC7));
        g.fillRect(x - PADDING, top - 2, noticeWidth + 2 * PADDING, lineHeight + 4);
        g.setFill(Color.rgb(0x37, 0x41, 0x51));
        g.fillText(notice, x, top);
    }

    private double advance(int codePoint) {
        Double w = widths.get(codePoint);
        if (w == null) {
            // Between two letters, so that a space's advance counts too (trailing spaces may not).
            measurer.setText("M" + new String(Character.toChars(codePoint)) + "M");
            double with = measurer.getLayoutBounds().getWidth();
            measurer.setText("MM");
            w = Math.max(0, with - measurer.getLayoutBounds().getWidth());
            widths.put(codePoint, w);
        }
        return w;
    }

    private Color color(int rgb) {
        return colors.computeIfAbsent(rgb, c -> Color.web(EntropyPalette.hex(c)));
    }
}
