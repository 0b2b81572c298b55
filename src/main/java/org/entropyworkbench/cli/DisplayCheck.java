package org.entropyworkbench.cli;

import java.util.Locale;
import java.util.Map;

/**
 * Whether the window can open here, and what to say when it cannot: on Linux the window needs an X11
 * or Wayland display; macOS and Windows always have their own. Pure functions; any thread.
 */
final class DisplayCheck {

    /** The commands that need no display, for the message. */
    static final String HEADLESS_COMMANDS = "run, analyze, calibrate, simulate, import-openai and bench";

    private DisplayCheck() {
    }

    /** True when a window can be shown with this environment on this system. */
    static boolean available(Map<String, String> environment) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return notBlank(environment.get("DISPLAY")) || notBlank(environment.get("WAYLAND_DISPLAY"));
    }

    /**
     * One line for a window command without a display: why, how to get a virtual one, and which
     * commands work without one.
     *
     * @param command how the user started it, e.g. "./ew" or "./ew screenshots docs/screenshots"
     * @param reason  what was found, e.g. "DISPLAY is not set"
     */
    static String noDisplayMessage(String command, String reason) {
        return "the window needs a display and " + reason + ": run it under a virtual one with 'xvfb-run -a "
                + command + "' (Debian/Ubuntu: apt-get install xvfb), or use a command that needs none: "
                + HEADLESS_COMMANDS + " (./ew --help)";
    }

    /** True for the error JavaFX raises when DISPLAY is set but cannot be opened. */
    static boolean isNoDisplayError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null
                    && t.getMessage().contains("DISPLAY")) {
                return true;
            }
        }
        return false;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
