package org.entropyworkbench.core.runner;

import org.entropyworkbench.core.run.RunHeader;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Handle on a started run. Every method may be called from any thread (the UI calls them on the FX
 * thread: none of them blocks except {@link #awaitCompletion()}).
 */
public final class RunSession {

    private final RunCoordinator coordinator;
    private final Path output;

    RunSession(RunCoordinator coordinator, Path output) {
        this.coordinator = coordinator;
        this.output = output;
    }

    /** No new call starts until {@link #resume()}; calls in flight finish and are recorded. */
    public void pause() { coordinator.control().pause(); }

    public void resume() { coordinator.control().resume(); }

    public boolean isPaused() { return coordinator.control().isPaused(); }

    /**
     * Stops the run promptly: calls in flight are cancelled and not recorded, every completed step
     * stays in the file, which remains valid and can be resumed.
     */
    public void cancel() { coordinator.control().cancel(); }

    /** Current counts (including steps found on resume). */
    public RunProgress progress() { return coordinator.counters().snapshot(coordinator.control().isCancelled()); }

    public boolean isDone() { return coordinator.result().isDone(); }

    public Path output() { return output; }

    /**
     * The header this session wrote when it created the run file; null when it resumed an existing
     * file (which then holds steps from earlier sessions too). With it, the steps the listener received
     * are the whole file, so a caller need not read the file back.
     */
    public RunHeader createdHeader() { return coordinator.createdHeader(); }

    /** Blocks until the run ended (finished, cancelled or failed) and the file is closed. */
    public RunSummary awaitCompletion() throws InterruptedException {
        try {
            return coordinator.result().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("run coordinator failed", e.getCause());
        }
    }

    /** As {@link #awaitCompletion()} but gives up after {@code timeout}; null when still running. */
    public RunSummary awaitCompletion(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            return coordinator.result().get(timeout, unit);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("run coordinator failed", e.getCause());
        }
    }
}
