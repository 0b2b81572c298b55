package org.entropyworkbench.core.cache;

import java.io.IOException;
import java.nio.file.Path;
import org.entropyworkbench.core.run.ParallelRunFileReader;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.RunSummary;
import org.entropyworkbench.core.signal.SummarySignals;

/**
 * Reads a run's {@link RunSummary}: from the {@link SummaryCache} when it holds this exact version
 * of the file, else by parsing the file (on every core when it is large) and then storing the
 * result. Step-1 summaries carry every signal's gate score at the default signal settings
 * ({@link SummarySignals}), so an analysis of any signal runs from them. Blocking; any thread.
 */
public final class SummaryLoader {

    private SummaryLoader() {
    }

    /**
     * @param summary   the run's summary; its path is {@code file} as given
     * @param fromCache true when nothing was parsed
     * @param run       the run as parsed at the detail asked for, null when it came from the cache
     */
    public record Loaded(RunSummary summary, boolean fromCache, RunFile run) {
    }

    /**
     * @param cache null to parse without the cache (neither read nor written)
     * @throws IOException a {@code RunFileException} naming the file when it cannot be read or has no header
     */
    public static Loaded load(Path file, SummaryCache cache) throws IOException {
        return load(file, cache, RunFileReader.Detail.SUMMARY);
    }

    /**
     * As {@link #load(Path, SummaryCache)}, parsing at {@code detail} on a miss and handing the parsed run
     * back too (the window keeps it for its question reader instead of parsing the file twice).
     */
    public static Loaded load(Path file, SummaryCache cache, RunFileReader.Detail detail) throws IOException {
        SummaryCache.Key key = null;
        if (cache != null) {
            try {
                key = SummaryCache.Key.of(file);
            } catch (IOException e) {
                key = null; // the reader below reports a missing or unreadable file in its own words
            }
            RunSummary cached = key == null ? null : cache.get(key);
            if (cached != null) {
                return new Loaded(cached.withPath(file), true, null);
            }
        }
        RunFile run = ParallelRunFileReader.read(file, detail);
        RunSummary parsed = RunSummary.of(run, SummarySignals.SCORER);
        if (key != null && key.equals(keyOrNull(file))) {
            cache.put(key, parsed);
        }
        return new Loaded(parsed, false, run);
    }

    private static SummaryCache.Key keyOrNull(Path file) {
        try {
            return SummaryCache.Key.of(file);
        } catch (IOException e) {
            return null;
        }
    }
}
