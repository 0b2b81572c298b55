package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteJsonCursorTest {

    private final ByteJsonCursor cursor = new ByteJsonCursor(new TokenTextCache());

    private ByteJsonCursor on(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        cursor.reset(bytes, 0, bytes.length);
        return cursor;
    }

    /** What the Jackson path reads for this number token: the reference the fast path must equal bit for bit. */
    private static double jackson(String number) throws IOException {
        try (JsonParser p = JsonFields.FACTORY.createParser(number)) {
            JsonToken t = p.nextToken();
            assertThat(t).isIn(JsonToken.VALUE_NUMBER_FLOAT, JsonToken.VALUE_NUMBER_INT);
            return p.getDoubleValue();
        }
    }

    /**
     * Reads {@code number} three ways: alone in its array (byte-at-a-time path), followed by more
     * JSON (eight-bytes-at-a-time path), and with digits right after the line's end, which must not
     * be taken as part of the number.
     */
    private void assertReadsLikeJackson(String number) throws IOException {
        long expected = Double.doubleToRawLongBits(jackson(number));
        double fast = on(number).readNumber();
        assertThat(cursor.atEnd()).as(number).isTrue();
        assertThat(Double.doubleToRawLongBits(fast)).as(number + " read as " + fast).isEqualTo(expected);
        double followed = on(number + ",123456789012345678]").readNumber();
        assertThat(cursor.more(']')).as(number).isTrue();
        assertThat(Double.doubleToRawLongBits(followed)).as(number + " followed, read as " + followed).isEqualTo(expected);
        byte[] padded = ("  " + number + "98765432109876543210").getBytes(StandardCharsets.US_ASCII);
        cursor.reset(padded, 2, number.length());
        double bounded = cursor.readNumber();
        assertThat(cursor.atEnd()).as(number).isTrue();
        assertThat(Double.doubleToRawLongBits(bounded)).as(number + " bounded, read as " + bounded).isEqualTo(expected);
        if (number.contains(".") || number.contains("e") || number.contains("E")) {
            assertThat(Double.doubleToRawLongBits(fast)).as(number).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(number)));
        }
    }

    @Test
    void decimalsAsTheWriterWritesThemReadExactlyLikeJackson() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        FixedDecimals decimals = new FixedDecimals();
        for (int i = 0; i < 100_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(-6, 7));
            double v = (random.nextDouble() * 2 - 1) * magnitude;
            int places = random.nextInt(0, 8);
            String text = new String(decimals.buffer, 0, decimals.format(v, places));
            assertReadsLikeJackson(text);
        }
    }

    @Test
    void randomDigitStringsOfEveryLengthReadExactlyLikeJackson() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            if (random.nextBoolean()) {
                s.append('-');
            }
            int whole = random.nextInt(0, 12);
            if (whole == 0) {
                s.append('0');
            } else {
                s.append((char) ('1' + random.nextInt(9)));
                for (int k = 1; k < whole; k++) {
                    s.append((char) ('0' + random.nextInt(10)));
                }
            }
            int fraction = random.nextInt(0, 26);
            if (fraction > 0 || whole == 0) {
                s.append('.');
                int zeros = random.nextInt(0, 4);
                for (int k = 0; k < Math.max(1, fraction); k++) {
                    s.append(k < zeros ? '0' : (char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(5) == 0) {
                s.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "-" : "+")
                        .append(random.nextInt(0, 320));
            }
            assertReadsLikeJackson(s.toString());
        }
    }

    @Test
    void roundTripsOfRandomDoublesReadExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            assertReadsLikeJackson(Double.toString(v));
        }
    }

    @Test
    void edgeCasesReadLikeJackson() throws IOException {
        for (String s : new String[] {"0", "-0", "0.0", "-0.0", "-0.00000", "1", "-1", "123456789012345678",
                "-123456789012345678", "1234567890123456789", "-9223372036854775808", "0.1", "0.30000000000000004", "9007199254740993.0", "123456789012345.6",
                "1e22", "1E-7", "-2.5e+3", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014E-308",
                "0.000000000000000000000001", "99999999999999999999.5", "0.1234567890123456789"}) {
            assertReadsLikeJackson(s);
        }
    }

    @Test
    void eightByteDigitScanFindsEveryDigitRunAndItsValue() {
        SplittableRandom random = new SplittableRandom(11);
        for (int run = 0; run <= 8; run++) {
            for (int other = 0; other < 256; other++) {
                if (other >= '0' && other <= '9') {
                    continue;
                }
                byte[] bytes = new byte[8];
                long expected = 0;
                for (int k = 0; k < 8; k++) {
                    int digit = random.nextInt(10);
                    bytes[k] = (byte) (k < run ? '0' + digit : random.nextInt(256));
                    if (k < run) {
                        expected = expected * 10 + digit;
                    }
                }
                if (run < 8) {
                    bytes[run] = (byte) other;
                }
                long w = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
                assertThat(ByteJsonCursor.leadingDigits(w)).as("run %d then byte %d", run, other).isEqualTo(run);
                if (run > 0) {
                    assertThat(ByteJsonCursor.digitsValue(w, run)).as("run %d", run).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void numbersAroundEightByteBoundariesAndNextToNonDigitBytesReadLikeJackson() throws IOException {
        for (String s : new String[] {"1234567", "12345678", "123456789", "0.1234567", "0.12345678", "-0.1234567",
                "12345678.1234567", "1234567.12345678", "-0", "-0.0", "0.0000000", "-0.0000001", "7.0000001e1",
                "123456789012345", "1234567890123456", "1.23456789012345", "1.234567890123456"}) {
            assertReadsLikeJackson(s);
            for (char after : new char[] {'/', ':', ',', ']'}) {
                byte[] bytes = (s + after + "12345678").getBytes(StandardCharsets.US_ASCII);
                cursor.reset(bytes, 0, bytes.length);
                double v = cursor.readNumber();
                assertThat(Double.doubleToRawLongBits(v)).as(s + after).isEqualTo(Double.doubleToRawLongBits(jackson(s)));
                assertThat(cursor.peek()).as(s + after).isEqualTo(after);
            }
            byte[] high = (s + "x").getBytes(StandardCharsets.UTF_8);
            for (int b = 0x80; b < 0x100; b++) {
                high[high.length - 1] = (byte) b;
                byte[] padded = java.util.Arrays.copyOf(high, high.length + 8);
                java.util.Arrays.fill(padded, high.length, padded.length, (byte) '5');
                cursor.reset(padded, 0, padded.length);
                assertThat(Double.doubleToRawLongBits(cursor.readNumber())).as(s + " then byte " + b)
                        .isEqualTo(Double.doubleToRawLongBits(jackson(s)));
                assertThat(cursor.peek()).isEqualTo((int) (byte) b);
            }
        }
    }

    /** What Jackson reads for each element of a number array (null as NaN), the fast path's reference. */
    private static double[] jacksonArray(String json) throws IOException {
        try (JsonParser p = JsonFields.FACTORY.createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            java.util.List<Double> values = new java.util.ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                values.add(p.currentToken() == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue());
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    @Test
    void numberArraysReadExactlyLikeJacksonWhateverTheElementsLookLike() throws IOException {
        SplittableRandom random = new SplittableRandom(2026);
        FixedDecimals decimals = new FixedDecimals();
        String[] odd = {"null", "0", "-0", "-0.0", "0.0", "1e-7", "-2.5E+3", "12345678.5", "0.123456789012",
                "1234567890123456.5", "7", "-12", "0.00000001", "99999999.9999999", " 1.5", "1.5 ", "\t-0.25"};
        for (int i = 0; i < 20_000; i++) {
            int count = random.nextInt(0, 40);
            StringBuilder json = new StringBuilder("[");
            for (int k = 0; k < count; k++) {
                if (k > 0) {
                    json.append(',');
                }
                if (random.nextInt(6) == 0) {
                    json.append(odd[random.nextInt(odd.length)]);
                } else {
                    double v = (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(-4, 8));
                    json.append(decimals.buffer, 0, decimals.format(v, random.nextInt(0, 8)));
                }
            }
            json.append(']');
            String text = json.toString();
            double[] expected = jacksonArray(text);
            double[] fast = on(text + (random.nextBoolean() ? "" : ",\"tail\":[1.25,2.5]")).readNumberArray();
            assertThat(fast.length).as(text).isEqualTo(expected.length);
            for (int k = 0; k < expected.length; k++) {
                assertThat(Double.doubleToRawLongBits(fast[k])).as(text + " element " + k)
                        .isEqualTo(Double.doubleToRawLongBits(expected[k]));
            }
        }
        assertThat(on("[]").readNumberArray()).isEmpty();
        assertThatThrownBy(() -> on("[1.5,]").readNumberArray()).isInstanceOf(ByteJsonCursor.Decline.class);
        assertThatThrownBy(() -> on("[1.5,01.5]").readNumberArray()).isInstanceOf(ByteJsonCursor.Decline.class);
        assertThatThrownBy(() -> on("[0.25,0.5,0.75,1.25,1.5x]").readNumberArray()).isInstanceOf(ByteJsonCursor.Decline.class);
        assertThatThrownBy(() -> on("[0.25,0.5,0.75,1.25,1.5").readNumberArray()).isInstanceOf(ByteJsonCursor.Decline.class);
    }

    @Test
    void skippingANumberArrayAcceptsAndDeclinesExactlyWhatSkippingAnyValueDoes() {
        SplittableRandom random = new SplittableRandom(99);
        String[] elements = {"0.0326", "-0.8302337", "36.8249152", "0", "-0", "null", "1e-7", "01", "1.", "\"x\"",
                "true", "[1.5,[2.5]]", "{\"a\":[1]}", "", "nul", "0.12345678", " 2.5 ", "-", "12345678.5"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder json = new StringBuilder();
            int shape = random.nextInt(10);
            if (shape == 0) {
                json.append(elements[random.nextInt(elements.length)]);
            } else {
                json.append('[');
                int count = random.nextInt(0, 30);
                for (int k = 0; k < count; k++) {
                    if (k > 0) {
                        json.append(random.nextInt(50) == 0 ? ",," : ",");
                    }
                    json.append(random.nextInt(8) == 0 ? elements[random.nextInt(elements.length)]
                            : String.format(java.util.Locale.ROOT, "%.7f", random.nextDouble() * 40 - 20));
                }
                if (random.nextInt(30) != 0) {
                    json.append(']');
                }
            }
            String line = json + ",\"next\":1}";
            int skippedTo = -1;
            try {
                on(line).skipValue();
                skippedTo = cursor.peek() == ',' ? line.indexOf(",\"next\"", 0) : -2;
            } catch (ByteJsonCursor.Decline e) {
                skippedTo = -3;
            }
            int fastTo;
            try {
                on(line).skipNumberArray();
                fastTo = cursor.peek() == ',' ? line.indexOf(",\"next\"", 0) : -2;
            } catch (ByteJsonCursor.Decline e) {
                fastTo = -3;
            }
            assertThat(fastTo).as(line).isEqualTo(skippedTo);
            if (skippedTo >= 0) {
                assertThat(cursor.more('}')).isTrue();
                assertThat(cursor.readString()).isEqualTo("next");
            }
        }
    }

    @Test
    void numbersOutsideTheStrictGrammarOrTooBigAreDeclined() {
        for (String s : new String[] {"01", "-01", "1.", ".5", "-", "+1", "1e", "1e+", "NaN", "-Infinity",
                "Infinity", "x"}) {
            assertThatThrownBy(() -> on(s).readNumber()).as(s).isInstanceOf(ByteJsonCursor.Decline.class);
        }
        assertThatThrownBy(() -> on("9223372036854775808").readLong()).isInstanceOf(ByteJsonCursor.Decline.class);
        assertThatThrownBy(() -> on("12345678901234567890").readLong()).isInstanceOf(ByteJsonCursor.Decline.class);
        assertThat(on("-9223372036854775808").readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(on("1234567890123456789").readLong()).isEqualTo(1234567890123456789L);
        assertThatThrownBy(() -> on("2147483648").readInt()).isInstanceOf(ByteJsonCursor.Decline.class);
        assertThatThrownBy(() -> on("1.0").readInt()).isInstanceOf(ByteJsonCursor.Decline.class);
        assertThat(on("-2147483648").readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(on("123456789012345678").readLong()).isEqualTo(123456789012345678L);
        assertThat(on("null").readNullableDouble()).isNaN();
    }

    @Test
    void stringsWithEscapesAndUnicodeReadLikeJackson() throws IOException {
        String[] samples = {"\"plain\"", "\"\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"\\u00e9\\u4E2D\\ud83d\\ude00\"",
            "\"caf\u00e9 \u4e2d\u6587 \ud83d\ude00 \u0394\"", "\" lone \\udc00 surrogate\"", "\"\\u0000\""};
        for (String json : samples) {
            String expected;
            try (JsonParser p = JsonFields.FACTORY.createParser(json.getBytes(StandardCharsets.UTF_8))) {
                p.nextToken();
                expected = p.getText();
            }
            assertThat(on(json).readString()).as(json).isEqualTo(expected);
            assertThat(cursor.atEnd()).isTrue();
            on(json).skipString();
            assertThat(cursor.atEnd()).isTrue();
        }
    }

    @Test
    void badStringsAreDeclined() {
        byte[][] bad = {
            {'"', 'a', (byte) 0xc3, '"'},                     // cut multi-byte sequence
            {'"', (byte) 0xc0, (byte) 0x80, '"'},             // overlong
            {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}, // encoded surrogate
            {'"', (byte) 0xff, '"'},                           // never valid
            {'"', 'a', 0x01, '"'},                             // raw control character
            {'"', '\\', 'x', '"'},                             // unknown escape
            {'"', '\\', 'u', '1', 'g', '0', '0', '"'},         // bad hex
            {'"', 'a', 'b'},                                   // no closing quote
        };
        for (byte[] b : bad) {
            cursor.reset(b, 0, b.length);
            assertThatThrownBy(cursor::readString).isInstanceOf(ByteJsonCursor.Decline.class);
            cursor.reset(b, 0, b.length);
            assertThatThrownBy(cursor::skipString).isInstanceOf(ByteJsonCursor.Decline.class);
        }
    }

    @Test
    void skipsAnyValidValueAndDeclinesBrokenOnes() {
        on("{\"a\":[1,{\"b\":[true,false,null,\"x\\\"]\"]},{}],\"c\":{\"d\":[]}} ,").skipValue();
        assertThat(cursor.peek()).isEqualTo(',');
        on("[[],[[]],{}]").skipValue();
        assertThat(cursor.atEnd()).isTrue();
        for (String s : new String[] {"[1,]", "{\"a\" 1}", "{\"a\":1]", "[1 2]", "[tru]", "{1:2}", "[", "[nulll]"}) {
            assertThatThrownBy(() -> on(s).skipValue()).as(s).isInstanceOf(ByteJsonCursor.Decline.class);
        }
    }

    @Test
    void deepNestingIsDeclinedWithoutOverflowingTheStack() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        assertThatThrownBy(() -> on(deep).skipValue()).isInstanceOf(ByteJsonCursor.Decline.class);
        String fine = "[".repeat(ByteJsonCursor.MAX_DEPTH) + "]".repeat(ByteJsonCursor.MAX_DEPTH);
        on(fine).skipValue();
        assertThat(cursor.atEnd()).isTrue();
    }

    /** What Jackson reads for a JSON string token. */
    private static String jacksonString(String json) throws IOException {
        try (JsonParser p = JsonFields.FACTORY.createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
            return p.getText();
        }
    }

    @Test
    void shortTextsReadEightBytesAtATimeEqualJacksonAndAreShared() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        // fewer distinct texts than the cache holds (TokenTextCache.MAX_ENTRIES), so none is dropped by a reset
        String[] specials = {"\\n", "\\\"", "\\\\", "\\u00e9", "\u00e9", "\u4e2d", "\ud83d\ude00", "/"};
        for (int i = 0; i < 5_000; i++) {
            int length = random.nextInt(0, 20);
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < length; k++) {
                text.append((char) random.nextInt(0x20, 0x7f));
            }
            String plain = text.toString().replace("\\", "").replace("\"", "");
            String json = random.nextInt(4) == 0
                    ? "\"" + plain.substring(0, plain.length() / 2) + specials[random.nextInt(specials.length)]
                            + plain.substring(plain.length() / 2) + "\""
                    : "\"" + plain + "\"";
            String expected = jacksonString(json);
            String line = json + "," + json + ",\"0123456789abcdef0123\"";
            String first = on(line).readString();
            assertThat(cursor.more(']')).isTrue();
            String second = cursor.readString();
            assertThat(first).as(json).isEqualTo(expected);
            assertThat(second).as(json).isEqualTo(expected);
            if (json.indexOf('\\') < 0 && expected.length() <= 15 && expected.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                assertThat(second).as(json).isSameAs(first);
            }
            assertThat(cursor.more(']')).isTrue();
            assertThat(cursor.readString()).isEqualTo("0123456789abcdef0123");
        }
        for (int control = 0; control < 0x20; control++) {
            String line = "\"abc" + (char) control + "def\",\"0123456789abcdef\"";
            assertThatThrownBy(() -> on(line).readString()).isInstanceOf(ByteJsonCursor.Decline.class);
        }
    }

    @Test
    void repeatedShortTextsShareOneString() {
        byte[] line = "\" the\",\" the\"".getBytes(StandardCharsets.US_ASCII);
        cursor.reset(line, 0, line.length);
        String first = cursor.readString();
        assertThat(cursor.more(']')).isTrue();
        String second = cursor.readString();
        assertThat(second).isEqualTo(" the").isSameAs(first);
        String longText = "x".repeat(TokenTextCache.MAX_CACHED_BYTES + 1);
        assertThat(new TokenTextCache().text(longText.getBytes(StandardCharsets.US_ASCII), 0, longText.length()))
                .isEqualTo(longText);
    }
}
