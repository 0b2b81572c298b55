package org.entropyworkbench.bench;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What every benchmark section gets: quick or full sizes, where generated data lives (reused
 * between runs, never committed), where progress lines go, and the python3 to compare with.
 *
 * @param quick   smaller sizes so the whole quick set stays under about two minutes
 * @param dataDir generated inputs, normally target/bench-data
 * @param log     progress lines (stderr in the command)
 * @param python  python3 executable name or path; null when not available
 */
public record BenchContext(boolean quick, Path dataDir, PrintWriter log, String python) {

    /** Prints one progress line prefixed with the section id. */
    public void progress(String section, String message) {
        log.println("[bench " + section + "] " + message);
        log.flush();
    }

    /** {@code quick} value in quick mode, else {@code full}. */
    public int size(int quickValue, int fullValue) {
        return quick ? quickValue : fullValue;
    }
}
