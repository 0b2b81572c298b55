package org.entropyworkbench.ui.app;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.entropyworkbench.ui.task.TaskExecutor;

/**
 * What the window's status bar says, from three sources in order of precedence: background work
 * of the task executor, a run or replay in progress, and otherwise the last message (a file
 * opened, how a run ended, "Ready"). A run or replay is not executor work, so without this the
 * bar would say "Ready" while tokens stream. FX thread only.
 */
public final class StatusLine {

    /** Shown when nothing is running and nothing was reported yet. */
    public static final String READY = "Ready";

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(READY);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private TaskExecutor.TaskProgress tasks = new TaskExecutor.TaskProgress(0, "", Double.NaN, "");
    private RunState run;
    private String message = READY;

    /** A run or replay in progress: what it is, its counts and time left, 0..1 done, paused or not. */
    public record RunState(String activity, String counts, double fraction, boolean paused) {
    }

    /** The bar's text. */
    public ReadOnlyStringProperty text() { return text.getReadOnlyProperty(); }

    /** The bar's progress: 0..1, -1 for unknown, 0 when idle. */
    public ReadOnlyDoubleProperty progress() { return progress.getReadOnlyProperty(); }

    /** The executor's running work changed. */
    public void tasks(TaskExecutor.TaskProgress p) {
        tasks = p;
        update();
    }

    /** A run or replay is in progress (call on every change of its counts), or null when none is. */
    public void run(RunState state) {
        run = state;
        update();
    }

    /** Shown whenever nothing runs, until the next message. */
    public void message(String m) {
        message = m == null || m.isBlank() ? READY : m;
        update();
    }

    private void update() {
        String runText = run == null ? null : describe(run);
        if (tasks.running() > 0) {
            String more = tasks.running() > 1 ? " (+" + (tasks.running() - 1) + " more)" : "";
            String detail = tasks.message() == null || tasks.message().isBlank() ? "" : ": " + tasks.message();
            text.set(tasks.title() + more + detail + (runText == null ? "" : "  ·  " + runText));
            progress.set(tasks.fraction() < 0 || Double.isNaN(tasks.fraction()) ? -1 : tasks.fraction());
        } else if (run != null) {
            text.set(runText);
            progress.set(Double.isNaN(run.fraction()) ? -1 : Math.max(0, Math.min(1, run.fraction())));
        } else {
            text.set(message);
            progress.set(0);
        }
    }

    private static String describe(RunState r) {
        String counts = r.counts() == null || r.counts().isBlank() ? "" : ": " + r.counts();
        return (r.paused() ? "Paused · " : "") + r.activity() + counts;
    }
}
