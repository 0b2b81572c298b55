package org.entropyworkbench.cli;

import org.entropyworkbench.core.run.WorkbenchVersion;

/**
 * The {@code ew} launcher's main class (issue 12: {@code ew --version} and {@code ew analyze --help}
 * <= 0.15 s). Answers {@code --version} and the help texts stored for this build ({@link CachedHelp})
 * itself and hands every other command line to {@link EntropyWorkbenchCli}.
 *
 * <p>Why a class of its own: the java launcher checks the main class by looking up {@code main} with
 * reflection, which resolves the types in every method signature of that class; {@code EntropyWorkbenchCli}'s
 * signatures name picocli's {@code CommandLine}, so making it the main class loaded picocli for a line
 * that needs none of it. This class's signatures use JDK types only. Main thread.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the version needs no command parser: skip building picocli's model
            System.out.println(EntropyWorkbenchCli.Version.TEXT_PREFIX + WorkbenchVersion.current());
            System.exit(0);
        }
        String help = CachedHelp.forArgs(args);
        if (help != null) {
            // rendered by picocli for this very jar after the build
            System.out.print(help);
            System.out.flush();
            System.exit(0);
        }
        EntropyWorkbenchCli.run(args);
    }
}
