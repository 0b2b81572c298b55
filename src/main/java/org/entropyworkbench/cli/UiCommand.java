package org.entropyworkbench.cli;

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

    @Override
    public Integer call() {
        WorkbenchLauncher.main(javafxArguments);
        return 0;
    }
}
