package org.entropyworkbench.core.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.entropyworkbench.core.json.JsonErrorText;

/**
 * Reads run files ({@code .jsonl} or gzip-compressed {@code .jsonl.gz}, recognised by content).
 *
 * <p>Forgiving by design: every good step line loads; each malformed line becomes a
 * {@link RunFile.LineProblem} naming file, line and field; a half-written last line (no line end, or
 * broken JSON at the very end) sets {@link RunFile#partialTail()} and is ignored; a repeated
 * question-step is reported and the first copy kept. Only a file that cannot be read or has no
 * valid header fails, with a {@link RunFileException}. Reads a snapshot of a file that is still
 * being appended to (whatever was on disk when reading reached it).
 *
 * <p>Speed: each step line is first read by {@link FastStepLineReader} (a hand-written parser over the
 * line's bytes); a line it cannot vouch for (another line type, a wrong shape, bad JSON) goes to the
 * Jackson path ({@link StepLineCodec}), which reads it or reports its problem, so results and messages
 * are the same either way.
 *
 * <p>Stateless; each call uses its own parser state, so calls may run on any thread concurrently.
 */
public final class RunFileReader {

    /** How much of each step to load. */
    public enum Detail {
        /** Everything in the file. */
        FULL,
        /**
         * Drops per-token texts, top-k alternatives, tail masses, answer text and reasoning text
         * (left null), keeping entropies, channels, grading and counts: enough for all analyses,
         * much faster and smaller for huge runs.
         */
        SUMMARY
    }

    /**
     * The longest line a run file may have, in bytes: one limit for every reader (window and command
     * line, full and summary detail). A longer line is reported and skipped; every shorter one loads.
     */
    public static final int MAX_LINE_BYTES = 128 * 1024 * 1024;

    private RunFileReader() {
    }

    /** The one message for a line over {@link #MAX_LINE_BYTES} (or a smaller test limit). */
    static String lineTooLong(long lineBytes, long limit) {
        return String.format(java.util.Locale.ROOT, "the line is %.1f MB, over the limit of %d MB for one line of a run"
                + " file; it was skipped", lineBytes / 1048576.0, limit / 1048576);
    }

    public static RunFile read(Path path) throws IOException {
        return read(path, Detail.FULL);
    }

    public static RunFile read(Path path, Detail detail) throws IOException {
        return read(path, detail, MAX_LINE_BYTES);
    }

    /** As {@link #read(Path, Detail)} with another line limit (tests). */
    static RunFile read(Path path, Detail detail, int maxLineBytes) throws IOException {
        return reading(path, lines -> new Parse(path, detail, lines, maxLineBytes).run());
    }

    /** Reads only the header line: cheap, for file lists. */
    public static RunHeader readHeader(Path path) throws IOException {
        return reading(path, lines -> {
            long lineNumber = 0;
            while (lines.next()) {
                lineNumber++;
                if (!lines.lineBlank()) {
                    return parseHeader(path, lineNumber, lines);
                }
            }
            throw new RunFileException(path, "empty file: no header line");
        });
    }

    /** What a read does with the open lines of one file. */
    @FunctionalInterface
    private interface LineWork<T> {
        T apply(JsonlFileLineReader lines) throws IOException;
    }

    /** Opens {@code path}, runs {@code work} and turns every I/O failure into a {@link RunFileException} naming the file. */
    private static <T> T reading(Path path, LineWork<T> work) throws IOException {
        try (JsonlFileLineReader lines = open(path)) {
            return work.apply(lines);
        } catch (RunFileException e) {
            throw e;
        } catch (ZipException e) {
            throw new RunFileException(path, "not a valid gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new RunFileException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonlFileLineReader open(Path path) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new RunFileException(path, "file not found (" + path + ")");
        } catch (AccessDeniedException e) {
            throw new RunFileException(path, "permission denied (" + path + ")");
        }
        if (Files.isDirectory(path)) {
            raw.close();
            throw new RunFileException(path, "is a directory, not a run file");
        }
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return new JsonlFileLineReader(gzip ? new GZIPInputStream(in, 1 << 16) : in);
    }

    private static RunHeader parseHeader(Path path, long lineNumber, JsonlFileLineReader lines) throws IOException {
        if (!lines.lineTerminated()) {
            throw new RunFileException(path, lineNumber, "the header line is incomplete (no line end): "
                    + "the file was cut off while it was being created");
        }
        try (JsonParser p = JsonFields.FACTORY.createParser(lines.buffer(), lines.lineStart(), lines.lineLength())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RunFileException(path, lineNumber, "not a run file: the first line is not a JSON object");
            }
            return RunHeaderCodec.read(p);
        } catch (FieldException e) {
            throw new RunFileException(path, lineNumber, "not a valid run header: " + e.describe());
        } catch (JsonProcessingException e) {
            throw new RunFileException(path, lineNumber, "not a run file: the first line is not valid JSON ("
                    + JsonErrorText.reason(e) + ")");
        }
    }

    /** One reading pass over one file. */
    private static final class Parse {
        private final Path path;
        private final Detail detail;
        private final JsonlFileLineReader lines;
        private final StepLineCodec codec = new StepLineCodec();
        private final FastStepLineReader fast = new FastStepLineReader();
        private final List<StepRecord> steps = new ArrayList<>();
        private final List<RunFile.LineProblem> problems = new ArrayList<>();
        private final Map<String, Long> firstLineOfStep = new HashMap<>();
        private final Map<String, FailedStep> failedSteps = new LinkedHashMap<>();
        private RunFile.LineProblem pendingSyntaxProblem;
        private boolean partialTail;
        private final int maxLineBytes;

