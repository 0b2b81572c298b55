package org.entropyworkbench.ui.app;

import javafx.application.Application;
import org.entropyworkbench.logging.LogSetup;

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
        Application.launch(WorkbenchApp.class, args);
    }
}
