package org.entropyworkbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The one line splitter: each {@link LineRules} option on hand-made input, and both line-end rules
 * against a straightforward reference on random input read in tiny pieces (block boundaries inside
 * CR LF, inside multibyte characters, inside long lines).
 */
class LineSplitterTest {

    /** A line as the tests compare it. */
    private record Line(String text, boolean terminated, long number, long offset) {
    }

    private static List<Line> split(LineSplitter s) throws IOException {
        List<Line> out = new ArrayList<>();
        while (s.next()) {
            out.add(new Line(new String(s.buffer(), s.lineStart(), s.lineLength(), StandardCharsets.UTF_8),
                    s.terminated(), s.lineNumber(), s.lineOffset()));
        }
        return out;
    }

    private static List<String> texts(LineSplitter s) throws IOException {
        return split(s).stream().map(Line::text).toList();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Hands out at most {@code piece} bytes per read, as a network or a slow file would. */
    private static InputStream trickle(byte[] bytes, int piece) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, piece));
            }
        };
    }

    @Test
    void runFileRulesEndLinesOnlyAtLfDropACrBeforeItAndKeepALoneCr() throws IOException {
        byte[] in = utf8("a\r\nb\rc\n\nlast");
        List<Line> lines = split(LineSplitter.reading(new ByteArrayInputStream(in), LineRules.runFile(1000)));
        assertThat(lines).containsExactly(new Line("a", true, 1, 0), new Line("b\rc", true, 2, 3),
                new Line("", true, 3, 7), new Line("last", false, 4, 8));
    }

    @Test
    void anyLineEndRulesEndLinesAtLfCrAndCrLfWithOneLineEachAndTheRightOffsets() throws IOException {
        byte[] in = utf8("a\r\nb\rc\n\r\rlast");
        List<Line> lines = split(LineSplitter.reading(new ByteArrayInputStream(in), LineRules.liveStream()));
        assertThat(lines).containsExactly(new Line("a", true, 1, 0), new Line("b", true, 2, 3),
                new Line("c", true, 3, 5), new Line("", true, 4, 7), new Line("", true, 5, 8),
                new Line("last", false, 6, 9));
    }

    @Test
    void anyLineEndRulesMatchBufferedReaderOnRandomInputInTinyPiecesAndInPlace() throws IOException {
        String[] alphabet = {"a", "b", "é", "€", "😀", " ", "\r", "\n", "\r\n"};
        Random random = new Random(8);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            List<String> expected = new BufferedReader(new StringReader(text.toString())).lines().toList();
            byte[] bytes = utf8(text.toString());
            for (LineRules rules : List.of(LineRules.liveStream(), LineRules.textFile())) {
                assertThat(texts(LineSplitter.reading(trickle(bytes, 1 + random.nextInt(3)), rules)))
                        .as("%s on %s", rules.encoding(), text).isEqualTo(expected);
                assertThat(texts(LineSplitter.over(bytes, 0, bytes.length, rules))).isEqualTo(expected);
            }
        }
    }

    @Test
    void lfRulesMatchASplitAtLfOnRandomInputInTinyPieces() throws IOException {
        String[] alphabet = {"x", "é", "\r", "\n", "\r\n", "{}"};
        Random random = new Random(9);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            List<String> expected = new ArrayList<>();
            String rest = text.toString();
            int lf;
            while ((lf = rest.indexOf('\n')) >= 0) {
                String line = rest.substring(0, lf);
                expected.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                rest = rest.substring(lf + 1);
            }
            if (!rest.isEmpty()) {
                expected.add(rest);
            }
            byte[] bytes = utf8(text.toString());
            assertThat(texts(LineSplitter.reading(trickle(bytes, 1 + random.nextInt(3)), LineRules.runFile(1 << 20))))
                    .as(text.toString()).isEqualTo(expected);
        }
    }

    /** Frames as they arrive from a server; a read while a whole line is still unread would block forever. */
    private static final class Network extends InputStream {
        private final byte[][] frames;
        private int frame;
        private boolean lineTaken = true;

        Network(byte[]... frames) {
            this.frames = frames;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (!lineTaken) {
                throw new AssertionError("read again although a whole line was already there: it would block");
            }
            if (frame == frames.length) {
                return -1;
            }
            byte[] f = frames[frame++];
            System.arraycopy(f, 0, b, off, f.length);
            lineTaken = frame == frames.length;
            return f.length;
        }
    }

    @Test
    void aLiveLineIsHandedOverWithoutReadingPastItsEndEvenAfterACr() throws IOException {
        Network network = new Network(utf8("data: one\r"), utf8("\ndata: two\n"), utf8("tail"));
        LineSplitter lines = LineSplitter.reading(network, LineRules.liveStream());
        List<String> got = new ArrayList<>();
        while (lines.next()) {
            got.add(new String(lines.buffer(), lines.lineStart(), lines.lineLength(), StandardCharsets.UTF_8));
            network.lineTaken = true;
        }
        assertThat(got).containsExactly("data: one", "data: two", "tail");
        assertThat(lines.terminated()).isFalse();
    }

    @Test
    void strictUtf8RefusesMalformedLinesNamingTheLineAndUncheckedPassesTheirBytes() throws IOException {
        byte[] good = utf8("ok é € 😀\n");
        byte[][] bad = {{(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {'a', (byte) 0xff}};
        for (byte[] b : bad) {
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            in.writeBytes(good);
            in.writeBytes(utf8("second\r\n"));
            in.writeBytes(b);
            in.writeBytes(utf8("\nafter\n"));
            LineSplitter strict = LineSplitter.reading(new ByteArrayInputStream(in.toByteArray()), LineRules.textFile());
            assertThat(strict.next()).isTrue();
            assertThat(strict.next()).isTrue();
            assertThatThrownBy(strict::next).isInstanceOf(NotUtf8Exception.class)
                    .hasMessage("line 3 is not UTF-8 text").satisfies(e -> assertThat(((NotUtf8Exception) e).lineNumber()).isEqualTo(3));
            LineSplitter unchecked = LineSplitter.reading(new ByteArrayInputStream(in.toByteArray()), LineRules.liveStream());
            List<Line> lines = split(unchecked);
            assertThat(lines).hasSize(4);
            assertThat(unchecked.lineNumber()).isEqualTo(4);
        }
        assertThat(texts(LineSplitter.reading(new ByteArrayInputStream(good), LineRules.textFile()))).containsExactly("ok é € 😀");
    }

    @Test
    void aCutOffGzipStreamEndsTheInputForRunFilesAndFailsForText() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            for (int i = 0; i < 2000; i++) {
                gz.write(utf8("{\"line\":" + i + ",\"pad\":\"" + "p".repeat(i % 50) + "\"}\n"));
            }
        }
        byte[] cut = Arrays.copyOf(packed.toByteArray(), packed.size() / 2);

        LineSplitter run = LineSplitter.reading(new GZIPInputStream(new ByteArrayInputStream(cut)), LineRules.runFile(1 << 20));
        List<Line> lines = split(run);
        assertThat(run.inputCutOff()).isTrue();
        assertThat(lines.size()).isBetween(100, 1999);
        assertThat(lines.get(0).text()).isEqualTo("{\"line\":0,\"pad\":\"\"}");
        assertThat(lines.subList(0, lines.size() - 1)).allMatch(Line::terminated);
        assertThat(run.bytesRead()).isEqualTo(lines.stream().mapToLong(l -> utf8(l.text()).length + (l.terminated() ? 1 : 0)).sum());

        LineSplitter text = LineSplitter.reading(new GZIPInputStream(new ByteArrayInputStream(cut)),
                new LineRules(LineRules.LineEnds.LF, LineRules.Encoding.UNCHECKED, LineRules.CutOff.FAIL, 1 << 20));
        assertThatThrownBy(() -> split(text)).isInstanceOf(EOFException.class);

        LineSplitter whole = LineSplitter.reading(new GZIPInputStream(new ByteArrayInputStream(packed.toByteArray())),
                LineRules.runFile(1 << 20));
        assertThat(split(whole)).hasSize(2000);
        assertThat(whole.inputCutOff()).isFalse();
    }

    @Test
    void aLineOverTheLimitIsSkippedWithoutHoldingItAndReportedWithItsLength() throws IOException {
        int limit = 1000;
        String huge = "h".repeat(3_000_000);
        byte[] in = utf8("first\n" + huge + "\r\nnext\n" + "y".repeat(limit) + "\n" + "z".repeat(limit + 1));
        LineSplitter s = LineSplitter.reading(trickle(in, 4096), LineRules.runFile(limit));

        assertThat(s.next()).isTrue();
        assertThat(s.tooLong()).isFalse();
        assertThat(s.next()).isTrue();
        assertThat(s.tooLong()).isTrue();
        assertThat(s.fullLength()).isEqualTo(3_000_000);
        assertThat(s.lineLength()).isZero();
        assertThat(s.lineOffset()).isEqualTo(6);
        assertThat(s.lineNumber()).isEqualTo(2);
        assertThat(s.lineBlank()).isFalse();
        assertThat(s.terminated()).isTrue();
        assertThat(s.buffer().length).isLessThanOrEqualTo(1 << 17);
        assertThat(s.next()).isTrue();
        assertThat(new String(s.buffer(), s.lineStart(), s.lineLength(), StandardCharsets.UTF_8)).isEqualTo("next");
        assertThat(s.lineOffset()).isEqualTo(6 + 3_000_000 + 2);
        assertThat(s.next()).isTrue();
        assertThat(s.tooLong()).as("exactly the limit is allowed").isFalse();
        assertThat(s.lineLength()).isEqualTo(limit);
        assertThat(s.next()).isTrue();
        assertThat(s.tooLong()).isTrue();
        assertThat(s.terminated()).isFalse();
        assertThat(s.fullLength()).isEqualTo(limit + 1);
        assertThat(s.next()).isFalse();

        byte[] inPlace = utf8("short\n" + "w".repeat(limit + 5) + "\n");
        LineSplitter over = LineSplitter.over(inPlace, 0, inPlace.length, LineRules.runFile(limit));
        assertThat(over.next()).isTrue();
        assertThat(over.next()).isTrue();
        assertThat(over.tooLong()).isTrue();
        assertThat(over.fullLength()).isEqualTo(limit + 5);
    }

    @Test
    void inPlaceSplittingCountsOffsetsFromTheRangeStartAndCopiesNothing() throws IOException {
        byte[] bytes = utf8("XXone\ntwo\nYY");
        LineSplitter s = LineSplitter.over(bytes, 2, 10, LineRules.runFile(100));
        assertThat(s.next()).isTrue();
        assertThat(s.buffer()).isSameAs(bytes);
        assertThat(s.lineStart()).isEqualTo(2);
        assertThat(s.lineOffset()).isZero();
        assertThat(s.next()).isTrue();
        assertThat(s.lineOffset()).isEqualTo(4);
        assertThat(s.terminated()).isTrue();
        assertThat(s.next()).isFalse();
        assertThatThrownBy(() -> LineSplitter.over(bytes, 5, 20, LineRules.runFile(100)))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void blankMeansWhatStringIsBlankSays() throws IOException {
        byte[] in = utf8(" \t\n\u3000 \nx\n \u00a0\n\n");
        LineSplitter s = LineSplitter.reading(new ByteArrayInputStream(in), LineRules.runFile(100));
        List<Boolean> blank = new ArrayList<>();
        while (s.next()) {
            blank.add(s.lineBlank());
        }
        assertThat(blank).containsExactly(true, true, false, false, true);
    }

    @Test
    void rulesMustBeComplete() {
        assertThatThrownBy(() -> new LineRules(null, LineRules.Encoding.UNCHECKED, LineRules.CutOff.FAIL, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LineRules(LineRules.LineEnds.LF, LineRules.Encoding.UNCHECKED, LineRules.CutOff.FAIL, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
