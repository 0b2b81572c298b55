package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.analysis.AnalysisDefaults;

/**
 * The common {@code ew analyze} lines read without picocli (issue 12: a cached {@code analyze} <= 0.5x the
 * Python script). Building picocli's model of the analyze command (reflection, annotation proxies spun at run
 * time, about 150 classes) was the largest part of a cached analyze; the work itself is a few milliseconds.
 *
 * <p>Only a plain subset is read here: run files, {@code --json}, {@code --no-cache}, and {@code --k},
 * {@code --priors}, {@code --signal} with their value as the next argument or after {@code =}, each at most once.
 * Anything else (help, {@code --signals}, bootstrap options, an unknown or repeated option, an argument that
 * starts with {@code -} or {@code @}, a value that is not plain, any {@code picocli.*} system property) is left
 * to picocli, which reads it as before. What runs is {@link AnalyzeCommand#run}, the code picocli calls, with the
 * same defaults, and a failure is reported in the words of picocli's handler ({@link CliErrors.ExecutionHandler}),
 * so the output, the messages and the exit code are the same either way ({@code AnalyzeLineTest}). Main thread.
 */
final class AnalyzeLine {

    /** A line read: what picocli would have set on {@link AnalyzeCommand}. */
    record Parsed(List<Path> runs, int k, String priors, String signal, boolean noCache, boolean json) {
    }

    private AnalyzeLine() {
    }

    /**
     * Runs {@code args} when it is an analyze line this class reads, returning the exit code; null when picocli
     * must read it.
     */
    static Integer execute(PrintWriter out, PrintWriter err, String[] args) {
        Parsed line = parse(args);
        if (line == null) {
            return null;
        }
        try {
            return AnalyzeCommand.run(line.runs(), AnalysisOptionsMixin.options(line.k(), line.priors(), line.signal()),
                    line.noCache(), line.json(), null, 0, 0, out, err);
        } catch (Exception e) {
            err.println("ew analyze: " + CliErrors.describe(e));
            err.flush();
            return EntropyWorkbenchCli.EXIT_FAILURE;
        }
    }

    /** The line's settings, or null when it is not in the subset read here. */
    static Parsed parse(String[] args) {
        if (args.length < 2 || !args[0].equals("analyze") || picocliPropertySet()) {
            return null;
        }
        List<Path> runs = new ArrayList<>();
        Integer k = null;
        String priors = null;
        String signal = null;
        boolean noCache = false;
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--json" -> {
                    if (json || value != null) {
                        return null;
                    }
                    json = true;
                }
                case "--no-cache" -> {
                    if (noCache || value != null) {
                        return null;
                    }
                    noCache = true;
                }
                case "--k", "--priors", "--signal" -> {
                    if (value == null) {
                        if (i + 1 == args.length) {
                            return null;
                        }
                        value = args[++i];
                    }
                    if (!plainValue(value)) {
                        return null;
                    }
                    if (name.equals("--k")) {
                        if (k != null || !smallNumber(value)) {
                            return null;
                        }
                        k = Integer.parseInt(value);
                    } else if (name.equals("--priors")) {
                        if (priors != null) {
                            return null;
                        }
                        priors = value;
                    } else {
                        if (signal != null) {
                            return null;
                        }
                        signal = value;
                    }
                }
                default -> {
                    if (arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@")) {
                        return null;
                    }
                    try {
                        runs.add(Path.of(arg));
                    } catch (InvalidPathException e) {
                        return null;
                    }
                }
            }
        }
        if (runs.isEmpty()) {
            return null;
        }
        return new Parsed(List.copyOf(runs), k == null ? AnalysisDefaults.K : k,
                priors == null ? AnalysisDefaults.PRIORS_ID : priors,
                signal == null ? AnalysisOptionsMixin.DEFAULT_SIGNAL : signal, noCache, json);
    }

    /** A value picocli takes as it is: not empty, not option-like, no argument file, no spaces or quotes to split or strip. */
    private static boolean plainValue(String value) {
        if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '\'' || c == ',' || c == '=') {
                return false;
            }
        }
        return true;
    }

    /** One to three ASCII digits: what picocli's int conversion reads the same way. */
    private static boolean smallNumber(String value) {
        if (value.length() > 3) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** picocli reads system properties that change parsing or tracing ({@code picocli.trace}, ...): leave those lines to it. */
    private static boolean picocliPropertySet() {
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }
}
