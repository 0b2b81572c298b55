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
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.entropyworkbench.core.io.LineRules;
import org.entropyworkbench.core.io.LineSplitter;
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
        return reading(path, maxLineBytes, lines -> new Parse(path, detail, lines).run());
    }

    /** Reads only the header line: cheap, for file lists. */
    public static RunHeader readHeader(Path path) throws IOException {
        return reading(path, MAX_LINE_BYTES, lines -> {
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
        T apply(LineSplitter lines) throws IOException;
    }

    /** Opens {@code path}, runs {@code work} and turns every I/O failure into a {@link RunFileException} naming the file. */
    private static <T> T reading(Path path, int maxLineBytes, LineWork<T> work) throws IOException {
        try (LineSplitter lines = open(path, maxLineBytes)) {
            return work.apply(lines);
        } catch (RunFileException e) {
            throw e;
        } catch (ZipException e) {
            throw new RunFileException(path, "not a valid gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new RunFileException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    private static LineSplitter open(Path path, int maxLineBytes) throws IOException {
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
        return LineSplitter.reading(gzip ? new GZIPInputStream(in, 1 << 16) : in, LineRules.runFile(maxLineBytes));
    }

    private static RunHeader parseHeader(Path path, long lineNumber, LineSplitter lines) throws IOException {
        if (lines.tooLong()) {
            throw new RunFileException(path, lineNumber, "not a run file: the first line is too long ("
                    + lineTooLong(lines.fullLength(), lines.rules().maxLineBytes()) + ")");
        }
        return parseHeader(path, lineNumber, lines.buffer(), lines.lineStart(), lines.lineLength(), lines.terminated());
    }

    /** The header line from its bytes; throws naming file and line when it is not a run header. */
    static RunHeader parseHeader(Path path, long lineNumber, byte[] buf, int start, int length, boolean terminated)
            throws IOException {
        if (!terminated) {
            throw new RunFileException(path, lineNumber, "the header line is incomplete (no line end): "
                    + "the file was cut off while it was being created");
        }
        try (JsonParser p = JsonFields.FACTORY.createParser(buf, start, length)) {
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

    /** One reading pass over one file: lines parsed by {@link StepLineParser}, file rules by {@link RunAssembly}. */
    private static final class Parse {
        private final Path path;
        private final LineSplitter lines;
        private final StepLineParser parser;
        private final RunAssembly assembly;

        Parse(Path path, Detail detail, LineSplitter lines) {
            this.path = path;
            this.lines = lines;
            this.parser = new StepLineParser(detail);
            this.assembly = new RunAssembly(path);
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
                if (!assembly.nextLine(lines.terminated())) {
                    break;
                }
                assembly.apply(lineNumber, lines.tooLong()
                        ? StepLineParser.LineOutcome.problem(lineTooLong(lines.fullLength(), lines.rules().maxLineBytes()))
                        : parser.parse(lines.buffer(), lines.lineStart(), lines.lineLength()));
            }
            if (header == null) {
                throw new RunFileException(path, "empty file: no header line");
            }
            if (lines.inputCutOff()) {
                long complete = lines.terminated() ? lineNumber : lineNumber - 1;
                assembly.cutOff(lineNumber, String.format(java.util.Locale.ROOT,
                        "%s: the compressed file is cut off: its gzip data ends early (the file is %.1f MB), after %d"
                                + " complete lines (%.1f MB of text); the rest of the run is missing. Copy the file again"
                                + " from where it was written", path.getFileName(), Files.size(path) / 1048576.0,
                        complete, lines.bytesRead() / 1048576.0));
            }
            return assembly.finish(header);
        }
    }
}
