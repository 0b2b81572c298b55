package org.entropyworkbench.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.grading.Grade;
import org.entropyworkbench.core.grading.Graders;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.json.JsonErrorText;

/**
 * Test oracle: the tree-based importer as it was before the streaming rewrite (one Jackson tree per
 * line, every step held until the end), kept unchanged so {@code OpenAiImportEquivalenceTest} can
 * check that the streaming {@link OpenAiResponseImporter} accepts, refuses and writes the same.
 *
 * <p>Original description follows.
 *
 * Turns saved OpenAI-format chat completions into a run file, so responses collected elsewhere
 * can be analysed. Input: JSON Lines, one raw non-streaming chat completion per line (apis.md
 * section 1.2: {@code choices[0].logprobs.content[]} with {@code token}, {@code logprob},
 * {@code bytes}, {@code top_logprobs[]}), optionally carrying a {@code "workbench"} object:
 *
 * <pre>
 * "workbench": {"q": "aime25-07", "step": 1, "expected": "204", "answerKind": "integer",
 *               "temperature": 0.7, "maxTokens": 8192, "promptHash": "...",
 *               "startedAt": 1735689600000, "durationMs": 41000}
 * </pre>
 *
 * Every field is optional: {@code q} defaults to {@code line-N}, {@code step} to 1. With
 * {@code expected} the answer is graded by {@link Graders#forKind} (answer kind from the line, else
 * the import options, else inferred from the expected answers); without it {@code correct} is null.
 *
 * <p>Per token: entropies for k = 5, 10, 15, 20 via {@link TopKEntropy} (sentinels such as -9999,
 * -inf, NaN count as probability 0; fewer than k alternatives are used as they are); every token is
 * on the answer channel ('A'), because a non-streaming response does not say which tokens were
 * reasoning. Counts: {@code usage.completion_tokens}; flags {@code token-count-mismatch} when it
 * differs from the number of logprob entries, {@code no-usage}, {@code no-logprobs}, {@code length}.
 *
 * <p>A bad line is reported (file, line, field) and skipped; the other lines are imported.
 * Stateless; any thread.
 */
final class OpenAiTreeImporterReference {

    /** Name of the optional metadata object on each input line. */
    public static final String METADATA_FIELD = "workbench";

    private static final ObjectMapper JSON = new ObjectMapper(JsonFields.FACTORY);
    private static final int[] KS = TopKEntropy.ABLATION_KS;

    private OpenAiTreeImporterReference() {
    }

    /**
     * @param title      run title, or null for "Imported from FILE"
     * @param answerKind how to grade lines that do not say; null to infer from the expected answers
     * @param dataset    dataset label, or null
     */
    public record Options(String title, AnswerKind answerKind, String dataset) {
        public static Options defaults() {
            return new Options(null, null, null);
        }
    }

