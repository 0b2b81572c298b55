package org.entropyworkbench.ui.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.ui.charts.EntropyPalette;

/**
 * What the tinted token text shows, without any drawing: a bounded tail of the stream's characters
 * in runs of equal tint and channel, and a greedy word-wrapping of that tail into lines of pieces
 * (text, tint, italic, x offset). The view draws only the lines that fit; this class has no JavaFX
 * so the wrapping and trimming are testable anywhere. Not thread-safe; the FX thread owns it.
 */
final class TintedTextModel {

    /** Tints are quantised to this many levels per bit so neighbouring tokens share one run. */
    static final double LEVELS_PER_BIT = 4;

    /** A piece of one line: characters of one tint and posture starting at {@code x} pixels. */
    record Piece(String text, int rgb, boolean italic, double x) {
    }

    /** One wrapped line. */
    record Line(List<Piece> pieces) {
        String text() {
            StringBuilder sb = new StringBuilder();
            pieces.forEach(p -> sb.append(p.text()));
            return sb.toString();
        }
    }

    private static final class Run {
        final StringBuilder text = new StringBuilder();
        final int level;
        final Channel channel;
        final int rgb;

        Run(int level, Channel channel) {
            this.level = level;
            this.channel = channel;
            this.rgb = EntropyPalette.tint(level < 0 ? Double.NaN : level / LEVELS_PER_BIT);
        }
    }

    private final Deque<Run> runs = new ArrayDeque<>();
    private final int maxChars;
    private int chars;

    /** @param maxChars characters kept; older text is dropped from the front */
    TintedTextModel(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Appends {@code count} tokens; control tokens and empty texts are left out. */
    void append(String[] texts, double[] entropies, Channel[] channels, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            Channel channel = channels[i];
            String text = texts[i];
            if (channel == Channel.CONTROL || text == null || text.isEmpty()) {
                continue;
            }
            int level = Double.isNaN(entropies[i]) ? -1 : (int) Math.round(entropies[i] * LEVELS_PER_BIT);
            Run last = runs.peekLast();
            if (last == null || last.level != level || last.channel != channel) {
                last = new Run(level, channel);
                runs.addLast(last);
            }
            last.text.append(text);
            chars += text.length();
        }
        trim();
    }

    void clear() {
        runs.clear();
        chars = 0;
    }

    int length() {
        return chars;
    }

    /** Number of runs of equal tint and channel kept. */
    int runCount() {
        return runs.size();
    }

    String text() {
        StringBuilder sb = new StringBuilder(chars);
        runs.forEach(r -> sb.append(r.text));
        return sb.toString();
    }

    /**
     * Wraps the kept text into lines at most {@code maxWidth} pixels wide: breaks at spaces, at
     * newlines, and inside a word only when the word alone is wider than a line. Spaces at a line
     * break are dropped; tabs count as four spaces.
     *
     * @param width advance of one code point in pixels
     */
    List<Line> wrap(double maxWidth, IntToDoubleFunction width) {
        LineBuilder lines = new LineBuilder(Math.max(1, maxWidth));
        List<int[]> word = new ArrayList<>();
        for (Run run : runs) {
            boolean italic = run.channel == Channel.REASONING;
            String s = run.text.toString();
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == '\r') {
                    continue;
                }
                if (cp == '\n' || cp == ' ' || cp == '\t') {
                    lines.placeWord(word, width);
                    word.clear();
                    if (cp == '\n') {
                        lines.newLine();
                    } else {
                        lines.placeSpace(cp == '\t' ? 4 : 1, width.applyAsDouble(' '), run.rgb, italic);
                    }
                } else {
                    word.add(new int[] {cp, run.rgb, italic ? 1 : 0});
                }
            }
        }
        lines.placeWord(word, width);
        return lines.finish();
    }

    private void trim() {
        while (chars > maxChars && runs.size() > 1) {
            Run first = runs.peekFirst();
            int excess = chars - maxChars;
            if (first.text.length() <= excess) {
                runs.removeFirst();
                chars -= first.text.length();
            } else {
                int cut = excess;
                if (Character.isHighSurrogate(first.text.charAt(cut - 1))) {
                    cut++;
                }
                first.text.delete(0, cut);
                chars -= cut;
            }
        }
    }

    /** Greedy line filling. */
    private static final class LineBuilder {
        private final double maxWidth;
        private final List<Line> lines = new ArrayList<>();
        private List<Piece> pieces = new ArrayList<>();
        private StringBuilder pieceText;
        private int pieceRgb;
        private boolean pieceItalic;
        private double pieceX;
        private double x;

        LineBuilder(double maxWidth) {
            this.maxWidth = maxWidth;
        }

        void placeWord(List<int[]> word, IntToDoubleFunction width) {
            if (word.isEmpty()) {
                return;
            }
            double wordWidth = 0;
            for (int[] c : word) {
                wordWidth += width.applyAsDouble(c[0]);
            }
            if (x > 0 && x + wordWidth > maxWidth) {
                newLine();
            }
            for (int[] c : word) {
                double w = width.applyAsDouble(c[0]);
                if (x > 0 && x + w > maxWidth) {
                    newLine();
                }
                put(c[0], c[1], c[2] == 1, w);
            }
        }

        void placeSpace(int count, double spaceWidth, int rgb, boolean italic) {
            for (int i = 0; i < count; i++) {
                if (x + spaceWidth > maxWidth) {
                    newLine();
                } else {
                    put(' ', rgb, italic, spaceWidth);
                }
            }
        }

        private void put(int cp, int rgb, boolean italic, double w) {
            if (pieceText == null || rgb != pieceRgb || italic != pieceItalic) {
                closePiece();
                pieceText = new StringBuilder();
                pieceRgb = rgb;
                pieceItalic = italic;
                pieceX = x;
            }
            pieceText.appendCodePoint(cp);
            x += w;
        }

        private void closePiece() {
            if (pieceText != null && pieceText.length() > 0) {
                pieces.add(new Piece(pieceText.toString(), pieceRgb, pieceItalic, pieceX));
            }
            pieceText = null;
        }

        void newLine() {
            closePiece();
            lines.add(new Line(List.copyOf(pieces)));
            pieces = new ArrayList<>();
            x = 0;
        }

        List<Line> finish() {
            closePiece();
            if (!pieces.isEmpty()) {
                lines.add(new Line(List.copyOf(pieces)));
            }
            return lines;
        }
    }
}
