package org.entropyworkbench.core.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.entropyworkbench.core.run.FailedStep;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunHeaderCodec;
import org.entropyworkbench.core.run.RunSummary;
import org.entropyworkbench.core.run.StepSummary;

/**
 * The summary cache (issue 12): per run file, a compact binary copy of its {@link RunSummary}, so
 * opening a run again (another k, rule or priors) does not re-parse megabytes of per-token JSON.
 *
 * <p>Lives under the user's cache directory, never beside the run file (it may be read-only). An
 * entry is keyed by the run's absolute path, size, modification time and a CRC-32C of its first and
 * last 64 KiB; any difference (a live run that grew, an edited or replaced file) is a miss. Each entry
 * starts with a magic number and {@link #FORMAT_VERSION} and ends with a CRC-32C of everything
 * before it: an entry of another version, a truncated or corrupt one is discarded (deleted) and the
 * file re-parsed; it is never trusted. Writes go to a temporary file moved into place, so readers
 * never see half an entry.
 *
 * <p>Bump {@link #FORMAT_VERSION} whenever {@link StepSummary} or {@link RunSummary} gains a field, or
 * the signals whose gate scores step-1 summaries keep change (a new {@code Signal}, another definition):
 * old entries then simply miss and are rebuilt. The header (with the server-reported model) is kept
 * as its JSON line, so header fields need no bump. Stateless apart from its directory; safe from any thread and from several
 * processes (last writer wins, every entry is complete).
 */
public final class SummaryCache {

    /**
     * Version of the entry layout; see the class comment. 2: step-1 gate scores of every signal
     * (issue 11) and the run's failed steps (issue 9).
     */
    public static final int FORMAT_VERSION = 3;

    /** System property that overrides the cache directory (tests, benchmarks). */
    public static final String DIR_PROPERTY = "ewb.cacheDir";

    private static final int MAGIC = 0x45575355; // "EWSU"
    private static final int PROBE_BYTES = 64 * 1024;
    private static final String SUFFIX = ".ewsum";

    private final Path dir;

