package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The fast path must read every line exactly as the Jackson path does, or hand it over (null). */
class FastStepLineReaderTest {

    private final StepLineCodec codec = new StepLineCodec();
    private final FastStepLineReader fast = new FastStepLineReader();

    private StepRecord jackson(String line, RunFileReader.Detail detail) throws IOException {
        try (JsonParser p = JsonFields.FACTORY.createParser(line.getBytes(StandardCharsets.UTF_8))) {
            p.nextToken();
            return codec.read(p, detail);
        }
    }

    private StepRecord fast(String line, RunFileReader.Detail detail) {
        byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
        return fast.read(bytes, 2, bytes.length - 4, detail);
    }

    private void assertBothPathsAgree(String line) throws IOException {
        for (RunFileReader.Detail detail : RunFileReader.Detail.values()) {
            StepRecord quick = fast(line, detail);
            assertThat(quick).as("fast path declined " + detail + ": " + line).isNotNull();
            RunRecords.assertSameRecord(quick, jackson(line, detail));
        }
    }

    @Test
    void readsTheWritersRecordsLikeTheJacksonPath() throws IOException {
        assertBothPathsAgree(codec.toLine(RunRecords.full("q7", 2)));
        assertBothPathsAgree(codec.toLine(RunRecords.small("q1", 1, 0.5, 0.25, Double.NaN)));
        RunRecords.assertSameRecord(fast(codec.toLine(RunRecords.full("q7", 2)), RunFileReader.Detail.FULL),
                RunRecords.full("q7", 2));
    }