    /**
     * @param header   the header written
     * @param steps    number of step lines written
     * @param problems input lines that were skipped, each naming file, line and field
     */
    public record Result(RunHeader header, int steps, List<RunFile.LineProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads {@code input} and writes the run file {@code output} (never overwritten).
     *
     * @throws RunFileException when the input cannot be read, holds no usable response, or the output cannot be written
     */
    public static Result importFile(Path input, Path output, Options options) throws IOException {
        List<Parsed> parsed = new ArrayList<>();
        List<RunFile.LineProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Parsed p = parseLine(JSON.readTree(line), lineNumber);
                    if (!seen.add(p.questionId + '\n' + p.step)) {
                        throw new FieldException(METADATA_FIELD, "question \"" + p.questionId + "\" step " + p.step
                                + " appears more than once; the first is kept");
                    }
                    parsed.add(p);
                } catch (FieldException e) {
                    problems.add(problem(input, lineNumber, e.describe()));
                } catch (JsonProcessingException e) {
                    problems.add(problem(input, lineNumber, "not valid JSON (" + JsonErrorText.reason(e) + ")"));
                }
            }
        } catch (NoSuchFileException e) {
            throw new RunFileException(input, "file not found (" + input + ")");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new RunFileException(input, firstLineNotUtf8(input), "not UTF-8 text");
        }
        if (parsed.isEmpty()) {
            throw new RunFileException(input, problems.isEmpty() ? "no responses in the file"
                    : "no usable response; first problem: " + problems.get(0).message());
        }
        AnswerKind defaultKind = options.answerKind() != null ? options.answerKind() : inferKind(parsed);
        List<StepRecord> steps = new ArrayList<>(parsed.size());
        for (Parsed p : parsed) {
            steps.add(p.toRecord(defaultKind));
        }
        RunHeader header = header(input, options, parsed, defaultKind);
        RunFileWriter.writeAll(output, header, steps);
        return new Result(header, steps.size(), problems);
    }

    private static RunFile.LineProblem problem(Path file, long line, String message) {
        return new RunFile.LineProblem(line, RunFileException.describe(file, line) + ": " + message);
    }

    /** One usable input line, before grading. */
    private static final class Parsed {
        String questionId;
        int step;
        String model;
        String text;
        String reasoning;
        String finish;
        String expected;
        AnswerKind kind;
        double temperature = Double.NaN;
        int maxTokens;
        String promptHash;
        long startedAt;
        long durationMs;
        int promptTokens = -1;
        int completionTokens = -1;
        int topK;
        boolean hasLogprobs;
        StepEntropyAccumulator entropy = new StepEntropyAccumulator();
        List<StepRecord.TopLogprobs> top = new ArrayList<>();

        StepRecord toRecord(AnswerKind defaultKind) {
            List<String> flags = new ArrayList<>();
            int n = entropy.size();
            int completion = completionTokens;
            if (completion < 0) {
                flags.add("no-usage");
                completion = n;
            } else if (hasLogprobs && completion != n) {
                flags.add("token-count-mismatch");
            }
            if (!hasLogprobs) {
                flags.add("no-logprobs");
            }
            if ("length".equals(finish)) {
                flags.add("length");
            }
            Grade grade = Grade.ungradable();
            if (expected != null) {
                grade = Graders.forKind(kind != null ? kind : defaultKind).grade(text == null ? "" : text, expected);
            }
            return new StepRecord(questionId, step, promptHash, model, "imported", temperature, maxTokens, topK, text,
                    reasoning, grade.extracted(), expected, grade.correct(), promptTokens, completion, finish,
                    hasLogprobs ? entropy.tokens() : null, hasLogprobs ? entropy.channels() : null,
                    hasLogprobs ? entropy.entropyByK() : Map.of(), hasLogprobs ? entropy.tailMass() : null,
                    hasLogprobs ? top : null, flags, startedAt, durationMs,
                    hasLogprobs ? entropy.chosenLogprobs() : null, hasLogprobs ? entropy.tokenConfidences() : null);
        }
    }

    /**
     * The first line (1-based, text-reader numbering) that a strict UTF-8 decoder refuses: the bytes are
     * split into lines as Latin-1 text (CR and LF never occur inside a UTF-8 sequence), each decoded alone.
     */
    private static long firstLineNotUtf8(Path input) throws IOException {
        String latin1 = new String(Files.readAllBytes(input), StandardCharsets.ISO_8859_1);
        List<String> lines = new BufferedReader(new java.io.StringReader(latin1)).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(lines.get(i).getBytes(StandardCharsets.ISO_8859_1)));
            } catch (java.nio.charset.CharacterCodingException e) {
                return i + 1;
            }
        }
        throw new IllegalStateException("the reader refused the file but every line decodes");
    }

    private static Parsed parseLine(JsonNode root, long lineNumber) {
        if (!root.isObject()) {
            throw new FieldException(null, "expected a JSON object (one chat completion per line)");
        }
        if (root.has("error")) {
            JsonNode msg = root.path("error").path("message");
            throw new FieldException("error", "an API error response, not a completion"
                    + (msg.isTextual() ? ": " + msg.asText() : ""));
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new FieldException("choices", "missing or empty");
        }
        JsonNode choice = choices.get(0);
        Parsed p = new Parsed();
        p.model = text(root, "model");
        JsonNode message = choice.path("message");
        p.text = text(message, "content");
        p.reasoning = text(message, "reasoning");
        if (p.reasoning == null) {
            p.reasoning = text(message, "reasoning_content");
        }
        p.finish = text(choice, "finish_reason");
        JsonNode usage = root.get("usage");
        if (usage != null && usage.isObject()) {
            p.completionTokens = usage.path("completion_tokens").isInt() ? usage.get("completion_tokens").intValue() : -1;
            p.promptTokens = usage.path("prompt_tokens").isInt() ? usage.get("prompt_tokens").intValue() : -1;
        }
        JsonNode created = root.get("created");
        p.startedAt = created != null && created.canConvertToLong() ? created.longValue() * 1000 : 0;
        readMetadata(root.get(METADATA_FIELD), p, lineNumber);
        readLogprobs(choice.get("logprobs"), p);
        return p;
    }

    private static void readMetadata(JsonNode meta, Parsed p, long lineNumber) {
        p.questionId = "line-" + lineNumber;
        p.step = 1;
        if (meta == null || meta.isNull()) {
            return;
        }
        if (!meta.isObject()) {
            throw new FieldException(METADATA_FIELD, "expected an object");
        }
        JsonNode q = meta.get("q");
        if (q != null && !q.isNull()) {
            if (!q.isTextual() && !q.isIntegralNumber()) {
                throw new FieldException(METADATA_FIELD + ".q", "expected a string");
            }
            p.questionId = q.asText();
        }
        JsonNode step = meta.get("step");
        if (step != null && !step.isNull()) {
            if (!step.isInt() || step.intValue() < 1) {
                throw new FieldException(METADATA_FIELD + ".step", "expected an integer of 1 or more");
            }
            p.step = step.intValue();
        }
        JsonNode expected = meta.get("expected");
        if (expected != null && !expected.isNull()) {
            if (!expected.isValueNode()) {
                throw new FieldException(METADATA_FIELD + ".expected", "expected a string or number");
            }
            p.expected = expected.asText();
        }
        String kind = text(meta, "answerKind");
        if (kind != null) {
            try {
                p.kind = AnswerKind.fromWireName(kind);
            } catch (IllegalArgumentException e) {
                throw new FieldException(METADATA_FIELD + ".answerKind", e.getMessage());
            }
        }
        if (meta.path("temperature").isNumber()) {
            p.temperature = meta.get("temperature").doubleValue();
        }
        if (meta.path("maxTokens").isInt()) {
            p.maxTokens = meta.get("maxTokens").intValue();
        }
        p.promptHash = text(meta, "promptHash");
        if (meta.path("startedAt").canConvertToLong()) {
            p.startedAt = meta.get("startedAt").longValue();
        }
        if (meta.path("durationMs").canConvertToLong()) {
            p.durationMs = meta.get("durationMs").longValue();
        }
    }

    private static void readLogprobs(JsonNode logprobs, Parsed p) {
        if (logprobs == null || logprobs.isNull()) {
            return;
        }
        JsonNode content = logprobs.get("content");
        if (content == null || content.isNull()) {
            return;
        }
        if (!content.isArray()) {
            throw new FieldException("choices[0].logprobs.content", "expected an array");
        }
        p.hasLogprobs = !content.isEmpty();
        double[] out = new double[KS.length];
        for (int i = 0; i < content.size(); i++) {
            String field = "choices[0].logprobs.content[" + i + "]";
            JsonNode entry = content.get(i);
            if (!entry.isObject()) {
                throw new FieldException(field, "expected an object");
            }
            JsonNode alternatives = entry.get("top_logprobs");
            int count = alternatives != null && alternatives.isArray() ? alternatives.size() : 0;
            if (alternatives != null && !alternatives.isNull() && !alternatives.isArray()) {
                throw new FieldException(field + ".top_logprobs", "expected an array");
            }
            double[] lps = new double[count];
            String[] toks = new String[count];
            for (int j = 0; j < count; j++) {
                JsonNode alt = alternatives.get(j);
                if (!alt.isObject()) {
                    throw new FieldException(field + ".top_logprobs[" + j + "]", "expected an object");
                }
                toks[j] = alt.path("token").asText("");
                lps[j] = number(alt.get("logprob"));
            }
            p.topK = Math.max(p.topK, count);
            double tail = TopKEntropy.forThisThread().compute(lps, toks, count, KS, out);
            String token = entry.path("token").asText("");
            double chosen = number(entry.get("logprob"));
            p.entropy.add(out, tail, Channel.ANSWER, token,
                    TopKEntropy.isUsable(chosen) ? Math.min(chosen, 0.0) : Double.NaN, TopKEntropy.confidence(lps, count));
            p.top.add(new StepRecord.TopLogprobs(List.of(toks), lps));
        }
    }

    /** A logprob as sent: numbers as they are; NaN/Infinity literals or strings, and anything else, as NaN. */
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Integer when every expected answer is an integer, multiple choice when every one is a letter A-D, else free. */
    private static AnswerKind inferKind(List<Parsed> parsed) {
        boolean allIntegers = true;
        boolean allLetters = true;
        boolean any = false;
        for (Parsed p : parsed) {
            if (p.expected == null) {
                continue;
            }
            any = true;
            String e = p.expected.trim();
            allIntegers &= e.matches("-?\\d+");
            allLetters &= e.matches("[A-Da-d]");
        }
        if (!any || allIntegers) {
            return AnswerKind.INTEGER;
        }
        return allLetters ? AnswerKind.MULTIPLE_CHOICE : AnswerKind.FREE;
    }

    private static RunHeader header(Path input, Options options, List<Parsed> parsed, AnswerKind kind) {
        int steps = 1;
        int topK = 0;
        double temperature = parsed.get(0).temperature;
        Map<String, Integer> perModel = new HashMap<>();
        for (Parsed p : parsed) {
            steps = Math.max(steps, p.step);
            topK = Math.max(topK, p.topK);
            if (Double.compare(temperature, p.temperature) != 0) {
                temperature = Double.NaN;
            }
            if (p.model != null) {
                perModel.merge(p.model, 1, Integer::sum);
            }
        }
        String model = perModel.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("unknown");
        String title = options.title() != null ? options.title() : "Imported from " + input.getFileName();
        Map<String, Object> generator = new LinkedHashMap<>();
        generator.put("tool", "OpenAiResponseImporter");
        generator.put("source", input.getFileName().toString());
        return new RunHeader(RunHeader.FORMAT_VERSION, "import-" + UUID.randomUUID(), Instant.now().toString(),
                WorkbenchVersion.current(), title, model, "imported (OpenAI-format responses)", options.dataset(), null,
                kind.wireName(), "full", steps, topK, temperature, 0, null, Map.of(), false, generator, Map.of());
    }
}
