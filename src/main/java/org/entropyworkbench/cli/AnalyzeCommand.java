package org.entropyworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.analysis.SignalComparison;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.signal.SignalBootstrap;
import org.entropyworkbench.core.signal.SignalReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ew analyze RUN...}: the results table and top-k ablation of each run, as text or JSON. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Print a results table like the paper's Table 1 for each run: tau per threshold rule, Step-1 Acc,"
                + " S-Step Acc, Thresh Acc, gated accuracy, token and call savings, Delta-Acc, Cohen's d and p;"
                + " then the top-k ablation (k = 5, 10, 15, 20).",
                "Thresholds are computed in-sample from every question with a gradable step 1."})
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run files (.jsonl or .jsonl.gz).")
    private List<Path> runs;

    @Mixin
    private AnalysisOptionsMixin analysisOptions;

    @Mixin
    private CacheOptionMixin cacheOption;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    private boolean json;

    @Option(names = "--signals", paramLabel = "LIST",
            description = "Also rank confidence signals by AUROC, with intervals: 'all' or ids separated by commas"
                    + " (docs/signals.md).")
    private String signals;

    @Option(names = "--bootstrap", defaultValue = "" + SignalBootstrap.DEFAULT_RESAMPLES, paramLabel = "B",
            description = "Bootstrap resamples for the --signals intervals; 0 for point figures only"
                    + " (default ${DEFAULT-VALUE}).")
    private int bootstrap;

    @Option(names = "--bootstrap-seed", defaultValue = "" + SignalBootstrap.DEFAULT_SEED, paramLabel = "SEED",
            description = "Seed of the bootstrap and permutation test (default ${DEFAULT-VALUE}).")
    private long bootstrapSeed;

    @Override
    public Integer call() throws Exception {
        return run(runs, analysisOptions.options(), cacheOption.off(), json, signals, bootstrap, bootstrapSeed,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * What {@code analyze} does once its command line is read, by picocli ({@link #call}) or by {@link AnalyzeLine};
     * returns the exit code. Throws what the command reports as a failure.
     */
    static int run(List<Path> runs, AnalysisOptions options, boolean noCache, boolean json, String signals, int bootstrap,
            long bootstrapSeed, PrintWriter out, PrintWriter err) throws Exception {
        if (bootstrap < 0) {
            throw new IllegalArgumentException("--bootstrap must be 0 or more, got " + bootstrap);
        }
        // Jackson's ObjectMapper only with --json: building it costs a tenth of a second of a cold start
        ArrayNode jsonRuns = json ? AnalysisJson.JSON.createArrayNode() : null;
        for (Path path : runs) {
            RunAnalysis analysis;
            List<SignalReport> ranked = null;
            if (signals == null) {
                analysis = RunLoading.analysis(path, CacheOptionMixin.cache(noCache), options, err);
            } else {
                // the signal ranking (availability reasons, bootstrap) reads the step records: parse the file
                RunFile run = RunLoading.read(path, err);
                analysis = RunAnalysis.of(run, options);
                ranked = SignalComparison.of(run, options, SignalsOutput.parse(signals), bootstrap, bootstrapSeed,
                        SignalComparison.DEFAULT_PERMUTATIONS);
            }
            if (json) {
                ObjectNode one = AnalysisJson.of(analysis, path.toString());
                if (ranked != null) {
                    one.set("signals", SignalsOutput.json(ranked, bootstrap, bootstrapSeed));
                }
                jsonRuns.add(one);
            } else {
                ResultsTable.print(analysis, path.toString(), out);
                if (ranked != null) {
                    SignalsOutput.print(ranked, bootstrap, bootstrapSeed, out);
                }
            }
        }
        if (json) {
            ObjectNode root = AnalysisJson.JSON.createObjectNode();
            root.set("runs", jsonRuns);
            out.println(AnalysisJson.JSON.writeValueAsString(root));
        }
        out.flush();
        return 0;
    }
}
