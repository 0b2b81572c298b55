package org.entropyworkbench.ui.workspace;

import java.nio.file.Path;
import java.util.Objects;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.RunFile;

/**
 * A run file opened in the workbench with its analysis, normally at the default settings
 * ({@link #withAnalysis} gives the same run at other settings, for Compare).
 *
 * @param file        the run as read (header, steps, problems)
 * @param analysis    its analysis, or null when the run has no complete question (e.g. a run that
 *                    has just started, or a gated run with only step 1)
 * @param displayName label for lists and legends, normally the header title
 */
public record LoadedRun(RunFile file, RunAnalysis analysis, String displayName) {

    public LoadedRun {
        Objects.requireNonNull(file, "file");
        displayName = displayName == null || displayName.isBlank() ? defaultName(file) : displayName;
    }

    /** Where the run was read from. */
    public Path path() { return file.path(); }

    /** The same run carrying another analysis of it (e.g. at the session's k and priors). */
    public LoadedRun withAnalysis(RunAnalysis other) {
        return new LoadedRun(file, other, displayName);
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
        String title = file.header() == null ? null : file.header().title();
        if (title != null && !title.isBlank()) {
            return title;
        }
        return file.path() == null ? "run" : String.valueOf(file.path().getFileName());
    }

    @Override
    public String toString() { return displayName; }
}
