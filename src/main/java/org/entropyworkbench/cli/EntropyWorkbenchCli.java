package org.entropyworkbench.cli;

import org.entropyworkbench.logging.LogSetup;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.run.WorkbenchVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ew} command line: analysis, calibration, simulation and import without the window,
 * plus {@code ui} to open it and {@code screenshots} to capture it. Runs on the calling thread;
 * exit codes: 0 success, 1 bad input or a failed operation (one-line message, no stack trace),
 * 2 wrong usage.
 *
 * <p>Subcommands are listed in {@code Commands.ALL} below; add a new one there. They are added to the
 * picocli tree lazily (issue 12): a command line naming one subcommand builds only that one, so
 * {@code ew analyze --help} or {@code ew --version} does not reflect over every command's options
 * and load the classes they mention (the window's, HTTP clients). Top-level help and
 * {@code ew help X} still build them all.
 */
@Command(name = "ew",
        mixinStandardHelpOptions = true,
        versionProvider = EntropyWorkbenchCli.Version.class,
        description = {"Entropy Workbench: mean per-token entropy of a reasoning model's first step as a"
                + " confidence signal (\"Think Just Enough\").", "", "Without a command, opens the window (same as 'ew ui')."})
public final class EntropyWorkbenchCli {

    /** Exit code of a failed operation (missing file, corrupt run, ...). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;

    /** The same as {@link Main#main}, which {@code ./ew} starts (its signatures name no picocli type). */
    public static void main(String[] args) {
        Main.main(args);
    }

    /** Runs a command line that {@link Main} did not answer itself; exits the JVM with the command's code. */
    static void run(String[] args) {
        LogSetup.forCli();
        if (args.length == 0 || (args.length == 1 && args[0].equals("ui"))) {
            // the window without options needs no command parser either: picocli's model costs about half a
            // CPU-second before the window can start (issue 12, window start)
            System.exit(openWindow(new UiCommand(), new PrintWriter(System.err, true)));
        }
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * {@code ew} / {@code ew ui} without picocli: runs the command and reports a failure in the words
     * picocli's handler uses ({@link CliErrors.ExecutionHandler}). Returns the exit code.
     */
    static int openWindow(UiCommand command, PrintWriter err) {
        try {
            return command.call();
        } catch (RuntimeException e) {
            err.println("ew ui: " + CliErrors.describe(e));
            err.flush();
            return EXIT_FAILURE;
        }
    }

    /** Runs one command line with the given streams; returns the exit code. Used by tests in-process. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        // the common analyze lines without building picocli's model (issue 12, cached analyze <= 0.5x the script)
        Integer code = AnalyzeLine.execute(out, err, args);
        if (code != null) {
            out.flush();
            err.flush();
            return code;
        }
        return executeWithPicocli(out, err, args);
    }

    /** {@link #execute} with every line read by picocli (tests compare it with {@link AnalyzeLine}). */
    static int executeWithPicocli(PrintWriter out, PrintWriter err, String... args) {
        String[] effective = args.length == 0 ? new String[] {"ui"} : args;
        CommandLine cl = commandLine(effective);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(effective);
        out.flush();
        err.flush();
        return code;
    }

    /** Every subcommand's name, in help order. */
    static java.util.Set<String> subcommandNames() {
        return Commands.ALL.keySet();
    }

    /** The configured picocli command tree with every subcommand (error handlers included). */
    public static CommandLine commandLine() {
        return Commands.tree(Commands.ALL.keySet());
    }

    /**
     * The tree needed to run {@code args}: only the named subcommand when the first argument names
     * one, none for a top-level {@code --version}, all otherwise (top-level help, {@code help X},
     * usage errors that list the commands).
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0 && Commands.ALL.containsKey(args[0]) && !args[0].equals("help")) {
            return Commands.tree(List.of(args[0]));
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return Commands.tree(List.of());
        }
        return commandLine();
    }

    /**
     * The subcommands and the tree building, in their own class so that {@code main}'s version
     * shortcut loads neither picocli nor any command class.
     */
    private static final class Commands {

        /** Every subcommand by name, in help order. */
        static final Map<String, Class<?>> ALL = all();

        private static Map<String, Class<?>> all() {
            Map<String, Class<?>> m = new LinkedHashMap<>();
            m.put("run", RunCommand.class);
            m.put("analyze", AnalyzeCommand.class);
            m.put("calibrate", CalibrateCommand.class);
            m.put("simulate", SimulateCommand.class);
            m.put("import-openai", ImportOpenAiCommand.class);
            m.put("ui", UiCommand.class);
            m.put("screenshots", ScreenshotsCommand.class);
            m.put("bench", BenchCommand.class);
            m.put("transfer", TransferCommand.class);
            m.put("serve", ServeCommand.class);
            m.put("cache", CacheCommand.class);
            m.put("help", CommandLine.HelpCommand.class);
            return Collections.unmodifiableMap(m);
        }

        static CommandLine tree(Collection<String> names) {
            CommandLine cl = new CommandLine(new EntropyWorkbenchCli());
            for (String name : names) {
                cl.addSubcommand(name, ALL.get(name));
            }
            cl.setExecutionExceptionHandler(new CliErrors.ExecutionHandler());
            cl.setParameterExceptionHandler(new CliErrors.UsageHandler());
            return cl;
        }
    }

    /** Reports the workbench version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        static final String TEXT_PREFIX = "Entropy Workbench ";

        @Override
        public String[] getVersion() {
            return new String[] {TEXT_PREFIX + WorkbenchVersion.current()};
        }
    }
}
