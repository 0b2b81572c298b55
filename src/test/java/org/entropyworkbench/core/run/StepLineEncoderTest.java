package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte encoder writes exactly what the Jackson generator writes for the same record. */
class StepLineEncoderTest {

    private final StepLineCodec codec = new StepLineCodec();

    private static byte[] withJackson(StepRecord r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonFields.FACTORY.createGenerator(out)) {
            new StepLineCodec().write(r, g);
        }
        return out.toByteArray();
    }

    @Test
    void fixedRecordsMatchJacksonByteForByte() throws IOException {
        for (StepRecord r : List.of(RunRecords.full("q7", 2), RunRecords.small("q1", 1, 0.5, 0.25),
                RunRecords.small("q1", 1, 0.123456, 2.0, 1.99996, 0.00004, Double.NaN, -0.00004, 1e13))) {
            assertThat(codec.toLineBytes(r)).isEqualTo(withJackson(r));
        }
    }

    @Test
    void randomRecordsMatchJacksonByteForByte() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            StepRecord r = randomRecord(random);
            byte[] expected = withJackson(r);
            assertThat(new String(codec.toLineBytes(r), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(codec.toLineBytes(r)).isEqualTo(expected);
        }
    }

    @Test
    void aLineLongerThanTheBufferIsWrittenWhole() throws IOException {
        String longText = "x".repeat(100_000) + "é";
        StepRecord r = new StepRecord("q", 1, null, null, null, 0.7, 0, 0, longText, longText, null, null, null, -1, 0,
                null, null, null, Map.of(), null, null, List.of(), 0, 0);
        assertThat(codec.toLineBytes(RunRecords.small("q1", 1, 0.5))).isEqualTo(withJackson(RunRecords.small("q1", 1, 0.5)));
        assertThat(codec.toLineBytes(r)).isEqualTo(withJackson(r));
        int length = codec.encode(r);
        assertThat(java.util.Arrays.copyOf(codec.encodedBytes(), length)).isEqualTo(withJackson(r));
    }

    @Test
    void escapesControlCharactersQuotesAndSurrogatesAsJacksonDoes() throws IOException {
        String odd = "a\u0001\u001f\u007f\b\t\n\f\r\"\\/é€x\uD83D\uDE00y\uD83Dz\uDE00";
        StepRecord r = new StepRecord(odd, 1, null, odd, null, 0.7, 0, 0, odd, null, null, null, true, -1, 0, null,
                List.of(odd), "A", Map.of(20, new double[] {1.0}), null, null, List.of(), -5, Long.MAX_VALUE);
        String line = codec.toLine(r);
        assertThat(line).contains("\"q\":\"a\\u0001\\u001F\u007f\\b\\t\\n\\f\\r\\\"\\\\/é€x\\uD83D\\uDE00y\\uD83Dz\\uDE00\"");
        assertThat(codec.toLineBytes(r)).isEqualTo(withJackson(r));
    }

    private static StepRecord randomRecord(Random random) {
        int n = random.nextInt(6);
        boolean withTokens = random.nextBoolean();
        List<String> tokens = new ArrayList<>();
        List<StepRecord.TopLogprobs> top = new ArrayList<>();
        StringBuilder channels = new StringBuilder();
        double[] tail = new double[n];
        Map<Integer, double[]> entropy = new HashMap<>();
        for (int k : new int[] {20, 5, 15, 10}) {
            if (random.nextInt(5) > 0) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = randomNumber(random);
                }
                entropy.put(k, values);
            }
        }
        for (int i = 0; i < n; i++) {
            tokens.add(randomText(random));
            channels.append(random.nextBoolean() ? 'A' : 'R');
            tail[i] = randomNumber(random);
            int alternatives = random.nextInt(4);
            List<String> t = new ArrayList<>();
            double[] lp = new double[alternatives];
            for (int j = 0; j < alternatives; j++) {
                t.add(randomText(random));
                lp[j] = randomNumber(random);
            }
            top.add(new StepRecord.TopLogprobs(t, lp));
        }
        Boolean correct = random.nextInt(3) == 0 ? null : random.nextBoolean();
        return new StepRecord("q" + randomText(random), 1 + random.nextInt(4), maybe(random), maybe(random), maybe(random),
                randomNumber(random), random.nextInt(100_000), random.nextInt(21), maybe(random), maybe(random),
                maybe(random), maybe(random), correct, random.nextInt(3000) - 1, random.nextInt(5000), maybe(random),
                withTokens ? tokens : null, withTokens ? channels.toString() : null, entropy,
                withTokens ? tail : null, withTokens ? top : null, List.of("length", randomText(random)),
                random.nextLong(), random.nextInt(1_000_000));
    }

    private static String maybe(Random random) {
        return random.nextInt(4) == 0 ? null : randomText(random);
    }

    private static double randomNumber(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> Double.NaN;
            case 1 -> Double.NEGATIVE_INFINITY;
            case 2 -> -random.nextDouble() * 30;
            case 3 -> random.nextInt(5);
            case 4 -> (random.nextBoolean() ? 1 : -1) * random.nextDouble() * 1e14;
            case 5 -> random.nextDouble() * 1e-5;
            default -> random.nextDouble() * 4;
        };
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            s.append(switch (random.nextInt(10)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> '"';
                case 2 -> '\\';
                case 3 -> (char) (0x80 + random.nextInt(0x780));
                case 4 -> (char) (0x800 + random.nextInt(0xF7FF));
                case 5 -> "\uD83D\uDE00";
                default -> (char) (0x20 + random.nextInt(0x60));
            });
        }
        return s.toString();
    }
}
