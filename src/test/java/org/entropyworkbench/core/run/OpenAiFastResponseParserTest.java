package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.junit.jupiter.api.Test;

/**
 * The byte-level fast path gives exactly what the Jackson path gives for every line it keeps, and
 * hands everything unusual back. Lines are random chat completions (shapes, orders, spacing, escapes,
 * number forms, odd values) built here.
 */
class OpenAiFastResponseParserTest {

    private final StepLineCodec codec = new StepLineCodec();

    @Test
    void randomResponsesGiveTheSameResponseOnBothPaths() throws Exception {
        Random random = new Random(7);
        int kept = 0;
        int declined = 0;
        for (int i = 0; i < 3000; i++) {
            String line = randomLine(random, i % 3 == 0);
            if (compare(line, i + 1)) {
                kept++;
            } else {
                declined++;
            }
        }
        assertThat(kept).as("lines the fast path kept").isGreaterThan(1000);
        assertThat(declined).as("lines the fast path handed to Jackson").isGreaterThan(100);
    }

    @Test
    void plainResponsesAreKeptByTheFastPath() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            String line = randomLine(random, false);
            assertThat(compare(line, 1)).as(line).isTrue();
        }
    }

    @Test
    void unusualLinesAreHandedToJackson() {
        OpenAiFastResponseParser fast = new OpenAiFastResponseParser(true);
        for (String line : List.of(
                "{\"error\":{\"message\":\"x\"}}",
                "{\"choices\":[]}",
                "{\"choices\":[{}],\"model\":1}",
                "{\"choices\":[{\"logprobs\":{\"content\":[{\"token\":\"a\",\"top_logprobs\":[{\"token\":\"a\",\"logprob\":NaN}]}]}}]}",
                "{\"choices\":[{\"logprobs\":{\"content\":[{\"token\":\"a\",\"top_logprobs\":[{\"token\":\"a\",\"logprob\":\"-1\"}]}]}}]}",
                "{\"choices\":[{\"logprobs\":{\"content\":[1]}}]}",
                "{\"choices\":[{}],\"model\":\"a\",\"model\":\"b\"}",
                "{\"choices\":[{}],\"workbench\":{\"step\":0}}",
                "{\"choices\":[{}],\"workbench\":{\"answerKind\":\"nonsense\"}}",
                "{\"choices\":[{}],\"workbench\":3}",
                "{\"choices\":[{}]} trailing",
                "\uFEFF{\"choices\":[{}]}",
                "[1,2]",
                "{\"choices\":[{}],\"created\":1.5e9}")) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            assertThat(fast.parse(b, 0, b.length, 1)).as(line).isNull();
        }
    }

    /** True when the fast path kept the line (and then agreed with Jackson); fails on any disagreement. */
    private boolean compare(String line, long lineNumber) throws Exception {
        byte[] padded = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
        int length = padded.length - 4;
        OpenAiResponse fast = new OpenAiFastResponseParser(true).parse(padded, 2, length, lineNumber);
        if (fast == null) {
            return false;
        }
        OpenAiResponse jackson;
        try {
            jackson = new OpenAiResponseParser(true).parseWithJackson(padded, 2, length, lineNumber);
        } catch (Exception e) {
            fail("fast path kept a line Jackson refuses (" + e + "): " + line);
            return false;
        }
        for (AnswerKind kind : AnswerKind.values()) {
            assertThat(codec.toLine(fast.toRecord(kind))).as(line).isEqualTo(codec.toLine(jackson.toRecord(kind)));
        }
        assertThat(fast.kind).as(line).isEqualTo(jackson.kind);
        assertThat(fast.topK).as(line).isEqualTo(jackson.topK);
        assertThat(fast.gradedWithDefaultKind()).as(line).isEqualTo(jackson.gradedWithDefaultKind());
        assertThat(fast.entropy.entropyByK().keySet()).isEqualTo(jackson.entropy.entropyByK().keySet());
        for (Integer k : fast.entropy.entropyByK().keySet()) {
            double[] a = fast.entropy.entropyByK().get(k);
            double[] b = jackson.entropy.entropyByK().get(k);
            assertThat(a.length).isEqualTo(b.length);
            for (int i = 0; i < a.length; i++) {
                assertThat(Double.doubleToLongBits(a[i])).as(line).isEqualTo(Double.doubleToLongBits(b[i]));
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ random lines

    private static String randomLine(Random random, boolean odd) {
        List<String> fields = new ArrayList<>();
        fields.add(field("id", str("chatcmpl-" + random.nextInt(1000))));
        fields.add(field("object", str("chat.completion")));
        if (random.nextInt(5) > 0) {
            fields.add(field("created", Long.toString(1_700_000_000L + random.nextInt(1000))));
        }
        if (random.nextInt(5) > 0) {
            fields.add(field("model", random.nextInt(10) == 0 ? "null" : str("model-" + random.nextInt(3))));
        }
        fields.add(field("choices", choices(random, odd)));
        if (random.nextInt(4) > 0) {
            fields.add(field("usage", "{\"prompt_tokens\":" + random.nextInt(500) + ",\"completion_tokens\":"
                    + random.nextInt(12) + ",\"total_tokens\":9}"));
        }
        if (random.nextInt(3) > 0) {
            fields.add(field("workbench", metadata(random, odd)));
        }
        if (random.nextInt(4) == 0) {
            fields.add(field("system_fingerprint", random.nextBoolean() ? "null" : "{\"a\":[1,2.5e3,{\"b\":true}],\"c\":false}"));
        }
        if (odd && random.nextInt(15) == 0) {
            fields.add(field("error", "{\"message\":\"quota\"}"));
        }
        if (odd && random.nextInt(15) == 0) {
            fields.add(fields.get(random.nextInt(fields.size())));
        }
        Collections.shuffle(fields, random);
        return object(fields, random);
    }

    private static String choices(Random random, boolean odd) {
        if (odd && random.nextInt(20) == 0) {
            return random.nextBoolean() ? "[]" : "null";
        }
        List<String> choice = new ArrayList<>();
        choice.add(field("index", "0"));
        List<String> message = new ArrayList<>();
        message.add(field("role", str("assistant")));
        message.add(field("content", random.nextInt(8) == 0 ? "null" : str(text(random))));
        if (random.nextInt(4) == 0) {
            message.add(field(random.nextBoolean() ? "reasoning" : "reasoning_content", str(text(random))));
        }
        Collections.shuffle(message, random);
        choice.add(field("message", object(message, random)));
        choice.add(field("finish_reason", random.nextInt(6) == 0 ? "null" : str(random.nextBoolean() ? "stop" : "length")));
        if (random.nextInt(8) > 0) {
            choice.add(field("logprobs", logprobs(random, odd)));
        }
        Collections.shuffle(choice, random);
        String first = object(choice, random);
        return random.nextInt(10) == 0 ? "[" + first + ",{\"index\":1,\"x\":[null]}]" : "[" + first + "]";
    }

    private static String logprobs(Random random, boolean odd) {
        if (random.nextInt(10) == 0) {
            return "null";
        }
        if (random.nextInt(10) == 0) {
            return "{\"content\":null}";
        }
        StringBuilder content = new StringBuilder("[");
        int n = random.nextInt(10);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                content.append(',');
            }
            List<String> entry = new ArrayList<>();
            String token = text(random);
            entry.add(field("token", random.nextInt(30) == 0 ? "null" : str(token)));
            entry.add(field("logprob", number(random, odd)));
            entry.add(field("bytes", "[104,105]"));
            if (random.nextInt(12) > 0) {
                StringBuilder top = new StringBuilder("[");
                int k = random.nextInt(22);
                for (int j = 0; j < k; j++) {
                    if (j > 0) {
                        top.append(',');
                    }
                    List<String> alt = new ArrayList<>();
                    alt.add(field("token", random.nextInt(6) == 0 ? str(token) : str(text(random))));
                    if (random.nextInt(40) > 0) {
                        alt.add(field("logprob", number(random, odd)));
                    }
                    alt.add(field("bytes", random.nextBoolean() ? "null" : "[1,2,3]"));
                    Collections.shuffle(alt, random);
                    top.append(object(alt, random));
                }
                entry.add(field("top_logprobs", top.append(']').toString()));
            } else if (random.nextBoolean()) {
                entry.add(field("top_logprobs", "null"));
            }
            Collections.shuffle(entry, random);
            content.append(object(entry, random));
        }
        return "{\"content\":" + content.append(']') + (random.nextBoolean() ? ",\"refusal\":null}" : "}");
    }

    private static String metadata(Random random, boolean odd) {
        if (random.nextInt(15) == 0) {
            return odd && random.nextBoolean() ? "\"x\"" : "null";
        }
        List<String> meta = new ArrayList<>();
        if (random.nextInt(5) > 0) {
            meta.add(field("q", random.nextInt(6) == 0 ? Integer.toString(random.nextInt(100) - 5) : str("q" + random.nextInt(50))));
        }
        if (random.nextInt(3) > 0) {
            meta.add(field("step", odd && random.nextInt(10) == 0 ? "0" : Integer.toString(1 + random.nextInt(5))));
        }
        if (random.nextInt(3) > 0) {
            String[] expected = {"204", "-3", "\"C\"", "\"x^2\"", "\"17\"", "null", "2.5", "[1]"};
            meta.add(field("expected", expected[random.nextInt(odd ? expected.length : 6)]));
        }
        if (random.nextInt(3) == 0) {
            String[] kinds = {"\"integer\"", "\"multiple-choice\"", "\"free\"", "null", "\"nonsense\""};
            meta.add(field("answerKind", kinds[random.nextInt(odd ? kinds.length : 4)]));
        }
        if (random.nextInt(2) == 0) {
            meta.add(field("temperature", random.nextBoolean() ? "0.7" : random.nextBoolean() ? "1" : "null"));
        }
        if (random.nextInt(2) == 0) {
            meta.add(field("maxTokens", random.nextBoolean() ? "8192" : "null"));
        }
        if (random.nextInt(2) == 0) {
            meta.add(field("promptHash", str("abc" + random.nextInt(9))));
        }
        if (random.nextInt(2) == 0) {
            meta.add(field("startedAt", random.nextBoolean() ? "1735689600000" : "null"));
        }
        if (random.nextInt(2) == 0) {
            meta.add(field("durationMs", Integer.toString(random.nextInt(50_000))));
        }
        Collections.shuffle(meta, random);
        return object(meta, random);
    }

    private static String number(Random random, boolean odd) {
        return switch (random.nextInt(odd ? 10 : 7)) {
            case 0 -> "-9999";
            case 1 -> "0";
            case 2 -> "-1.5e-7";
            case 3 -> Double.toString(-random.nextDouble() * 20);
            case 4 -> String.format(java.util.Locale.ROOT, "%.6f", -random.nextDouble() * 20);
            case 5 -> "null";
            case 6 -> "-0.0";
            case 7 -> "NaN";
            case 8 -> "\"-0.5\"";
            default -> "-Infinity";
        };
    }

    private static String text(Random random) {
        String[] pieces = {"the", " answer", "\\n", "\\\"", "\\u00e9", "é", "€", "😀", "\\ud83d\\ude00", " ", "12", "\\t", "x"};
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            s.append(pieces[random.nextInt(pieces.length)]);
        }
        return s.toString();
    }

    private static String str(String escapedText) {
        return "\"" + escapedText + "\"";
    }

    private static String field(String name, String value) {
        return str(name) + ":" + value;
    }

    private static String object(List<String> fields, Random random) {
        String separator = random.nextInt(5) == 0 ? " , " : ",";
        String colonSpace = random.nextInt(5) == 0 ? " " : "";
        return "{" + colonSpace + String.join(separator, fields) + colonSpace + "}";
    }
}
