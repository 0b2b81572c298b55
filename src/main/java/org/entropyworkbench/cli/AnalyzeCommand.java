package org.entropyworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.RunSummary;
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AnalysisOptions options = analysisOptions.options();
        // Jackson's ObjectMapper only with --json: building it costs a tenth of a second of a cold start
        ArrayNode jsonRuns = json ? AnalysisJson.JSON.createArrayNode() : null;
        for (Path path : runs) {
            RunSummary run = RunLoading.summary(path, cacheOption.cache(), err);
            RunAnalysis analysis = RunAnalysis.of(run, options);
            if (json) {
                jsonRuns.add(AnalysisJson.of(analysis, path.toString()));
            } else {
                ResultsTable.print(analysis, path.toString(), out);
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
