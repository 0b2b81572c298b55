package org.entropyworkbench.ui.workspace;

import java.util.LinkedHashMap;
import java.util.Map;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;

/**
 * Analyses already computed, by run and options, so switching runs or screens does not repeat a
 * re-analysis at k = 5 that another screen just made. Keeps the most recently used few. FX thread only.
 */
final class AnalysisCache {

    private static final int CAPACITY = 24;

    private record Key(LoadedRun run, AnalysisOptions options) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.run == run && other.options.equals(options);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(run) * 31 + options.hashCode();
        }
    }

    private final Map<Key, RunAnalysis> entries = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, RunAnalysis> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The analysis of {@code run} at {@code options} if known: the run's own at the defaults, else a cached one. */
    RunAnalysis get(LoadedRun run, AnalysisOptions options) {
        RunAnalysis own = run.analysis();
        if (own != null && own.options().equals(options)) {
            return own;
        }
        return entries.get(new Key(run, options));
    }

    void put(LoadedRun run, AnalysisOptions options, RunAnalysis analysis) {
        if (analysis != null) {
            entries.put(new Key(run, options), analysis);
        }
    }
}
