package org.entropyworkbench.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entropyworkbench.ui.screenshots.ScreenshotTour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ew screenshots [OUTDIR]}: opens the workbench on the sample runs, visits every screen and
 * writes one PNG per screen ({@link ScreenshotTour}). Needs a display; refuses with a clear message
 * when there is none instead of failing inside JavaFX. Blocks the calling thread; the tour exits
 * the JVM when it is done.
 */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = {"Write two screenshots (PNG) per workbench screen, taken on the sample runs:",
                "NAME-1024x700.png (a laptop screen) and NAME-1920x1080.png.",
                "Needs a display; on a machine without one run it under Xvfb:",
                "  xvfb-run -a ./ew screenshots"})
final class ScreenshotsCommand implements Callable<Integer> {

    /** Where the README's screenshots live. */
    static final String DEFAULT_FOLDER = "docs/screenshots";

    /** Runs the tour with its arguments; replaced in tests. */
    interface Tour {
        void run(String[] args) throws Exception;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "OUTDIR", defaultValue = DEFAULT_FOLDER,
            description = "Folder for the PNG files (default ${DEFAULT-VALUE}).")
    private Path outputFolder;

    private final Map<String, String> environment;
    private final Tour tour;

    ScreenshotsCommand() {
        this(System.getenv(), ScreenshotTour::main);
    }

    /** With another environment and tour (tests). */
    ScreenshotsCommand(Map<String, String> environment, Tour tour) {
        this.environment = environment;
        this.tour = tour;
    }

    @Override
    public Integer call() throws Exception {
        if (!DisplayCheck.available(environment)) {
            throw new CliErrors.CliFailure(DisplayCheck.noDisplayMessage("./ew screenshots " + outputFolder,
                    "none is set (DISPLAY is empty)"));
        }
        spec.commandLine().getOut().println("writing one screenshot per screen to " + outputFolder);
        spec.commandLine().getOut().flush();
        tour.run(new String[] {outputFolder.toString()});
        return 0;
    }
}