    @Test
    void readsRandomRecordsLikeTheJacksonPath() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            assertBothPathsAgree(codec.toLine(randomRecord(random, i)));
        }
    }

    @Test
    void summarySkipsTheBulkyFields() {
        StepRecord r = fast(codec.toLine(RunRecords.full("q7", 2)), RunFileReader.Detail.SUMMARY);
        assertThat(r.tokens()).isNull();
        assertThat(r.topLogprobs()).isNull();
        assertThat(r.tailMass()).isNull();
        assertThat(r.text()).isNull();
        assertThat(r.reasoningText()).isNull();
        assertThat(r.channels()).isEqualTo("RRAA");
        assertThat(r.entropies(5)).containsExactly(0.01, 1.25, Double.NaN, 0);
    }

    @Test
    void handWrittenVariationsReadLikeTheJacksonPath() throws IOException {
        assertBothPathsAgree("  {\"future\":{\"a\":[1,{\"b\":-2.5e3}],\"c\":null} , \"type\" : \"step\",\"q\":\"a\\u00e9\","
                + "\"step\":3,\"entropy\":{\"20\":[0.5, null, 1E-3, -0, 12],\"05\":[1,2,3,4,5]},\"temperature\":1,"
                + "\"tokens\":[\"\\n\",\"caf\u00e9\",null,\" \\\"q\\\"\",\"\ud83d\ude00\"],\"flags\":null,"
                + "\"correct\":false,\"top\":null,\"startedAt\":-5}  ");
        assertBothPathsAgree("{\"type\":\"step\",\"q\":\"a\",\"step\":1,\"step\":2,\"entropy\":{},\"text\":null,"
                + "\"top\":[{},{\"x\":[1],\"t\":[\"a\",\"b\"],\"lp\":[-0.1,-9999]}],\"tail\":[]}");
        assertBothPathsAgree("{\"type\":\"step\",\"q\":\"only\",\"step\":1}");
    }

    @Test
    void linesItCannotVouchForAreHandedToTheJacksonPath() {
        String good = "\"type\":\"step\",\"q\":\"a\",\"step\":1,\"entropy\":{\"20\":[0.5,1]}";
        String[] others = {
            "{\"type\":\"header\",\"format\":\"x\"}",                         // another line type
            "{\"q\":\"a\",\"step\":1}",                                        // no type
            "{\"type\":\"step\",\"type\":\"step\",\"q\":\"a\",\"step\":1}",  // repeated type
            "{" + good + ",\"q\":3}",                                          // wrong shape
            "{" + good + ",\"step\":1.0}",
            "{" + good + ",\"channels\":\"RAC\"}",                             // length check fails
            "{" + good + ",\"flags\":[null]}",
            "{" + good + ",\"temperature\":NaN}",                              // non-standard literal
            "{" + good + ",\"entropy\":{\"x\":[1,2]}}",
            "{" + good + ",\"entropy\":{\"0\":[1,2]}}",
            "{" + good + ",\"entropy\":{\"20\":[1,\"2\"]}}",
            "{" + good + ",\"tail\":null}",
            "{" + good + ",\"top\":[{\"t\":[\"a\"],\"lp\":[]},{},{}]}",
            "{" + good + "} trailing",                                         // text after the object
            "{" + good + ",\"x\":[1,]}",                                       // bad JSON anywhere
            "{" + good,                                                        // cut off
            "{" + good + ",\"step\":0}",                                       // fails the step check
            "[1]",
            "",
        };
        for (String line : others) {
            assertThat(fast(line, RunFileReader.Detail.FULL)).as(line).isNull();
            StepRecord summary = fast(line, RunFileReader.Detail.SUMMARY);
            if (summary != null) {
                // SUMMARY skips tokens/tail/top unread, as the Jackson path does: then both must agree
                assertThat(line).containsAnyOf("\"tail\"", "\"top\"");
                try {
                    RunRecords.assertSameRecord(summary, jackson(line, RunFileReader.Detail.SUMMARY));
                } catch (IOException e) {
                    throw new AssertionError("the Jackson path could not read what the fast path read: " + line, e);
                }
            }
        }
        assertThat(fast("{" + good + "}", RunFileReader.Detail.FULL)).isNotNull();
    }

    @Test
    void badUtf8IsHandedToTheJacksonPath() {
        byte[] line = ("{\"type\":\"step\",\"q\":\"a\",\"step\":1,\"text\":\"ab\"}").getBytes(StandardCharsets.US_ASCII);
        line[line.length - 3] = (byte) 0xc3;
        for (RunFileReader.Detail detail : RunFileReader.Detail.values()) {
            assertThat(fast.read(line, 0, line.length, detail)).as(detail.name()).isNull();
        }
    }

    /** A record with random shapes: unicode and escaped token texts, NaNs, optional parts left out. */
    private static StepRecord randomRecord(SplittableRandom random, int i) {
        int n = random.nextInt(0, 40);
        boolean withTokens = random.nextBoolean();
        String[] vocabulary = {" the", "\n", "caf\u00e9", "\"", "\\", "\u4e2d", "\ud83d\ude00", " x", "\t", "</s>", ""};
        List<String> tokens = new ArrayList<>();
        List<StepRecord.TopLogprobs> top = new ArrayList<>();
        Map<Integer, double[]> entropy = new TreeMap<>();
        for (int k : new int[] {5, 10, 15, 20}) {
            entropy.put(k, new double[n]);
        }
        double[] tail = new double[n];
        StringBuilder channels = new StringBuilder();
        for (int t = 0; t < n; t++) {
            tokens.add(vocabulary[random.nextInt(vocabulary.length)] + (random.nextInt(4) == 0 ? t : ""));
            int alternatives = random.nextInt(0, 21);
            List<String> alt = new ArrayList<>();
            double[] lps = new double[alternatives];
            for (int a = 0; a < alternatives; a++) {
                alt.add(vocabulary[random.nextInt(vocabulary.length)] + a);
                lps[a] = random.nextInt(10) == 0 ? -9999 : -random.nextDouble() * 30;
            }
            top.add(new StepRecord.TopLogprobs(alt, lps));
            for (double[] e : entropy.values()) {
                e[t] = random.nextInt(15) == 0 ? Double.NaN : random.nextDouble() * 4.4;
            }
            tail[t] = random.nextInt(15) == 0 ? Double.NaN : random.nextDouble();
            channels.append("RAC".charAt(random.nextInt(3)));
        }
        boolean rich = random.nextBoolean();
        return new StepRecord("q" + i + (random.nextBoolean() ? "\u00e9" : ""), 1 + random.nextInt(4),
                rich ? "ab" + i : null, "model", "server", rich ? random.nextDouble() : Double.NaN,
                random.nextInt(1, 100_000), 20, rich ? "text with \"quotes\"\n" + i : null, rich ? null : "thinking",
                rich ? "42" : null, "42", rich ? Boolean.valueOf(random.nextBoolean()) : null, random.nextInt(-1, 1000),
                n, "stop", withTokens ? tokens : null, rich ? channels.toString() : null, entropy,
                random.nextBoolean() ? tail : null, random.nextBoolean() ? top : null,
                rich ? List.of("restarted", "no-usage") : List.of(), random.nextLong(0, Long.MAX_VALUE / 2),
                random.nextLong(0, 100_000));
    }
}
