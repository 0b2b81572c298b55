package org.entropyworkbench.core.run;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.entropyworkbench.core.dataset.AnswerKind;

/**
 * Writes the steps of an OpenAI-format import as they are parsed, and assembles the run file at
 * the end. The header (first line) depends on every step (highest step, top-k, model, temperature,
 * answer kind), so step lines go to a spool file next to the output and are copied behind the header
 * once the input is read; only a few numbers per step stay in memory.
 *
 * <p>Lines that do not name their answer kind are graded with the kind inferred from the expected
 * answers seen so far; when the inference later changes (say the first answers were integers and a
 * later one is a formula), those steps are imported again from their input bytes with the final kind
 * while assembling. Without a spool (the output folder is missing or not writable) every step is
 * produced that way, which only matters if the folder appears before the end.
 *
 * <p>The finished file is written to a {@code .part} sibling, forced to disk and renamed, exactly
 * as {@link RunFileWriter#writeAll} does, with the same refusals. Single-threaded.
 */
final class OpenAiRunAssembler implements Closeable {

    /** Produces a step line again from its input line, graded with the final answer kind. */
    interface StepRewriter {
        byte[] rewrite(long inputOffset, int inputLength, long lineNumber, AnswerKind kind) throws IOException;
    }

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern LETTER = Pattern.compile("[A-Da-d]");
    private static final byte NOT_DEFAULT_KIND = -1;

    private final AnswerKind fixedKind;
    private final Path spool;
    private final CountingStream spoolBytes;
    private final StepLineCodec codec = new StepLineCodec();

    private int steps;
    private long[] inputOffset = new long[64];
    private int[] inputLength = new int[64];
    private long[] lineNumber = new long[64];
    private long[] spoolOffset = new long[65];
    private byte[] gradedWith = new byte[64];

    private boolean anyExpected;
    private boolean allIntegers = true;
    private boolean allLetters = true;
    private int highestStep = 1;
    private int topK;
    private double temperature;
    private final Map<String, Integer> perModel = new HashMap<>();

    private OpenAiRunAssembler(AnswerKind fixedKind, Path spool, CountingStream spoolBytes) {
        this.fixedKind = fixedKind;
        this.spool = spool;
        this.spoolBytes = spoolBytes;
    }

