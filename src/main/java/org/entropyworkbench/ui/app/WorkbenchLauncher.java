package org.entropyworkbench.ui.app;

import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import org.entropyworkbench.logging.LogSetup;
import org.slf4j.LoggerFactory;

/**
 * Plain entry point for the window. JavaFX refuses to start an {@code Application} subclass as
 * the main class from the classpath, so this class (which is not one) launches it.
 */
public final class WorkbenchLauncher {

    /** The user's recent files, read while the toolkit starts; null when {@link #main} did not run (tests). */
    private static volatile CompletableFuture<RecentFiles> recentFiles;

    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        LogSetup.forWindow();
        prepareInBackground();
        Application.launch(WorkbenchApp.class, args);
    }

    /**
     * Work of the window's start that needs no toolkit, on a thread of its own while the toolkit starts instead
     * of on the FX thread on the way to the first frame (issue 12, window start): logback reads and applies its
     * configuration (a logger asked for meanwhile is SLF4J's stand-in, connected to logback with anything it
     * logged once the set-up is done, so nothing is lost), then the recent-files list is read (Jackson's first
     * ObjectMapper). Main thread.
     */
    static void prepareInBackground() {
        CompletableFuture<RecentFiles> recent = new CompletableFuture<>();
        recentFiles = recent;
        Thread prepare = new Thread(() -> {
            try {
                LoggerFactory.getILoggerFactory();
                recent.complete(RecentFiles.forCurrentUser());
            } catch (RuntimeException | Error e) {
                recent.completeExceptionally(e);
            }
        }, "ewb-start-prepare");
        prepare.setDaemon(true);
        prepare.start();
    }

    /**
     * The user's recent files: as read while the toolkit started (waiting for it if need be; taken once, by the
     * window's start), else read now. FX thread; the list is the FX thread's from here on.
     */
    static RecentFiles recentFiles() {
        CompletableFuture<RecentFiles> recent = recentFiles;
        recentFiles = null;
        if (recent != null) {
            try {
                return recent.join();
            } catch (RuntimeException e) {
                // read it here, where a failure shows as it did before
            }
        }
        return RecentFiles.forCurrentUser();
    }
}