    public SummaryCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The user's cache: {@code -Dewb.cacheDir}, else {@code $EW_CACHE_DIR}, else
     * {@code $XDG_CACHE_HOME/entropy-workbench/summaries}, else {@code ~/.cache/entropy-workbench/summaries}.
     */
    public static SummaryCache userDefault() {
        String prop = System.getProperty(DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return new SummaryCache(Path.of(prop));
        }
        String env = System.getenv("EW_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return new SummaryCache(Path.of(env));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new SummaryCache(base.resolve("entropy-workbench").resolve("summaries"));
    }

    public Path dir() { return dir; }

    /** Identity of a run file's current content, as far as the cache checks it. */
    public record Key(String path, long size, long modifiedMillis, long headTailCrc) {

        /** Reads the key of {@code file} now (size, mtime, CRC of head and tail). */
        public static Key of(Path file) throws IOException {
            Path abs = file.toAbsolutePath().normalize();
            BasicFileAttributes attrs = Files.readAttributes(abs, BasicFileAttributes.class);
            long size = attrs.size();
            CRC32C crc = new CRC32C();
            try (FileChannel ch = FileChannel.open(abs, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size, PROBE_BYTES));
                readFully(ch, buf, 0);
                crc.update(buf.flip());
                if (size > PROBE_BYTES) {
                    buf.clear();
                    buf.limit((int) Math.min(PROBE_BYTES, size - PROBE_BYTES));
                    readFully(ch, buf, size - buf.limit());
                    crc.update(buf.flip());
                }
            }
            return new Key(abs.toString(), size, attrs.lastModifiedTime().toMillis(), crc.getValue());
        }

        private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
            long pos = position;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException("file shrank while its cache key was read");
                }
                pos += n;
            }
        }
    }

    /** Where the entry for a path lives (one entry per path; a newer version of the file replaces it). */
    Path entryFile(String absolutePath) {
        CRC32C crc = new CRC32C();
        byte[] bytes = absolutePath.getBytes(StandardCharsets.UTF_8);
        crc.update(bytes);
        return dir.resolve(String.format(Locale.ROOT, "%08x-%x%s", crc.getValue(), bytes.length, SUFFIX));
    }

    /**
     * The cached summary for exactly this key, or null on a miss. A corrupt or outdated entry is
     * deleted and counts as a miss.
     */
    public RunSummary get(Key key) {
        Path entry = entryFile(key.path());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(entry);
        } catch (IOException e) {
            return null;
        }
        try {
            return decode(bytes, key);
        } catch (StaleEntry e) {
            return null;
        } catch (Exception | StackOverflowError e) {
            discard(entry);
            return null;
        }
    }

    /** Stores a summary under a key; failures (read-only home, full disk) are ignored: the cache is only a speed-up. */
    public boolean put(Key key, RunSummary summary) {
        try {
            Files.createDirectories(dir);
            Path entry = entryFile(key.path());
            Path tmp = Files.createTempFile(dir, "entry", ".tmp");
            try {
                Files.write(tmp, encode(key, summary));
                try {
                    Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Deletes every entry; returns how many were removed. */
    public int clear() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(SUFFIX) || name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static void discard(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException ignored) {
            // another process may hold it; the next put replaces it
        }
    }

    /** An intact entry for another version of the file or of the layout: a plain miss. */
    private static final class StaleEntry extends Exception {
        StaleEntry() {
            super(null, null, false, false);
        }
    }

    static byte[] encode(Key key, RunSummary s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + s.steps().size() * 120);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(key.path());
        out.writeLong(key.size());
        out.writeLong(key.modifiedMillis());
        out.writeLong(key.headTailCrc());
        byte[] header = RunHeaderCodec.toLineBytes(s.header());
        out.writeInt(header.length);
        out.write(header);
        out.writeBoolean(s.partialTail());
        out.writeInt(s.problems().size());
        for (RunFile.LineProblem p : s.problems()) {
            out.writeLong(p.lineNumber());
            writeLongString(out, p.message());
        }
        List<String> ids = new ArrayList<>();
        java.util.Map<String, Integer> idIndex = new java.util.HashMap<>();
        for (StepSummary st : s.steps()) {
            if (idIndex.putIfAbsent(st.questionId(), ids.size()) == null) {
                ids.add(st.questionId());
            }
        }
        out.writeInt(ids.size());
        for (String id : ids) {
            writeLongString(out, id);
        }
        out.writeInt(s.steps().size());
        for (StepSummary st : s.steps()) {
            out.writeInt(idIndex.get(st.questionId()));
            out.writeInt(st.step());
            out.writeByte(st.correct() == null ? (st.hasGoldAnswer() ? 2 : 3) : st.correct() ? 1 : 0);
            out.writeInt(st.completionTokens());
            out.writeInt(st.tokenRecords());
            out.writeBoolean(st.hasChannels());
            out.writeByte(st.ks().length);
            for (int k : st.ks()) {
                out.writeInt(k);
            }
            for (double m : st.means()) {
                out.writeDouble(m);
            }
            out.writeInt(st.gateScores().length);
            for (double g : st.gateScores()) {
                out.writeDouble(g);
            }
        }
        out.writeInt(s.failedSteps().size());
        for (FailedStep f : s.failedSteps()) {
            writeNullableString(out, f.questionId());
            out.writeInt(f.step());
            writeNullableString(out, f.promptHash());
            writeNullableString(out, f.model());
            writeNullableString(out, f.server());
            writeNullableString(out, f.reason());
            out.writeInt(f.httpStatus());
            out.writeLong(f.failedAt());
        }
        out.flush();
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    static RunSummary decode(byte[] bytes, Key key) throws IOException, StaleEntry {
        if (bytes.length < 12) {
            throw new IOException("entry too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new IOException("entry checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a summary cache entry");
        }
        if (in.readInt() != FORMAT_VERSION) {
            throw new IOException("entry of another cache format version");
        }
        String path = in.readUTF();
        if (!path.equals(key.path()) || in.readLong() != key.size() || in.readLong() != key.modifiedMillis()
                || in.readLong() != key.headTailCrc()) {
            throw new StaleEntry();
        }
        byte[] header = new byte[checkedCount(in.readInt(), bytes.length)];
        in.readFully(header);
        boolean partialTail = in.readBoolean();
        int problemCount = checkedCount(in.readInt(), bytes.length);
        List<RunFile.LineProblem> problems = new ArrayList<>(problemCount);
        for (int i = 0; i < problemCount; i++) {
            long line = in.readLong();
            problems.add(new RunFile.LineProblem(line, readLongString(in, bytes.length)));
        }
        String[] ids = new String[checkedCount(in.readInt(), bytes.length)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = readLongString(in, bytes.length);
        }
        int stepCount = checkedCount(in.readInt(), bytes.length);
        List<StepSummary> steps = new ArrayList<>(stepCount);
        for (int i = 0; i < stepCount; i++) {
            String id = ids[in.readInt()];
            int step = in.readInt();
            byte c = in.readByte();
            Boolean correct = switch (c) {
                case 0 -> Boolean.FALSE;
                case 1 -> Boolean.TRUE;
                case 2, 3 -> null;
                default -> throw new IOException("bad correctness code " + c);
            };
            int completionTokens = in.readInt();
            int tokenRecords = in.readInt();
            boolean hasChannels = in.readBoolean();
            int[] ks = new int[in.readUnsignedByte()];
            for (int j = 0; j < ks.length; j++) {
                ks[j] = in.readInt();
            }
            double[] means = new double[ks.length * 3];
            for (int j = 0; j < means.length; j++) {
                means[j] = in.readDouble();
            }
            double[] scores = new double[checkedCount(in.readInt(), bytes.length)];
            for (int j = 0; j < scores.length; j++) {
                scores[j] = in.readDouble();
            }
            steps.add(new StepSummary(id, step, correct, completionTokens, tokenRecords, hasChannels, ks, means, scores,
                    c != 3));
        }
        int failedCount = checkedCount(in.readInt(), bytes.length);
        List<FailedStep> failed = new ArrayList<>(failedCount);
        for (int i = 0; i < failedCount; i++) {
            String questionId = readNullableString(in, bytes.length);
            int step = in.readInt();
            String promptHash = readNullableString(in, bytes.length);
            String model = readNullableString(in, bytes.length);
            String server = readNullableString(in, bytes.length);
            String reason = readNullableString(in, bytes.length);
            failed.add(new FailedStep(questionId, step, promptHash, model, server, reason, in.readInt(), in.readLong()));
        }
        if (in.available() != 0) {
            throw new IOException("unexpected bytes after the failed steps");
        }
        return new RunSummary(Path.of(path), RunHeaderCodec.fromLineBytes(header), steps, problems, partialTail, failed);
    }

    private static int checkedCount(int n, int entryLength) throws IOException {
        if (n < 0 || n > entryLength) {
            throw new IOException("implausible count " + n);
        }
        return n;
    }

    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void writeNullableString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeLongString(out, s);
        }
    }

    private static String readNullableString(DataInputStream in, int entryLength) throws IOException {
        return in.readBoolean() ? readLongString(in, entryLength) : null;
    }

    private static String readLongString(DataInputStream in, int entryLength) throws IOException {
        byte[] b = new byte[checkedCount(in.readInt(), entryLength)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
