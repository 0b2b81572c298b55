package org.entropyworkbench.core.run;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends step lines to a run file so that a crash never loses a completed step: every
 * {@link #append} writes one whole line and forces it to disk before returning.
 *
 * <p>Thread-safe: parallel question workers may share one writer; lines never interleave.
 */
public final class RunFileWriter implements Closeable {

    private static final int BACKWARD_SCAN_CHUNK = 8192;

    private final Path path;
    private final FileChannel channel;
    private final StepLineCodec codec = new StepLineCodec();
    private boolean closed;

    private RunFileWriter(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Creates a new run file and writes its header (forced to disk).
     *
     * @throws RunFileException when the file already exists (never overwritten) or cannot be created
     */
    public static RunFileWriter create(Path path, RunHeader header) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new RunFileException(path, "already exists; refusing to overwrite it (resume it, or pick another file)");
        } catch (NoSuchFileException e) {
            throw new RunFileException(path, "cannot create: folder " + path.toAbsolutePath().getParent() + " does not exist");
        } catch (IOException e) {
            throw new RunFileException(path, "cannot create: " + e.getMessage(), e);
        }
        RunFileWriter w = new RunFileWriter(path, ch);
        try {
            w.writeLine(RunHeaderCodec.toLineBytes(header));
        } catch (IOException e) {
            ch.close();
            throw new RunFileException(path, "cannot write the header: " + e.getMessage(), e);
        }
        return w;
    }

    /**
     * Opens an existing run file to add steps (resume). Reads nothing but the end of the file: a
     * half-written last line (no line end) is cut off; every complete line is kept as it is.
     *
     * @throws RunFileException when the file is missing, compressed, or has not even a complete header line
     */
    public static RunFileWriter openForAppend(Path path) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw new RunFileException(path, "file not found (" + path + ")");
        } catch (IOException e) {
            throw new RunFileException(path, "cannot open for appending: " + e.getMessage(), e);
        }
        try {
            if (startsWithGzipMagic(ch)) {
                throw new RunFileException(path, "is gzip-compressed; only an uncompressed .jsonl run can be resumed");
            }
            long keep = endOfLastCompleteLine(ch);
            if (keep == 0) {
                throw new RunFileException(path, "has no complete header line; it cannot be resumed");
            }
            if (keep < ch.size()) {
                ch.truncate(keep);
                ch.force(true);
            }
            ch.position(keep);
            return new RunFileWriter(path, ch);
        } catch (IOException e) {
            ch.close();
            throw e instanceof RunFileException ? e : new RunFileException(path, "cannot prepare for appending: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a whole run in one go (simulator, importer), streaming: records are encoded as the
     * iterable yields them, never held together. A {@code .gz} file name gives a gzip-compressed
     * file. Written to a temporary sibling first and renamed at the end, so an interrupted write
     * leaves no half file under the real name.
     *
     * @throws RunFileException when the file already exists (never overwritten) or cannot be written
     */
    public static void writeAll(Path path, RunHeader header, Iterable<StepRecord> steps) throws IOException {
        WholeRunFileWrite.checkWritable(path);
        StepLineCodec codec = new StepLineCodec();
        WholeRunFileWrite.write(path, header, (out, file, gzip) -> {
            for (StepRecord r : steps) {
                out.write(codec.toLineBytes(r));
                out.write('\n');
            }
        });
    }

    public Path path() { return path; }

    /** Writes one step line and forces it to disk before returning. Safe to call from several threads. */
    public synchronized void append(StepRecord record) throws IOException {
        if (closed) {
            throw new RunFileException(path, "writer is closed; the step of question \"" + record.questionId()
                    + "\" step " + record.step() + " was not written");
        }
        writeLine(codec.toLineBytes(record));
    }

    /** Writes one failed-step line and forces it to disk before returning. Safe to call from several threads. */
    public synchronized void appendFailed(FailedStep failed) throws IOException {
        if (closed) {
            throw new RunFileException(path, "writer is closed; the failure of question \"" + failed.questionId()
                    + "\" step " + failed.step() + " was not written");
        }
        writeLine(FailedStepCodec.toLineBytes(failed));
    }

    private void writeLine(byte[] json) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(json.length + 1);
        buf.put(json).put((byte) '\n').flip();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }

    private static boolean startsWithGzipMagic(FileChannel ch) throws IOException {
        if (ch.size() < 2) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(2);
        ch.read(b, 0);
        return (b.get(0) & 0xff) == 0x1f && (b.get(1) & 0xff) == 0x8b;
    }

    /** Offset just after the last '\n' in the file, or 0 when there is none. */
    private static long endOfLastCompleteLine(FileChannel ch) throws IOException {
        long end = ch.size();
        ByteBuffer b = ByteBuffer.allocate(BACKWARD_SCAN_CHUNK);
        while (end > 0) {
            long from = Math.max(0, end - BACKWARD_SCAN_CHUNK);
            b.clear().limit((int) (end - from));
            while (b.hasRemaining()) {
                if (ch.read(b, from + b.position()) < 0) {
                    break;
                }
            }
            for (int i = b.position() - 1; i >= 0; i--) {
                if (b.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }
}
