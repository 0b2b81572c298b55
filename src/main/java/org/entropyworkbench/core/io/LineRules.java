package org.entropyworkbench.core.io;

/**
 * How a {@link LineSplitter} cuts its input into lines: the one place where run files, imported
 * response files and live HTTP streams differ. Each caller picks a preset (or builds its own), so the
 * difference is named instead of living in a separate splitter.
 *
 * <p>Whatever the rules, a last line without a line end is always delivered and flagged
 * ({@link LineSplitter#terminated()} is false): every caller needs to see it (a run file's half-written
 * tail, a cut-off event stream, an import file without a final newline).
 *
 * @param lineEnds     which bytes end a line
 * @param encoding     whether lines are checked to be UTF-8
 * @param cutOff       what an {@link java.io.EOFException} from the input (a gzip stream that ends early) means
 * @param maxLineBytes longer lines are skipped without being held in memory and flagged
 *                     ({@link LineSplitter#tooLong()}); {@link #NO_LIMIT} for none
 */
public record LineRules(LineEnds lineEnds, Encoding encoding, CutOff cutOff, int maxLineBytes) {

    /** No line limit (lines may grow to what an array holds). */
    public static final int NO_LIMIT = Integer.MAX_VALUE - 16;

    /** Which bytes end a line. */
    public enum LineEnds {
        /**
         * JSON Lines: only LF ends a line; a CR just before the LF is dropped, a lone CR stays inside the
         * line. Run files.
         */
        LF,
        /**
         * LF, CR and CR LF each end a line, as {@link java.io.BufferedReader#readLine()} and the WHATWG
         * event-stream rules do, so line numbers match a text editor's. After a CR the splitter does not wait
         * for a possible LF (it is skipped on the next call), so a live stream's line is never held back
         * behind the next network frame.
         */
        LF_CR_CRLF
    }

    /** Whether lines are checked to be text. */
    public enum Encoding {
        /** Bytes are handed over as they are (a JSON parser decodes them later). */
        UNCHECKED,
        /**
         * Malformed UTF-8 in a line is refused like a strict decoder would (Unicode table 3-7) with
         * {@link NotUtf8Exception} naming the line.
         */
        STRICT_UTF8
    }

    /** What an {@link java.io.EOFException} thrown by the input while reading means. */
    public enum CutOff {
        /**
         * The input simply ends there and {@link LineSplitter#inputCutOff()} says so: a gzip run file that
         * is still being written or was cut off by a crash keeps everything before the cut.
         */
        END_OF_INPUT,
        /** The exception reaches the caller: the input is broken. */
        FAIL
    }

    public LineRules {
        if (lineEnds == null || encoding == null || cutOff == null) {
            throw new IllegalArgumentException("every line rule must be set");
        }
        if (maxLineBytes < 0 || maxLineBytes > NO_LIMIT) {
            throw new IllegalArgumentException("maxLineBytes must be 0.." + NO_LIMIT + ", was " + maxLineBytes);
        }
    }

    /** Run files (JSON Lines, maybe gzip, maybe still growing): LF ends, unchecked, a cut gzip ends the input. */
    public static LineRules runFile(int maxLineBytes) {
        return new LineRules(LineEnds.LF, Encoding.UNCHECKED, CutOff.END_OF_INPUT, maxLineBytes);
    }

    /**
     * Text files read with a text reader's line numbers and its refusal of non-UTF-8 bytes (the OpenAI
     * response importer): any line end, strict UTF-8, a broken input fails.
     */
    public static LineRules textFile() {
        return new LineRules(LineEnds.LF_CR_CRLF, Encoding.STRICT_UTF8, CutOff.FAIL, NO_LIMIT);
    }

    /**
     * Live HTTP bodies (server-sent events, Ollama's NDJSON): any line end, bytes unchecked (the JSON parser
     * decodes them, so a character split across network reads is never broken), a broken body fails.
     */
    public static LineRules liveStream() {
        return new LineRules(LineEnds.LF_CR_CRLF, Encoding.UNCHECKED, CutOff.FAIL, NO_LIMIT);
    }
}
