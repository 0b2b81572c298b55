package org.entropyworkbench.logging;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where logs go, set before the first logger is created (logback.xml reads these properties): a
 * rolling file {@code entropy-workbench.log} in the user's state directory, and stderr at WARN (the
 * CLI's default) or not at all. State directory: {@code -Dewb.stateDir}, else
 * {@code $XDG_STATE_HOME/entropy-workbench}, else {@code %LOCALAPPDATA%\entropy-workbench} on Windows,
 * else {@code ~/.local/state/entropy-workbench}. Main thread, once per process.
 */
public final class LogSetup {

    /** System property logback.xml reads for the log folder. */
    public static final String LOG_DIR_PROPERTY = "ewb.logDir";
    /** System property logback.xml reads for the stderr threshold. */
    public static final String STDERR_LEVEL_PROPERTY = "ewb.stderrLevel";

    private LogSetup() {
    }

    /** For the CLI: file log plus warnings on stderr. */
    public static void forCli() {
        configure("WARN");
    }

    /** For the window: file log plus warnings on the terminal it may have been started from. */
    public static void forWindow() {
        configure("WARN");
    }

    private static void configure(String stderrLevel) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, stateDirectory().resolve("logs").toString());
        }
        if (System.getProperty(STDERR_LEVEL_PROPERTY) == null) {
            System.setProperty(STDERR_LEVEL_PROPERTY, stderrLevel);
        }
    }

    /** The user's state directory for the workbench (logs, the remembered workspace). */
    public static Path stateDirectory() {
        String explicit = System.getProperty("ewb.stateDir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "entropy-workbench");
        }
        String local = System.getenv("LOCALAPPDATA");
        if (local != null && !local.isBlank() && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return Path.of(local, "entropy-workbench");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "entropy-workbench");
    }
}
