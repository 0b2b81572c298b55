package org.entropyworkbench.ui.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the window remembers between sessions (as PDFsam does): the open runs with each one's session
 * settings, the selected run and the window size. Read at start, written when the window closes
 * ({@link WorkspaceStateFile}). Immutable.
 *
 * @param width       window width, NaN when unknown
 * @param height      window height, NaN when unknown
 * @param selectedRun path of the selected run, or null
 * @param runs        open runs in load order
 */
public record WorkspaceState(double width, double height, Path selectedRun, List<RunEntry> runs) {

    /** One open run and its analysis session settings. */
    public record RunEntry(Path path, SessionSettings settings) {
    }

    public WorkspaceState {
        runs = List.copyOf(runs);
    }

    /** Nothing remembered. */
    public static WorkspaceState empty() {
        return new WorkspaceState(Double.NaN, Double.NaN, null, List.of());
    }

    /** The runs whose files still exist. */
    public List<RunEntry> existingRuns() {
        return runs.stream().filter(r -> Files.isRegularFile(r.path())).toList();
    }

    /** One note per remembered run whose file is gone, e.g. "Not reopened: a.jsonl (no longer at /x)". */
    public List<String> missingRunNotes() {
        List<String> notes = new ArrayList<>();
        for (RunEntry r : runs) {
            if (!Files.isRegularFile(r.path())) {
                notes.add("Not reopened: " + r.path().getFileName() + " (no longer at " + r.path().toAbsolutePath().getParent() + ")");
            }
        }
        return notes;
    }
}
