package org.entropyworkbench.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.grading.Graders;
import org.entropyworkbench.core.io.LineRules;
import org.entropyworkbench.core.io.LineSplitter;
import org.entropyworkbench.core.io.NotUtf8Exception;
import org.entropyworkbench.core.json.JsonErrorText;

/**
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
 * -inf, NaN count as probability 0; fewer than k alternatives are used as they are) and tail mass;
 * the raw alternatives themselves ({@code top}) are written only with {@link Options#recordTop},
 * as {@code ew run} writes them only with {@code --record-top}. Every token is
 * on the answer channel ('A'), because a non-streaming response does not say which tokens were
 * reasoning. Counts: {@code usage.completion_tokens}; flags {@code token-count-mismatch} when it
 * differs from the number of logprob entries, {@code no-usage}, {@code no-logprobs}, {@code length}.
 *
 * <p>A bad line is reported (file, line, field) and skipped; the other lines are imported.
 *
 * <p>Streaming: each line is parsed from its bytes ({@link OpenAiResponseParser}, no JSON tree) and
 * its step line written at once ({@link OpenAiRunAssembler}); memory holds one line's tokens plus a
 * few numbers per step, whatever the file size. Stateless; any thread.
 */
public final class OpenAiResponseImporter {

    /** Name of the optional metadata object on each input line. */
    public static final String METADATA_FIELD = "workbench";

    private OpenAiResponseImporter() {
    }

    /**
     * @param title      run title, or null for "Imported from FILE"
     * @param answerKind how to grade lines that do not say; null to infer from the expected answers
     * @param dataset    dataset label, or null
     * @param recordTop  also write every token's raw alternatives as the step's {@code top} arrays
     *                   (large files), as {@code ew run --record-top} does; entropies and tail mass
     *                   are computed from the full top-k and written either way
     */
    public record Options(String title, AnswerKind answerKind, String dataset, boolean recordTop) {

        /** Options that do not record the raw top-k, like {@code ew run} without {@code --record-top}. */
        public Options(String title, AnswerKind answerKind, String dataset) {
            this(title, answerKind, dataset, false);
        }

        /** No title, answer kind or dataset; raw top-k not recorded. */
        public static Options defaults() {
            return new Options(null, null, null, false);
        }

        /** These options with raw top-k recording switched to {@code record}. */
        public Options withRecordTop(boolean record) {
            return new Options(title, answerKind, dataset, record);
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
        List<RunFile.LineProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        OpenAiResponseParser parser = new OpenAiResponseParser(options.recordTop());
        try (InputStream in = openInput(input);
             LineSplitter lines = LineSplitter.reading(in, LineRules.textFile());
             OpenAiRunAssembler run = OpenAiRunAssembler.start(output, options.answerKind())) {
            try {
                while (lines.next()) {
                    if (lines.lineBlank()) {
                        continue;
                    }
                    long lineNumber = lines.lineNumber();
                    try {
                        OpenAiResponse r = parser.parse(lines.buffer(), lines.lineStart(), lines.lineLength(), lineNumber);
                        if (!seen.add(r.questionId + '\n' + r.step)) {
                            throw new FieldException(METADATA_FIELD, "question \"" + r.questionId + "\" step " + r.step
                                    + " appears more than once; the first is kept");
                        }
                        run.add(r, lines.lineOffset(), lines.lineLength(), lineNumber);
                    } catch (FieldException e) {
                        problems.add(problem(input, lineNumber, e.describe()));
                    } catch (JsonProcessingException e) {
                        problems.add(problem(input, lineNumber, "not valid JSON (" + JsonErrorText.reason(e) + ")"));
                    }
                }
            } catch (NotUtf8Exception e) {
                throw new RunFileException(input, e.lineNumber(), "not UTF-8 text");
            }
            if (run.steps() == 0) {
                throw new RunFileException(input, problems.isEmpty() ? "no responses in the file"
                        : "no usable response; first problem: " + problems.get(0).message());
            }
            RunHeader header = header(input, options, run);
            run.finish(output, header,
                    (offset, length, lineNumber, kind) -> reimport(input, offset, length, lineNumber, kind, options.recordTop()));
            return new Result(header, run.steps(), problems);
        }
    }

    private static InputStream openInput(Path input) throws IOException {
        try {
            return Files.newInputStream(input);
        } catch (NoSuchFileException e) {
            throw new RunFileException(input, "file not found (" + input + ")");
        }
    }

    /** Parses one input line again (it parsed before) and encodes its step graded with {@code kind}. */
    private static byte[] reimport(Path input, long offset, int length, long lineNumber, AnswerKind kind, boolean recordTop)
            throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        try (FileChannel ch = FileChannel.open(input, StandardOpenOption.READ)) {
            while (bytes.hasRemaining()) {
                if (ch.read(bytes, offset + bytes.position()) < 0) {
                    throw new IOException(input + " became shorter while it was imported");
                }
            }
        }
        OpenAiResponse r;
        try {
            r = new OpenAiResponseParser(recordTop).parse(bytes.array(), 0, length, lineNumber);
        } catch (FieldException | JsonProcessingException e) {
            throw new IOException(RunFileException.describe(input, lineNumber) + " changed while it was imported", e);
        }
        return new StepLineCodec().toLineBytes(r.toRecord(kind));
    }

    private static RunFile.LineProblem problem(Path file, long line, String message) {
        return new RunFile.LineProblem(line, RunFileException.describe(file, line) + ": " + message);
    }

    private static RunHeader header(Path input, Options options, OpenAiRunAssembler run) {
        String model = run.stepsPerModel().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("unknown");
        String title = options.title() != null ? options.title() : "Imported from " + input.getFileName();
        Map<String, Object> generator = new LinkedHashMap<>();
        generator.put("tool", "OpenAiResponseImporter");
        generator.put("source", input.getFileName().toString());
        return new RunHeader(RunHeader.FORMAT_VERSION, "import-" + UUID.randomUUID(), Instant.now().toString(),
                WorkbenchVersion.current(), title, model, "imported (OpenAI-format responses)", options.dataset(), null,
                run.answerKind().wireName(), "full", run.highestStep(), run.topK(), run.temperature(), 0, null, Map.of(),
                false, generator, Map.of());
    }
}
