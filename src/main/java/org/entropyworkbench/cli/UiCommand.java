package org.entropyworkbench.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.entropyworkbench.ui.app.WorkbenchLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ew ui}: opens the workbench window (also what {@code ew} with no command does). Blocks the
 * calling thread until the window is closed; JavaFX options after {@code ui} are passed through.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Open the workbench window (the default when no command is given).")
final class UiCommand implements Callable<Integer> {

    @Unmatched
    private String[] javafxArguments = new String[0];

    private final Map<String, String> environment;
    private final Runnable launch;

    UiCommand() {
        this.environment = System.getenv();
        this.launch = null;
    }

    /** With another environment and window launch (tests). */
    UiCommand(Map<String, String> environment, Runnable launch) {
        this.environment = environment;
        this.launch = launch;
    }

    @Override
    public Integer call() {
        if (!DisplayCheck.available(environment)) {
            throw new CliErrors.CliFailure(DisplayCheck.noDisplayMessage("./ew", "none is set (DISPLAY is empty)"));
        }
        try {
            if (launch != null) {
                launch.run();
            } else {
                WorkbenchLauncher.main(javafxArguments);
            }
        } catch (RuntimeException e) {
            if (DisplayCheck.isNoDisplayError(e)) {
                throw new CliErrors.CliFailure(DisplayCheck.noDisplayMessage("./ew",
                        "display '" + environment.get("DISPLAY") + "' cannot be opened"));
            }
            throw e;
        }
        return 0;
    }
}
