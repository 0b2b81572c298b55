package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.entropyworkbench.core.cache.SummaryCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ew cache clear|path}: the summary cache that lets runs re-open without re-parsing (issue 12). */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = {"Manage the summary cache: per run file, what the analysis needs, so opening it again does"
                + " not re-parse it. Entries are checked against the file's size, time and content and rebuilt when it changes.",
            "  clear  delete every entry", "  path   print where the cache lives"})
final class CacheCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "clear or path")
    private String action;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SummaryCache cache = SummaryCache.userDefault();
        switch (action) {
            case "clear" -> out.println("removed " + cache.clear() + " cache entries from " + cache.dir());
            case "path" -> out.println(cache.dir());
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown action '" + action + "' (expected clear or path)");
        }
        out.flush();
        return 0;
    }
}
