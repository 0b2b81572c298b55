package org.entropyworkbench.ui.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.RunSummary;

/**
 * A run file opened in the workbench with its analysis, normally at the default settings
 * ({@link #withAnalysis} gives the same run at other settings, for Compare). Everything the analyses
 * need is in {@link #summary()} (possibly read from the summary cache without parsing the file); the
 * per-token records come from {@link #detail()}, read on demand.
 *
 * @param summary     header, per-step summaries, problems: what the analyses and lists use
 * @param analysis    its analysis, or null when the run has no complete question (e.g. a run that
 *                    has just started, or a gated run with only step 1)
 * @param displayName label for lists and legends, normally the header title
 * @param detail      the per-token records, in memory or read when first needed
 */
public record LoadedRun(RunSummary summary, RunAnalysis analysis, String displayName, RunDetail detail) {

    public LoadedRun {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(detail, "detail");
        displayName = displayName == null || displayName.isBlank() ? defaultName(summary) : displayName;
    }

    /** A run read whole (a live run, a test): its summary is made from it. */
    public LoadedRun(RunFile file, RunAnalysis analysis, String displayName) {
        this(analysis != null && analysis.run() == file ? analysis.summary() : RunSummary.of(file), analysis,
                displayName, RunDetail.of(file));
    }

    /** Where the run was read from. */
    public Path path() { return summary.path(); }

    /** The header line. */
    public RunHeader header() { return summary.header(); }

    /**
     * The run with its per-token records, reading the file first when only the summary was loaded.
     * Blocking when {@link #fileLoaded()} is false: background threads only (or tests).
     *
     * @throws UncheckedIOException when the file can no longer be read
     */
    public RunFile file() {
        try {
            return detail.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the per-token records are in memory ({@link #file()} does not block). */
    public boolean fileLoaded() { return detail.loadedOrNull() != null; }

    /** The same run carrying another analysis of it (e.g. at the session's k and priors). */
    public LoadedRun withAnalysis(RunAnalysis other) {
        return new LoadedRun(summary, other, displayName, detail);
    }

    /** The same run under another name (null or blank: the default name). */
    public LoadedRun withDisplayName(String name) {
        return new LoadedRun(summary, analysis, name, detail);
    }

    /** True when an analysis could be made. */
    public boolean hasAnalysis() { return analysis != null; }

    /** The display name without a trailing parenthetical such as "(simulated, seed 101)", for crowded legends. */
    public String shortName() {
        String n = displayName.strip();
        int open = n.lastIndexOf(" (");
        return open > 0 && n.endsWith(")") ? n.substring(0, open) : n;
    }

    /** The header's title, else the file name. */
    public static String defaultName(RunFile file) {
        return defaultName(file.header(), file.path());
    }

    /** The header's title, else the file name. */
    public static String defaultName(RunSummary summary) {
        return defaultName(summary.header(), summary.path());
    }

    private static String defaultName(RunHeader header, Path path) {
        String title = header == null ? null : header.title();
        if (title != null && !title.isBlank()) {
            return title;
        }
        return path == null ? "run" : String.valueOf(path.getFileName());
    }

    @Override
    public String toString() { return displayName; }
}
