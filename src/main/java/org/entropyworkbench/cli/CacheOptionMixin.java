package org.entropyworkbench.cli;

import org.entropyworkbench.core.cache.SummaryCache;
import picocli.CommandLine.Option;

/** {@code --no-cache} for the commands that read runs for analysis (picocli mixin; main thread). */
final class CacheOptionMixin {

    @Option(names = "--no-cache", description = "Parse the run files even when the summary cache has them, and do not"
            + " store them there (the cache lives under $XDG_CACHE_HOME or ~/.cache/entropy-workbench; 'ew cache clear' empties it).")
    private boolean noCache;

    /** The cache to use, or null with {@code --no-cache}. */
    SummaryCache cache() {
        return cache(noCache);
    }

    /** True with {@code --no-cache}. */
    boolean off() {
        return noCache;
    }

    /** The cache to use, or null when {@code noCache}. */
    static SummaryCache cache(boolean noCache) {
        return noCache ? null : SummaryCache.userDefault();
    }
}
