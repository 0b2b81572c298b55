package org.entropyworkbench.ui.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.entropyworkbench.core.run.ParallelRunFileReader;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;

/**
 * The per-token side of a {@link LoadedRun}: the run file as read, either handed over at once (a run
 * just parsed, a live run) or read from its path the first time something needs token records (the
 * question reader, the Signals screen, a signal the summary does not hold). A window start from the
 * summary cache thus parses nothing (issue 12). Loading blocks: background threads only. Thread-safe;
 * the file is read at most once.
 */
public final class RunDetail {

    private final Path path;
    private RunFile run;

    private RunDetail(Path path, RunFile run) {
        this.path = path;
        this.run = run;
    }

    /** Detail already in memory. */
    public static RunDetail of(RunFile run) {
        return new RunDetail(Objects.requireNonNull(run, "run").path(), run);
    }

    /** Detail read from {@code path} when first asked for. */
    public static RunDetail onDemand(Path path) {
        return new RunDetail(Objects.requireNonNull(path, "path"), null);
    }

    /** The run as read, or null when it has not been read yet. Any thread, never blocks on I/O. */
    public synchronized RunFile loadedOrNull() {
        return run;
    }

    /**
     * The run as read, reading it now when needed (on every core when large; without per-token texts
     * above {@link RunFileLoader#FULL_DETAIL_LIMIT_BYTES}). Blocking: background threads only.
     *
     * @throws IOException a {@code RunFileException} naming the file when it can no longer be read
     */
    public synchronized RunFile load() throws IOException {
        if (run == null) {
            run = ParallelRunFileReader.read(path, detailFor(path));
        }
        return run;
    }

    /** FULL detail (token texts for the reader) unless the file is too large to hold them. */
    static RunFileReader.Detail detailFor(Path file) throws IOException {
        return Files.size(file) > RunFileLoader.FULL_DETAIL_LIMIT_BYTES
                ? RunFileReader.Detail.SUMMARY : RunFileReader.Detail.FULL;
    }
}
