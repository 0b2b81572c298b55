package org.entropyworkbench.ui.app;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;

/**
 * Start-up timestamps for the window benchmark (issue 12, {@code ew bench --only window}): with
 * {@code -Dewb.startupTrace=print} (or {@code =exit}, which also closes the window afterwards) the
 * window prints one stdout line at its first pulse and one when every sample run is loaded,
 * analysed and a pulse has shown it. The benchmark times the lines' arrival from the launch of
 * {@code ./ew}; each line also says milliseconds since the JVM started, as the OS reports it.
 * Does nothing when the property is not set. FX thread.
 */
public final class StartupTrace {

    static final String PROPERTY = "ewb.startupTrace";
    static final String PREFIX = "ewb-startup: ";

    private StartupTrace() {
    }

    static boolean enabled() {
        return System.getProperty(PROPERTY) != null;
    }

    /**
     * Starts watching: first pulse now, "runs loaded" when the workspace holds {@code expectedRuns}, each
     * analysed, and {@code screenShown} says the screen showing them has been built.
     */
    static void watch(Workspace workspace, BooleanSupplier screenShown, int expectedRuns) {
        if (!enabled()) {
            return;
        }
        boolean exit = "exit".equals(System.getProperty(PROPERTY));
        workspace.runs().addListener((javafx.collections.ListChangeListener<LoadedRun>) change ->
                print("run-added " + workspace.runs().size()));
        new AnimationTimer() {
            private boolean firstPulse = true;
            private boolean loadedSeen;
            private boolean screenSeen;

            @Override
            public void handle(long now) {
                if (firstPulse) {
                    firstPulse = false;
                    print("first-pulse");
                }
                if (!screenSeen && screenShown.getAsBoolean()) {
                    screenSeen = true;
                    print("screen-built");
                }
                if (loadedSeen) {
                    stop();
                    print("runs-loaded " + workspace.runs().size());
                    if (exit) {
                        Platform.exit();
                    }
                    return;
                }
                loadedSeen = screenSeen && workspace.runs().size() >= expectedRuns
                        && workspace.runs().stream().allMatch(LoadedRun::hasAnalysis);
            }
        }.start();
    }

    /**
     * Prints one intermediate timestamp ({@code main}, {@code stage-shown}, ...) when tracing is on, so a
     * slow start can be taken apart; the benchmark reads only the first-pulse and runs-loaded lines. Any thread.
     */
    public static void mark(String event) {
        if (enabled()) {
            print(event);
        }
    }

    private static void print(String event) {
        long sinceJvm = ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        System.out.println(PREFIX + event + " (" + sinceJvm + " ms after the JVM started, " + cpu + " ms CPU)");
        System.out.flush();
    }
}
