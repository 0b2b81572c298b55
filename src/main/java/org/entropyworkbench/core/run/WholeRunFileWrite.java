package org.entropyworkbench.core.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a whole run file in one go, shared by {@link RunFileWriter#writeAll} and the OpenAI
 * importer's assembler: refuses an existing file or a missing folder, writes a {@code .part}
 * sibling (gzip for a {@code .gz} name), forces it to disk and renames it into place, so an
 * interrupted write never leaves a half file under the real name. Runs on the caller's thread.
 */
final class WholeRunFileWrite {

    /** Writes the step lines after the header line; the file is finished and renamed by the caller. */
    @FunctionalInterface
    interface StepLines {
        /**
         * @param out  the (buffered or gzip) stream to write the lines to
         * @param file the channel under {@code out}, for a plain (not gzip) file that wants to copy
         *             bytes straight in after flushing {@code out}
         * @param gzip whether {@code out} compresses
         */
        void write(OutputStream out, FileChannel file, boolean gzip) throws IOException;
    }

    private WholeRunFileWrite() {
    }

    /**
     * @throws RunFileException when {@code path} exists (never overwritten) or its folder does not
     */
    static void checkWritable(Path path) throws RunFileException {
        if (Files.exists(path)) {
            throw new RunFileException(path, "already exists; refusing to overwrite it");
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new RunFileException(path, "cannot create: folder " + parent + " does not exist");
        }
    }

    /**
     * Writes the header line and then {@code lines} to a {@code .part} sibling, then moves it to
     * {@code path}. The {@code .part} file is deleted when anything fails. Call
     * {@link #checkWritable} first.
     *
     * @throws RunFileException when the file cannot be written or moved into place
     */
    static void write(Path path, RunHeader header, StepLines lines) throws IOException {
        Path temp = path.resolveSibling(path.getFileName() + ".part");
        boolean gzip = path.getFileName().toString().endsWith(".gz");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            OutputStream file = Channels.newOutputStream(ch);
            OutputStream out = gzip ? new GZIPOutputStream(file, 1 << 16) : new BufferedOutputStream(file, 1 << 16);
            out.write(RunHeaderCodec.toLineBytes(header));
            out.write('\n');
            lines.write(out, ch, gzip);
            if (gzip) {
                ((GZIPOutputStream) out).finish();
            }
            out.flush();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            if (e instanceof IOException) {
                throw new RunFileException(path, "cannot write: " + e.getMessage(), e);
            }
            throw e;
        }
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new RunFileException(path, "cannot move the finished file into place: " + e.getMessage(), e);
        }
    }
}
