package org.entropyworkbench.cli;

import org.entropyworkbench.logging.LogSetup;

import java.io.PrintWriter;
import org.entropyworkbench.core.run.WorkbenchVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ew} command line: analysis, calibration, simulation and import without the window,
 * plus {@code ui} to open it and {@code screenshots} to capture it. Runs on the calling thread;
 * exit codes: 0 success, 1 bad input or a failed operation (one-line message, no stack trace),
 * 2 wrong usage.
 *
 * <p>Subcommands are listed in the annotation below; add a new one there.
 */
@Command(name = "ew",
        mixinStandardHelpOptions = true,
        versionProvider = EntropyWorkbenchCli.Version.class,
        description = {"Entropy Workbench: mean per-token entropy of a reasoning model's first step as a"
                + " confidence signal (\"Think Just Enough\").", "", "Without a command, opens the window (same as 'ew ui')."},
        subcommands = {
                RunCommand.class,
                AnalyzeCommand.class,
                CalibrateCommand.class,
                SimulateCommand.class,
                ImportOpenAiCommand.class,
                UiCommand.class,
                ScreenshotsCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class EntropyWorkbenchCli {

    /** Exit code of a failed operation (missing file, corrupt run, ...). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        LogSetup.forCli();
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given streams; returns the exit code. Used by tests in-process. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        String[] effective = args.length == 0 ? new String[] {"ui"} : args;
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(effective);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured picocli command tree (error handlers included). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EntropyWorkbenchCli());
        cl.setExecutionExceptionHandler(new CliErrors.ExecutionHandler());
        cl.setParameterExceptionHandler(new CliErrors.UsageHandler());
        return cl;
    }

    /** Reports the workbench version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Entropy Workbench " + WorkbenchVersion.current()};
        }
    }
}
