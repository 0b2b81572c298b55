package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.run.OpenAiResponseImporter;
import org.entropyworkbench.core.run.RunFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ew import-openai IN -o RUN}: saved OpenAI-format chat completions to a run file. */
@Command(name = "import-openai", mixinStandardHelpOptions = true,
        description = {"Convert a JSONL file of raw OpenAI-format chat completions (non-streaming, with"
                + " choices[0].logprobs.content[]) into a run file.",
                "Each line may carry a \"workbench\" object: {\"q\": id, \"step\": 1, \"expected\": \"204\","
                + " \"answerKind\": \"integer\", \"temperature\": 0.7, \"maxTokens\": 8192}; all fields optional."
                + " With \"expected\" the answer is graded."})
final class ImportOpenAiCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "JSONL file, one chat completion per line.")
    private Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "RUN", description = "Run file to write (never overwritten).")
    private Path output;

    @Option(names = "--title", paramLabel = "TEXT", description = "Run title.")
    private String title;

    @Option(names = "--answer-kind", paramLabel = "KIND",
            description = "integer, multiple-choice or free, for lines that do not say (default: inferred from the expected answers).")
    private String answerKind;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset label for the header.")
    private String dataset;

    @Option(names = "--record-top",
            description = "Also write the raw top-k alternatives of every token (large files), as `run --record-top` does."
                    + " Entropies for every k and tail mass are written either way.")
    private boolean recordTop;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AnswerKind kind = answerKind == null ? null : AnswerKind.fromWireName(answerKind);
        OpenAiResponseImporter.Result result = OpenAiResponseImporter.importFile(input, output,
                new OpenAiResponseImporter.Options(title, kind, dataset, recordTop));
        for (RunFile.LineProblem p : result.problems()) {
            err.println("warning: skipped " + p.message());
        }
        err.flush();
        out.println("wrote " + output + ": " + result.steps() + " steps from " + input
                + (result.problems().isEmpty() ? "" : ", " + result.problems().size() + " lines skipped")
                + ", answers graded as " + result.header().answerKind());
        out.flush();
        return 0;
    }
}
