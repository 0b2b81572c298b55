package org.entropyworkbench.ui.app;

import javafx.application.Application;
import org.entropyworkbench.logging.LogSetup;
import org.slf4j.LoggerFactory;

/**
 * Plain entry point for the window. JavaFX refuses to start an {@code Application} subclass as
 * the main class from the classpath, so this class (which is not one) launches it.
 */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        LogSetup.forWindow();
        startLoggingInBackground();
        Application.launch(WorkbenchApp.class, args);
    }

    /**
     * Sets logging up (logback reads and applies its configuration, about a tenth of a second of a cold start)
     * on its own thread while the toolkit starts, instead of on the FX thread when the application class
     * first asks for a logger (issue 12, window start: that was on the way to the first frame). A logger asked
     * for meanwhile is SLF4J's stand-in, connected to logback (with anything it logged) once the set-up is
     * done, so nothing is lost. Main thread.
     */
    private static void startLoggingInBackground() {
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "ewb-logging-setup");
        logging.setDaemon(true);
        logging.start();
    }
}