    /**
     * Starts an import into {@code output}, spooling next to it when its folder can be written.
     *
     * @param fixedKind the answer kind the options impose, or null to infer it
     */
    static OpenAiRunAssembler start(Path output, AnswerKind fixedKind) {
        Path parent = output.toAbsolutePath().getParent();
        Path spool = null;
        try {
            spool = Files.createTempFile(parent, "." + output.getFileName() + ".", ".spool");
            CountingStream bytes = new CountingStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16));
            return new OpenAiRunAssembler(fixedKind, spool, bytes);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(spool);
            return new OpenAiRunAssembler(fixedKind, null, null);
        }
    }

    /** Records one parsed step and writes its line to the spool; the answer kind used is the one known so far. */
    void add(OpenAiResponse r, long offset, int length, long line) throws IOException {
        ensureCapacity(steps + 1);
        if (r.expected != null) {
            anyExpected = true;
            String e = r.expected.trim();
            allIntegers &= INTEGER.matcher(e).matches();
            allLetters &= LETTER.matcher(e).matches();
        }
        highestStep = Math.max(highestStep, r.step);
        topK = Math.max(topK, r.topK);
        if (steps == 0) {
            temperature = r.temperature;
        } else if (Double.compare(temperature, r.temperature) != 0) {
            temperature = Double.NaN;
        }
        if (r.model != null) {
            perModel.merge(r.model, 1, Integer::sum);
        }
        AnswerKind kind = answerKind();
        inputOffset[steps] = offset;
        inputLength[steps] = length;
        lineNumber[steps] = line;
        gradedWith[steps] = r.gradedWithDefaultKind() ? (byte) kind.ordinal() : NOT_DEFAULT_KIND;
        if (spoolBytes != null) {
            spoolOffset[steps] = spoolBytes.count;
            int lineLength = codec.encode(r.toRecord(kind));
            spoolBytes.write(codec.encodedBytes(), 0, lineLength);
            spoolBytes.write('\n');
        }
        steps++;
    }

    int steps() { return steps; }

    int highestStep() { return highestStep; }

    int topK() { return topK; }

    /** The temperature every step shares, NaN when they differ. */
    double temperature() { return temperature; }

    /** Steps per model name, in the order a {@link HashMap} fed the same names keeps. */
    Map<String, Integer> stepsPerModel() { return perModel; }

    /** The options' kind; else integer when every expected answer is an integer, multiple choice when every one is a letter A-D, else free. */
    AnswerKind answerKind() {
        if (fixedKind != null) {
            return fixedKind;
        }
        if (!anyExpected || allIntegers) {
            return AnswerKind.INTEGER;
        }
        return allLetters ? AnswerKind.MULTIPLE_CHOICE : AnswerKind.FREE;
    }

    /**
     * Writes {@code header} and every step to {@code path}: never overwrites, writes a {@code .part}
     * sibling first, gzip for a {@code .gz} name.
     *
     * @throws RunFileException when the file exists or cannot be written
     */
    void finish(Path path, RunHeader header, StepRewriter rewriter) throws IOException {
        WholeRunFileWrite.checkWritable(path);
        if (spoolBytes != null) {
            spoolBytes.close();
            spoolOffset[steps] = spoolBytes.count;
        }
        WholeRunFileWrite.write(path, header, (out, file, gzip) -> {
            AnswerKind kind = answerKind();
            if (!gzip && spool != null && !needsRewrite(kind)) {
                out.flush();
                copyWholeSpool(file);
            } else {
                writeSteps(out, kind, rewriter);
            }
        });
    }

    private boolean needsRewrite(AnswerKind kind) {
        for (int i = 0; i < steps; i++) {
            if (mustRewrite(i, kind)) {
                return true;
            }
        }
        return false;
    }

    private boolean mustRewrite(int step, AnswerKind kind) {
        return spool == null || (gradedWith[step] != NOT_DEFAULT_KIND && gradedWith[step] != kind.ordinal());
    }

    private void copyWholeSpool(FileChannel target) throws IOException {
        try (FileChannel source = FileChannel.open(spool, StandardOpenOption.READ)) {
            long size = source.size();
            long done = 0;
            while (done < size) {
                done += source.transferTo(done, size - done, target);
            }
        }
    }

    /** Copies spooled lines and puts re-imported ones where the grading must change. */
    private void writeSteps(OutputStream out, AnswerKind kind, StepRewriter rewriter) throws IOException {
        InputStream spooled = spool == null ? null : Files.newInputStream(spool);
        try {
            byte[] buffer = new byte[1 << 16];
            for (int i = 0; i < steps; i++) {
                long length = spool == null ? 0 : spoolOffset[i + 1] - spoolOffset[i];
                if (mustRewrite(i, kind)) {
                    if (spooled != null) {
                        spooled.skipNBytes(length);
                    }
                    out.write(rewriter.rewrite(inputOffset[i], inputLength[i], lineNumber[i], kind));
                    out.write('\n');
                } else {
                    copy(spooled, out, length, buffer);
                }
            }
        } finally {
            if (spooled != null) {
                spooled.close();
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long length, byte[] buffer) throws IOException {
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("spool file ended early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= inputOffset.length) {
            return;
        }
        int cap = Math.max(needed, inputOffset.length * 2);
        inputOffset = Arrays.copyOf(inputOffset, cap);
        inputLength = Arrays.copyOf(inputLength, cap);
        lineNumber = Arrays.copyOf(lineNumber, cap);
        gradedWith = Arrays.copyOf(gradedWith, cap);
        spoolOffset = Arrays.copyOf(spoolOffset, cap + 1);
    }

    /** Removes the spool file. */
    @Override
    public void close() throws IOException {
        try {
            if (spoolBytes != null) {
                spoolBytes.close();
            }
        } finally {
            deleteQuietly(spool);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A leftover hidden spool file is harmless; the import result does not depend on it.
        }
    }

    /** Counts the bytes passed on, so each step's position in the spool is known. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
