package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.entropyworkbench.bench.BenchContext;
import org.entropyworkbench.bench.BenchReport;
import org.entropyworkbench.bench.BenchRunner;
import org.entropyworkbench.bench.PythonReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ew bench}: runs the performance and robustness benchmarks of issue 4 and prints a
 * Markdown report (docs/performance.md explains each figure). Generated inputs go to
 * {@code target/bench-data} and are reused. Exit code 0 when every target was met, 1 otherwise.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the benchmarks and prints a Markdown report with each figure, its same-run baseline and the ratio.",
            "Sections: ingest, large, analysis, streaming, ui, soak, fuzz (ui needs a display: use xvfb-run)."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "Smaller sizes and fewer iterations (about two minutes).")
    private boolean quick;

    @Option(names = "--only", paramLabel = "LIST", description = "Comma-separated sections to run, e.g. ingest,analysis.")
    private String only;

    @Option(names = "--data", paramLabel = "DIR", description = "Where generated inputs are kept (default: ${DEFAULT-VALUE}).",
            defaultValue = "target/bench-data")
    private Path data;

    @Override
    public Integer call() {
        Set<String> sections;
        try {
            sections = BenchRunner.parseOnly(only);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        BenchContext context = new BenchContext(quick, data.toAbsolutePath(), log, PythonReference.detectPython());
        String command = "./ew bench" + (quick ? " --quick" : "") + (only == null ? "" : " --only " + only);
        BenchReport report = BenchRunner.run(context, sections, command, out);
        return report.missed().isEmpty() ? 0 : EntropyWorkbenchCli.EXIT_FAILURE;
    }
}
