package org.entropyworkbench.core.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.entropyworkbench.core.io.LineRules;
import org.entropyworkbench.core.io.LineSplitter;

/**
 * Reads a large uncompressed run file on several cores (issue 12): the file is cut into chunks of
 * about {@link #CHUNK_BYTES} at line ends; worker threads split their chunk into lines and parse each
 * with {@link StepLineParser} (the same per-line code as {@link RunFileReader}); then the lines'
 * outcomes go in file order through {@link RunAssembly}, the same file-level rules (line numbers,
 * duplicates, a half-written last line). The result equals {@link RunFileReader#read(Path, RunFileReader.Detail)}
 * for the same bytes. Gzip files (a compressed stream cannot be cut) and small files are read
 * sequentially. Stateless; any thread.
 *
 * <p>Keeping both cores busy: each worker reads its chunks into one byte array it keeps for the whole
 * read (a fresh multi-megabyte array per chunk is a "humongous" G1 allocation that starts GC cycles),
 * and up to {@link #CHUNKS_IN_FLIGHT_PER_THREAD} chunks per worker may be parsed ahead of the one the
 * assembly waits for, so a worker never idles behind a slower neighbour's chunk. Chunks waiting for
 * assembly hold only their parsed steps, which the result keeps anyway.
 */
public final class ParallelRunFileReader {

    /** Files below this size are read sequentially: the threads would cost more than they save. */
    public static final long MIN_PARALLEL_BYTES = 16L << 20;
    static final int CHUNK_BYTES = 2 << 20;
    /** The most one read call asks for (see {@link Job#parseChunk}). */
    static final int READ_BYTES = 256 << 10;
    /** Chunks submitted ahead per worker thread; more only costs a few futures. */
    static final int CHUNKS_IN_FLIGHT_PER_THREAD = 4;

    private ParallelRunFileReader() {
    }

    /** Reads with one worker per available core. */
    public static RunFile read(Path path, RunFileReader.Detail detail) throws IOException {
        return read(path, detail, Runtime.getRuntime().availableProcessors(), MIN_PARALLEL_BYTES);
    }

    /**
     * @param threads  worker threads (1 = sequential)
     * @param minBytes files smaller than this are read sequentially
     */
    public static RunFile read(Path path, RunFileReader.Detail detail, int threads, long minBytes) throws IOException {
        return read(path, detail, threads, minBytes, CHUNK_BYTES);
    }

