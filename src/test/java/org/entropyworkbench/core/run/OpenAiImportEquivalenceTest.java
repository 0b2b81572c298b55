package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming importer against the former tree-based one ({@link OpenAiTreeImporterReference}):
 * with {@code recordTop} on, same problems (line and message), same step lines byte for byte, same
 * header apart from its run id and creation time, same refusals, over hand-picked odd lines and
 * seeded random damage. With the default options (no raw top-k) every case also gives the same
 * outcome, header and step lines except that no step carries {@code top}.
 */
class OpenAiImportEquivalenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private int cases;

    private static String entry(String token, String... alternatives) {
        return "{\"token\":" + token + ",\"logprob\":-0.1,\"bytes\":[1,2],\"top_logprobs\":["
                + String.join(",", alternatives) + "]}";
    }

    private static String alt(String token, String logprob) {
        return "{\"token\":" + token + ",\"logprob\":" + logprob + ",\"bytes\":null}";
    }

    private static String completion(String extraRoot, String message, String content, String workbench) {
        return "{\"id\":\"x\",\"created\":1700000000,\"model\":\"m\"" + extraRoot + ",\"choices\":[{\"index\":0,\"message\":"
                + message + ",\"logprobs\":{\"content\":" + content + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}" + (workbench == null ? "" : ",\"workbench\":" + workbench)
                + "}";
    }

    private static final String CONTENT = "[" + entry("\"a\"", alt("\"a\"", "-0.2"), alt("\"b\"", "-1.9"), alt("\"a\"", "-3"))
            + "," + entry("\"\\u00e9\\n\"", alt("\"\\u00e9\\n\"", "-0.01"), alt("\"x\"", "\"-5.5\""), alt("7", "null")) + "]";

    /** Lines that take every branch: odd types, duplicates, missing parts, API errors, bad JSON. */
    private static List<String> oddLines() {
        String msg = "{\"role\":\"assistant\",\"content\":\"so \\\\boxed{12}\"}";
        List<String> l = new ArrayList<>();
        l.add(completion("", msg, CONTENT, "{\"q\":\"a\",\"step\":1,\"expected\":\"12\"}"));
        l.add(completion("", msg, CONTENT, "{\"q\":\"a\",\"step\":1,\"expected\":\"12\"}"));
        l.add(completion("", msg, CONTENT, "{\"q\":17,\"step\":2,\"expected\":12,\"temperature\":1,\"maxTokens\":5,"
                + "\"startedAt\":1.5e3,\"durationMs\":\"9\",\"promptHash\":[1]}"));
        l.add(completion("", msg, CONTENT, "{\"q\":1.5}"));
        l.add(completion("", msg, CONTENT, "{\"q\":\"b\",\"step\":0}"));
        l.add(completion("", msg, CONTENT, "{\"q\":\"b\",\"step\":2.0}"));
        l.add(completion("", msg, CONTENT, "{\"q\":\"c\",\"expected\":{\"v\":1}}"));
        l.add(completion("", msg, CONTENT, "{\"q\":\"d\",\"answerKind\":\"poem\"}"));
        l.add(completion("", msg, CONTENT, "{\"q\":\"e\",\"answerKind\":{}}"));
        l.add(completion("", msg, CONTENT, "{\"q\":\"f\",\"answerKind\":\"free\",\"expected\":true}"));
        l.add(completion("", msg, CONTENT, "[1]"));
        l.add(completion("", msg, CONTENT, "null"));
        l.add(completion("", msg, CONTENT, "{\"q\":\"g\",\"q\":\"h\",\"step\":3,\"step\":null}"));
        l.add(completion("", msg, CONTENT, "{\"q\":[],\"q\":\"i\"}"));
        l.add(completion("", msg, CONTENT, "{\"q\":\"j\"},\"workbench\":{\"q\":\"k\",\"expected\":\"B\"}"));
        l.add(completion(",\"error\":null", msg, CONTENT, null));
        l.add(completion(",\"error\":{\"message\":5}", msg, CONTENT, null));
        l.add("{\"error\":{\"message\":\"bad\",\"message\":\"worse\"},\"choices\":[]}");
        l.add("{\"choices\":{}}");
        l.add("{\"choices\":null}");
        l.add("{\"choices\":[5]}");
        l.add("{\"choices\":[[1,{\"a\":2}],{\"message\":{\"content\":\"x\"}}],\"workbench\":{\"q\":\"l\"}}");
        l.add("{\"choices\":[{\"message\":\"text\",\"finish_reason\":3.25e2}],\"model\":-0,\"workbench\":{\"q\":\"m\"}}");
        l.add("{\"choices\":[{\"message\":{\"content\":null,\"reasoning_content\":\"r\",\"reasoning\":{}}}],\"workbench\":{\"q\":\"n\"}}");
        l.add("{\"choices\":[{\"message\":{\"content\":1e400,\"reasoning_content\":\"r\"},\"message\":{\"content\":12}}],"
                + "\"workbench\":{\"q\":\"o\"},\"created\":\"1\"}");
        l.add("{\"choices\":[{\"logprobs\":{\"content\":{}}}],\"workbench\":{\"q\":\"p\"}}");
        l.add("{\"choices\":[{\"logprobs\":{\"content\":[]}}],\"workbench\":{\"q\":\"p2\"}}");
        l.add("{\"choices\":[{\"logprobs\":{\"content\":[1]}}],\"workbench\":{\"q\":\"p3\"}}");
        l.add("{\"choices\":[{\"logprobs\":{\"content\":[{\"token\":\"a\",\"top_logprobs\":{}}]}}],\"workbench\":{\"q\":\"p4\"}}");
        l.add("{\"choices\":[{\"logprobs\":{\"content\":[{\"token\":\"a\",\"top_logprobs\":[{},3]}]}}],\"workbench\":{\"q\":\"p5\"}}");
        l.add("{\"choices\":[{\"logprobs\":{\"content\":[{\"top_logprobs\":[3],\"top_logprobs\":null}]}}],\"workbench\":{\"q\":\"p6\"}}");
        l.add("{\"choices\":[{\"logprobs\":{\"content\":[5],\"content\":[{\"token\":null,\"top_logprobs\":"
                + "[{\"token\":true,\"logprob\":NaN},{\"token\":{},\"logprob\":\"x\"},{\"logprob\":-Infinity},{\"token\":\"z\",\"logprob\":-1}]}]}}],"
                + "\"usage\":{\"completion_tokens\":1.0,\"prompt_tokens\":99999999999},\"workbench\":{\"q\":\"p7\",\"temperature\":NaN}}");
        l.add("{\"choices\":[{\"logprobs\":[1]}],\"workbench\":{\"q\":\"p8\",\"expected\":\" 42 \"}}");
        l.add("{\"choices\":[{\"logprobs\":{\"content\":null}}],\"usage\":[],\"workbench\":{\"q\":\"p9\",\"expected\":\"x+1\"}}");
        l.add("{\"choices\":[{}],\"created\":1e30,\"workbench\":{\"q\":123456789012345678901234567890}}");
        l.add("{\"choices\":[{}],\"created\":-7,\"workbench\":{\"q\":12345678901}}");
        l.add("{\"choices\":[{}]} trailing garbage");
        l.add("   ");
        l.add("this line is not json");
        l.add("{\"choices\":[{}],");
        l.add("{\"choices\":[{\"message\":{\"content\":\"\\q\"}}]}");
        l.add("[1,2]");
        l.add("42");
        l.add("\"just text\"");
        l.add("\"unfinished");
        l.add("12345678901234567890123456789e5");
        l.add("{\"choices\":[{}],\"bytes\":[" + "9".repeat(1200) + "],\"other\":-" + "1".repeat(1100) + ".5}");
        l.add("{\"choices\":[{}],\"workbench\":{\"q\":\"r\",\"expected\":\"C\",\"answerKind\":\"multiple-choice\"}}");
        return l;
    }

    @Test
    void oddLinesGiveTheSameResultOneFileAndOneLinePerFile() throws IOException {
        List<String> lines = oddLines();
        compare(String.join("\n", lines) + "\n");
        compare(String.join("\r\n", lines));
        compare(String.join("\r", lines) + "\r");
        for (String line : lines) {
            compare(line + "\n");
        }
    }

    @Test
    void answerKindInferenceChangingLateRegradesEarlierSteps() throws IOException {
        String msg = "{\"content\":\"The answer is \\\\boxed{12}\"}";
        StringBuilder file = new StringBuilder();
        file.append(completion("", msg, CONTENT, "{\"q\":\"a\",\"expected\":\"12\"}")).append('\n');
        file.append(completion("", msg, CONTENT, "{\"q\":\"b\",\"expected\":\"12\",\"answerKind\":\"integer\"}")).append('\n');
        file.append(completion("", msg, CONTENT, "{\"q\":\"c\",\"expected\":\"B\"}")).append('\n');
        file.append(completion("", msg, CONTENT, "{\"q\":\"d\"}")).append('\n');
        compare(file.toString());
        compare(file + completion("", msg, CONTENT, "{\"q\":\"e\",\"expected\":\"\\\\frac{1}{2}\"}") + "\n");
        compare(file.toString().replace("\"12\"}", "\"A\"}"));
        Path gz = dir.resolve("kinds.jsonl.gz");
        Path in = dir.resolve("kinds-in.jsonl");
        Files.writeString(in, file.toString());
        OpenAiResponseImporter.importFile(in, gz, OpenAiResponseImporter.Options.defaults());
        RunFile run = RunFileReader.read(gz);
        assertThat(run.steps()).hasSize(4);
        assertThat(run.header().answerKind()).isEqualTo("free");
        assertThat(run.steps().get(0).extractedAnswer()).isEqualTo(run.steps().get(1).extractedAnswer());
    }

    @Test
    void randomDamageGivesTheSameResult() throws IOException {
        Random random = new Random(20261130L);
        List<String> lines = oddLines();
        for (int c = 0; c < 1000; c++) {
            StringBuilder file = new StringBuilder();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                String line = lines.get(random.nextInt(lines.size()));
                file.append(damage(line, random)).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            compare(file.toString());
        }
        assertThat(cases).isEqualTo(1000);
    }

    @Test
    void refusalsAreTheSame() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}', '\n'});
        assertSameOutcome(in, OpenAiResponseImporter.Options.defaults());
        Files.write(in, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'});
        assertSameOutcome(in, OpenAiResponseImporter.Options.defaults());
        Files.writeString(in, "\n\n  \n");
        assertSameOutcome(in, OpenAiResponseImporter.Options.defaults());
        Files.writeString(in, "\uFEFF" + oddLines().get(0) + "\n\u2003\n");
        assertSameOutcome(in, OpenAiResponseImporter.Options.defaults());
        assertSameOutcome(dir.resolve("missing.jsonl"), OpenAiResponseImporter.Options.defaults());
        Files.writeString(in, String.join("\n", oddLines()));
        assertSameOutcome(in, new OpenAiResponseImporter.Options("T", AnswerKind.FREE, "ds"));
    }

    private static String damage(String line, Random random) {
        if (line.isEmpty()) {
            return line;
        }
        StringBuilder b = new StringBuilder(line);
        int edits = 1 + random.nextInt(3);
        String[] pieces = {"null", "1", "-2.5", "\"s\"", "[]", "{}", ",", ":", "]", "}", "\"", "\\", "NaN", "true"};
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, pieces[random.nextInt(pieces.length)]);
                case 2 -> b.setLength(at);
                default -> {
                    int end = Math.min(b.length(), at + 1 + random.nextInt(12));
                    b.replace(at, end, pieces[random.nextInt(pieces.length)]);
                }
            }
        }
        return b.toString();
    }

    private void compare(String content) throws IOException {
        Path in = dir.resolve("case-" + cases + ".jsonl");
        Files.write(in, content.getBytes(StandardCharsets.UTF_8));
        assertSameOutcome(in, OpenAiResponseImporter.Options.defaults());
    }

    private void assertSameOutcome(Path in, OpenAiResponseImporter.Options options) throws IOException {
        int n = cases++;
        Path streamed = dir.resolve("streamed-" + n + ".jsonl");
        Path tree = dir.resolve("tree-" + n + ".jsonl");
        String streamedFailure = null;
        String treeFailure = null;
        OpenAiResponseImporter.Result a = null;
        OpenAiTreeImporterReference.Result b = null;
        try {
            a = OpenAiResponseImporter.importFile(in, streamed, options.withRecordTop(true));
        } catch (RunFileException e) {
            streamedFailure = e.getMessage();
        }
        try {
            b = OpenAiTreeImporterReference.importFile(in, tree,
                    new OpenAiTreeImporterReference.Options(options.title(), options.answerKind(), options.dataset()));
        } catch (RunFileException e) {
            treeFailure = e.getMessage();
        }
        String input = Files.exists(in) ? Files.readString(in, StandardCharsets.ISO_8859_1) : "(missing)";
        assertThat(streamedFailure).as("refusal for %s", input).isEqualTo(treeFailure);
        if (a == null) {
            assertThat(streamed).doesNotExist();
            return;
        }
        assertThat(a.steps()).as("steps for %s", input).isEqualTo(b.steps());
        assertThat(a.problems()).as("problems for %s", input).isEqualTo(b.problems());
        List<String> got = Files.readAllLines(streamed);
        List<String> want = Files.readAllLines(tree);
        assertThat(withoutIdentity(got.get(0))).isEqualTo(withoutIdentity(want.get(0)));
        assertThat(got.subList(1, got.size())).as("step lines for %s", input).isEqualTo(want.subList(1, want.size()));
        assertThat(dir.resolve("streamed-" + n + ".jsonl.part")).doesNotExist();
        assertDefaultDiffersOnlyByTop(in, options.withRecordTop(false), a, streamed, input);
    }

    /** Imports {@code in} without raw top-k and checks it against the record-top import {@code withTop} wrote to {@code withTopFile}. */
    private void assertDefaultDiffersOnlyByTop(Path in, OpenAiResponseImporter.Options options, OpenAiResponseImporter.Result withTop,
                                               Path withTopFile, String input) throws IOException {
        Path plain = dir.resolve("plain-" + cases + ".jsonl");
        OpenAiResponseImporter.Result c = OpenAiResponseImporter.importFile(in, plain, options);
        assertThat(c.steps()).as("steps without top for %s", input).isEqualTo(withTop.steps());
        assertThat(c.problems()).as("problems without top for %s", input).isEqualTo(withTop.problems());
        List<String> got = Files.readAllLines(plain);
        List<String> want = Files.readAllLines(withTopFile);
        assertThat(got).hasSameSizeAs(want);
        assertThat(withoutIdentity(got.get(0))).isEqualTo(withoutIdentity(want.get(0)));
        for (int i = 1; i < got.size(); i++) {
            ObjectNode plainStep = (ObjectNode) JSON.readTree(got.get(i));
            ObjectNode topStep = (ObjectNode) JSON.readTree(want.get(i));
            assertThat(plainStep.has("top")).as("top written by default for %s", input).isFalse();
            topStep.remove("top");
            assertThat(plainStep).as("step line %d without top for %s", i, input).isEqualTo(topStep);
        }
    }

    @Test
    void defaultOptionsWriteNoTopButEveryOtherFieldTheSame() throws IOException {
        String msg = "{\"role\":\"assistant\",\"content\":\"so \\\\boxed{12}\"}";
        StringBuilder file = new StringBuilder();
        for (int q = 0; q < 5; q++) {
            file.append(completion("", msg, CONTENT, "{\"q\":\"q" + q + "\",\"expected\":\"12\"}")).append('\n');
        }
        Path in = dir.resolve("plain-in.jsonl");
        Files.writeString(in, file);
        Path withTop = dir.resolve("with-top.jsonl");
        Path plain = dir.resolve("plain.jsonl");
        OpenAiResponseImporter.importFile(in, withTop, OpenAiResponseImporter.Options.defaults().withRecordTop(true));
        OpenAiResponseImporter.importFile(in, plain, OpenAiResponseImporter.Options.defaults());

        RunFile recorded = RunFileReader.read(withTop, RunFileReader.Detail.FULL);
        RunFile notRecorded = RunFileReader.read(plain, RunFileReader.Detail.FULL);
        assertThat(recorded.steps()).hasSize(5).allSatisfy(step -> assertThat(step.topLogprobs()).hasSize(2));
        assertThat(notRecorded.steps()).hasSize(5).allSatisfy(step -> {
            assertThat(step.topLogprobs()).isNull();
            assertThat(step.tailMass()).hasSize(2);
            assertThat(step.entropies(20)).hasSize(2);
        });
        for (int i = 0; i < 5; i++) {
            StepRecord a = recorded.steps().get(i);
            StepRecord b = notRecorded.steps().get(i);
            assertThat(b.entropies(5)).containsExactly(a.entropies(5));
            assertThat(b.entropies(20)).containsExactly(a.entropies(20));
            assertThat(b.tailMass()).containsExactly(a.tailMass());
            assertThat(b.correct()).isEqualTo(a.correct()).isTrue();
        }
        assertThat(Files.size(plain)).isLessThan(Files.size(withTop));
        assertThat(Files.readString(plain)).doesNotContain("\"top\"");
    }

    private static String withoutIdentity(String headerLine) throws IOException {
        ObjectNode h = (ObjectNode) JSON.readTree(headerLine);
        h.remove("runId");
        h.remove("createdAt");
        return h.toString();
    }
}
