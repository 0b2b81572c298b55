package org.entropyworkbench.core.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Follows a run file that another process appends to ({@code ew serve --record}): each {@link #poll()}
 * reads only the bytes appended since the last one and returns the complete lines among them; a
 * partial last line waits for its newline. When the file shrinks or is replaced by another file
 * (truncated, rotated) the tail says so and reads the new file from its start; a missing file is a
 * note, not an error. Lines are parsed with the run reader's own line parser, so a step looks exactly
 * as it would when the finished file is opened.
 *
 * <p>Not thread-safe: one poller thread (the UI polls it off the FX thread through its task executor).
 */
public final class RunFileTail {

    /** Bytes read per poll at most, so one poll of a huge backlog stays short; the rest comes next poll. */
    static final int MAX_BYTES_PER_POLL = 8 << 20;

    /**
     * What one poll found.
     *
     * @param header   the header, on the poll that read it (again after a reset), else null
     * @param steps    step lines completed since the last poll, in file order
     * @param problems lines that could not be read, with their line numbers
     * @param reset    true when the file was truncated or replaced and is being read again from its start:
     *                 the caller drops what it had
     * @param note     a sentence for the user (missing file, truncated, replaced), or null
     */
    public record Update(RunHeader header, List<StepRecord> steps, List<RunFile.LineProblem> problems, boolean reset,
                         String note) {
        public Update {
            steps = List.copyOf(steps);
            problems = List.copyOf(problems);
        }

        /** True when nothing happened. */
        public boolean isEmpty() {
            return header == null && steps.isEmpty() && problems.isEmpty() && !reset && note == null;
        }
    }

    private final Path file;
    private final StepLineParser parser = new StepLineParser(RunFileReader.Detail.SUMMARY);
    private long position;
    private long lineNumber;
    private Object fileKey;
    private boolean headerRead;
    private boolean missingReported;
    private byte[] pending = new byte[0];
    private int pendingLength;

    public RunFileTail(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() { return file; }

    /** Bytes consumed so far (complete lines plus a pending partial line). */
    public long position() { return position; }

    /** Reads what was appended since the last poll. */
    public Update poll() throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (missingReported) {
                return new Update(null, List.of(), List.of(), false, null);
            }
            missingReported = true;
            return new Update(null, List.of(), List.of(), false, file.getFileName() + " does not exist (yet): waiting for it");
        }
        missingReported = false;
        boolean reset = false;
        String note = null;
        Object key = attrs.fileKey();
        if (fileKey != null && key != null && !fileKey.equals(key)) {
            reset = true;
            note = file.getFileName() + " was replaced by a new file: reading it from the start";
        } else if (attrs.size() < position) {
            reset = true;
            note = file.getFileName() + " shrank (truncated?): reading it again from the start";
        }
        fileKey = key;
        if (reset) {
            position = 0;
            lineNumber = 0;
            headerRead = false;
            pendingLength = 0;
        }
        long size = attrs.size();
        if (size == position) {
            return new Update(null, List.of(), List.of(), reset, note);
        }
        byte[] fresh = read(position, (int) Math.min(MAX_BYTES_PER_POLL, size - position));
        position += fresh.length;
        return lines(fresh, reset, note);
    }

    private byte[] read(long from, int count) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(count);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                int n = ch.read(buf, from + buf.position());
                if (n < 0) {
                    break;
                }
            }
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    private Update lines(byte[] fresh, boolean reset, String note) throws IOException {
        if (pendingLength + fresh.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + fresh.length));
        }
        System.arraycopy(fresh, 0, pending, pendingLength, fresh.length);
        pendingLength += fresh.length;
        RunHeader header = null;
        List<StepRecord> steps = new ArrayList<>();
        List<RunFile.LineProblem> problems = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < pendingLength; i++) {
            if (pending[i] != '\n') {
                continue;
            }
            int end = i > start && pending[i - 1] == '\r' ? i - 1 : i;
            lineNumber++;
            if (end > start) {
                header = line(start, end - start, header, steps, problems);
            }
            start = i + 1;
        }
        System.arraycopy(pending, start, pending, 0, pendingLength - start);
        pendingLength -= start;
        return new Update(header, steps, problems, reset, note);
    }

    private RunHeader line(int start, int length, RunHeader header, List<StepRecord> steps,
                           List<RunFile.LineProblem> problems) throws IOException {
        if (!headerRead) {
            headerRead = true;
            try {
                return RunHeaderCodec.fromLineBytes(Arrays.copyOfRange(pending, start, start + length));
            } catch (IOException | RuntimeException e) {
                problems.add(new RunFile.LineProblem(lineNumber, "line " + lineNumber
                        + ": not a run-file header (" + e.getMessage() + ")"));
                return header;
            }
        }
        StepLineParser.LineOutcome outcome = parser.parse(pending, start, length);
        switch (outcome.kind()) {
            case STEP -> steps.add(outcome.step());
            case PROBLEM, SYNTAX -> problems.add(new RunFile.LineProblem(lineNumber, "line " + lineNumber + ": "
                    + outcome.text()));
            default -> { }
        }
        return header;
    }
}