    /** As above with a chunk size (tests use small chunks to put many chunk boundaries into a small file). */
    static RunFile read(Path path, RunFileReader.Detail detail, int threads, long minBytes, int chunkBytes) throws IOException {
        if (threads < 2 || !Files.isRegularFile(path) || Files.size(path) < minBytes || isGzip(path)) {
            return RunFileReader.read(path, detail);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "run-file-parse");
            t.setDaemon(true);
            return t;
        });
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            RunFile run = new Job(path, detail, ch, pool, threads, chunkBytes).run();
            return run != null ? run : RunFileReader.read(path, detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFileException(path, "reading was interrupted", e);
        } catch (RunFileException e) {
            throw e;
        } catch (IOException e) {
            throw new RunFileException(path, "cannot read: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** One line of a chunk: blank, or not terminated, or what it parsed to (null for the header candidate). */
    private record Line(boolean blank, boolean terminated, StepLineParser.LineOutcome outcome, byte[] raw) {
    }

    private record Chunk(List<Line> lines) {
    }

    private static final class Job {
        private final Path path;
        private final RunFileReader.Detail detail;
        private final FileChannel ch;
        private final ExecutorService pool;
        private final int threads;
        private final ThreadLocal<StepLineParser> parsers;
        /** Each worker's chunk buffer, reused for every chunk it reads in this job. */
        private final ThreadLocal<byte[]> buffers = new ThreadLocal<>();
        private final int chunkBytes;

        Job(Path path, RunFileReader.Detail detail, FileChannel ch, ExecutorService pool, int threads, int chunkBytes) {
            this.chunkBytes = chunkBytes;
            this.path = path;
            this.detail = detail;
            this.ch = ch;
            this.pool = pool;
            this.threads = threads;
            this.parsers = ThreadLocal.withInitial(() -> new StepLineParser(detail));
        }

        /** The run, or null when the header is not in the first chunk (a file opening with megabytes of blank lines). */
        RunFile run() throws IOException, InterruptedException {
            long size = ch.size();
            RunAssembly assembly = new RunAssembly(path);
            RunHeader header = null;
            long lineNumber = 0;
            List<Future<Chunk>> inFlight = new ArrayList<>();
            long next = 0;
            boolean stopped = false;
            while ((next < size || !inFlight.isEmpty()) && !stopped) {
                while (next < size && inFlight.size() < threads * CHUNKS_IN_FLIGHT_PER_THREAD) {
                    long start = next;
                    long end = lineEndAfter(Math.min(size, start + chunkBytes), size);
                    boolean first = start == 0;
                    inFlight.add(pool.submit(() -> parseChunk(start, end, first)));
                    next = end;
                }
                Chunk chunk = take(inFlight.remove(0));
                for (Line line : chunk.lines()) {
                    lineNumber++;
                    if (line.blank()) {
                        continue;
                    }
                    if (header == null) {
                        if (line.raw() == null) {
                            return null;
                        }
                        header = RunFileReader.parseHeader(path, lineNumber, line.raw(), 0, line.raw().length, line.terminated());
                        continue;
                    }
                    if (!assembly.nextLine(line.terminated())) {
                        stopped = true;
                        break;
                    }
                    assembly.apply(lineNumber, line.outcome() != null ? line.outcome()
                            : parsers.get().parse(line.raw(), 0, line.raw().length));
                }
            }
            for (Future<Chunk> f : inFlight) {
                f.cancel(true);
            }
            if (header == null) {
                throw new RunFileException(path, "empty file: no header line");
            }
            return assembly.finish(header);
        }

        private Chunk take(Future<Chunk> f) throws IOException, InterruptedException {
            try {
                return f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) {
                    throw io;
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(c);
            }
        }

        /** The offset just past the first LF at or after {@code from} (or the end of the file). */
        private long lineEndAfter(long from, long size) throws IOException {
            if (from >= size) {
                return size;
            }
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            long pos = from;
            while (pos < size) {
                buf.clear();
                int n = ch.read(buf, pos);
                if (n <= 0) {
                    return size;
                }
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') {
                        return pos + i + 1;
                    }
                }
                pos += n;
            }
            return size;
        }

        /**
         * Splits {@code [start, end)} into lines by the run-file rules ({@link LineRules#runFile}, as
         * {@link RunFileReader} does) and parses each non-blank one. In the first chunk the first non-blank
         * line (the header) and, anywhere, a line without an end are kept raw for the assembly; a line over
         * the limit becomes its problem.
         */
        private Chunk parseChunk(long start, long end, boolean first) throws IOException {
            int length = (int) (end - start);
            byte[] bytes = buffers.get();
            if (bytes == null || bytes.length < length) {
                bytes = new byte[Math.max(length, chunkBytes + (chunkBytes >> 2))];
                if (bytes.length <= 4 * chunkBytes) {
                    buffers.set(bytes); // a chunk holding one huge line gets its own array, not kept
                }
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes, 0, length);
            long pos = start;
            while (buf.hasRemaining()) {
                // at most READ_BYTES per call: the JDK stages a heap read in a per-thread direct buffer of the
                // request's size, and one size for every call lets it reuse that buffer instead of allocating
                // and zeroing a new multi-megabyte one for every chunk
                buf.limit(Math.min(length, buf.position() + READ_BYTES));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    break; // the file shrank: parse what was there
                }
                pos += n;
                buf.limit(length);
            }
            StepLineParser parser = parsers.get();
            List<Line> lines = new ArrayList<>();
            boolean headerPending = first;
            LineSplitter split = LineSplitter.over(bytes, 0, buf.position(), LineRules.runFile(RunFileReader.MAX_LINE_BYTES));
            while (split.next()) {
                boolean terminated = split.terminated();
                int s = split.lineStart();
                int len = split.lineLength();
                if (split.tooLong()) {
                    headerPending = false;
                    lines.add(new Line(false, terminated, StepLineParser.LineOutcome.problem(
                            RunFileReader.lineTooLong(split.fullLength(), RunFileReader.MAX_LINE_BYTES)), null));
                } else if (split.lineBlank()) {
                    lines.add(new Line(true, terminated, null, null));
                } else if (headerPending || !terminated) {
                    headerPending = false;
                    lines.add(new Line(false, terminated, null, java.util.Arrays.copyOfRange(bytes, s, s + len)));
                } else {
                    lines.add(new Line(false, true, parser.parse(bytes, s, len), null));
                }
            }
            return new Chunk(lines);
        }
    }
}