        Parse(Path path, Detail detail, JsonlFileLineReader lines, int maxLineBytes) {
            this.path = path;
            this.detail = detail;
            this.lines = lines;
            this.maxLineBytes = maxLineBytes;
        }

        RunFile run() throws IOException {
            RunHeader header = null;
            long lineNumber = 0;
            while (lines.next()) {
                lineNumber++;
                if (lines.lineBlank()) {
                    continue;
                }
                if (header == null) {
                    header = parseHeader(path, lineNumber, lines);
                    continue;
                }
                commitPendingProblem();
                if (!lines.lineTerminated()) {
                    partialTail = true;
                    break;
                }
                parseStepLine(lineNumber);
            }
            if (header == null) {
                throw new RunFileException(path, "empty file: no header line");
            }
            if (pendingSyntaxProblem != null) {
                partialTail = true;
            }
            if (lines.compressedCutOff()) {
                cutOff(lineNumber);
            }
            failedSteps.keySet().removeAll(firstLineOfStep.keySet());
            return new RunFile(path, header, steps, problems, partialTail, List.copyOf(failedSteps.values()));
        }

        /**
         * The gzip data ends early: the file was cut off (an incomplete copy), not a run interrupted
         * mid-line. Says so with how much was read; the lines before the cut are kept.
         */
        private void cutOff(long lineNumber) throws IOException {
            pendingSyntaxProblem = null;
            partialTail = false;
            long complete = lines.lineTerminated() ? lineNumber : lineNumber - 1;
            problems.add(new RunFile.LineProblem(lineNumber, String.format(java.util.Locale.ROOT,
                    "%s: the compressed file is cut off: its gzip data ends early (the file is %.1f MB), after %d"
                            + " complete lines (%.1f MB of text); the rest of the run is missing. Copy the file again"
                            + " from where it was written", path.getFileName(), Files.size(path) / 1048576.0,
                    complete, lines.bytesRead() / 1048576.0)));
        }

        private void commitPendingProblem() {
            if (pendingSyntaxProblem != null) {
                problems.add(pendingSyntaxProblem);
                pendingSyntaxProblem = null;
            }
        }

        private void parseStepLine(long lineNumber) throws IOException {
            if (lines.lineLength() > maxLineBytes) {
                problem(lineNumber, lineTooLong(lines.lineLength(), maxLineBytes));
                return;
            }
            StepRecord quick = fast.read(lines.buffer(), lines.lineStart(), lines.lineLength(), detail);
            if (quick != null) {
                addStep(lineNumber, quick);
                return;
            }
            try {
                String type = peekType();
                if (type == null) {
                    throw new FieldException("type", "missing");
                }
                if (type.equals("step")) {
                    addStep(lineNumber, readStep());
                } else if (type.equals("header")) {
                    problem(lineNumber, "a second header line; ignored");
                } else if (type.equals(FailedStep.LINE_TYPE)) {
                    addFailedStep();
                }
            } catch (FieldException e) {
                problem(lineNumber, e.describe());
            } catch (JsonProcessingException e) {
                pendingSyntaxProblem = new RunFile.LineProblem(lineNumber,
                        RunFileException.describe(path, lineNumber) + ": not valid JSON (" + JsonErrorText.reason(e) + ")");
            }
        }

        /** The top-level "type" of the current line; cheap when "type" comes first, as writers put it. */
        private String peekType() throws IOException {
            try (JsonParser p = parser()) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new FieldException(null, "expected a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("type")) {
                        return JsonFields.string(p, "type");
                    }
                    p.skipChildren();
                }
                return null;
            }
        }

        private StepRecord readStep() throws IOException {
            try (JsonParser p = parser()) {
                p.nextToken();
                StepRecord r = codec.read(p, detail);
                if (p.nextToken() != null) {
                    throw new FieldException(null, "unexpected text after the JSON object");
                }
                return r;
            }
        }

        /** A refused question-step; a later refusal of the same step replaces it, a step line overrides it. */
        private void addFailedStep() throws IOException {
            try (JsonParser p = parser()) {
                p.nextToken();
                FailedStep f = FailedStepCodec.read(p);
                String key = f.questionId() + '\n' + f.step();
                failedSteps.remove(key);
                failedSteps.put(key, f);
            }
        }

        private JsonParser parser() throws IOException {
            return JsonFields.FACTORY.createParser(lines.buffer(), lines.lineStart(), lines.lineLength());
        }

        private void addStep(long lineNumber, StepRecord r) {
            String key = r.questionId() + '\n' + r.step();
            Long first = firstLineOfStep.putIfAbsent(key, lineNumber);
            if (first != null) {
                problem(lineNumber, "duplicate of question \"" + r.questionId() + "\" step " + r.step()
                        + " (first at line " + first + "); the first is kept");
                return;
            }
            steps.add(r);
        }

        private void problem(long lineNumber, String message) {
            problems.add(new RunFile.LineProblem(lineNumber, RunFileException.describe(path, lineNumber) + ": " + message));
        }
    }
}
