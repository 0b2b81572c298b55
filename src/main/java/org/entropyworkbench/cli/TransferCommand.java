package org.entropyworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.SignalTransfer;
import org.entropyworkbench.core.run.RunFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ew transfer --calibrate-on A --evaluate-on B}: does a τ calibrated on one run hold on another? */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = {"Calibrate the four rules on run A and apply them to run B (same model on another dataset, or"
                + " another model): tau, token savings and Delta-Acc on B with B's own in-sample tau and with A's tau,"
                + " and a plain verdict for each rule, saying when the gate would lose accuracy on B."})
final class TransferCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--calibrate-on", required = true, paramLabel = "A", description = "Run whose step 1 sets tau.")
    private Path calibrateOn;

    @Option(names = "--evaluate-on", required = true, paramLabel = "B", description = "Run the tau is applied to.")
    private Path evaluateOn;

    @Mixin
    private AnalysisOptionsMixin analysisOptions;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AnalysisOptions options = analysisOptions.options();
        RunFile a = RunLoading.read(calibrateOn, err);
        RunFile b = RunLoading.read(evaluateOn, err);
        SignalTransfer t = SignalTransfer.of(a, b, options);
        if (json) {
            out.println(AnalysisJson.JSON.writeValueAsString(toJson(t)));
        } else {
            print(t, out);
        }
        out.flush();
        return 0;
    }

    private void print(SignalTransfer t, PrintWriter out) {
        out.println("calibrated on: " + calibrateOn + " (" + t.calibratedOn() + ")");
        out.println("evaluated on:  " + evaluateOn + " (" + t.evaluatedOn() + "), " + t.evaluationComplete()
                + " complete questions");
        out.println("signal " + t.signal().id() + " (" + t.signal().unit() + ", " + t.signal().direction().label() + ")");
        String format = "%-27s %10s %10s %10s %10s %10s %10s%n";
        out.printf(Locale.ROOT, format, "Method", "tau in", "tau from A", "Sav in", "Sav from A", "dAcc in", "dAcc A");
        for (SignalTransfer.Row r : t.rows()) {
            out.printf(Locale.ROOT, format, r.method().label(), Numbers.fixed(r.tauInSample(), 4),
                    Numbers.fixed(r.tauTransferred(), 4), Numbers.percent(r.savingsInSample()),
                    Numbers.percent(r.savingsTransferred()), Numbers.points(r.deltaInSample()),
                    Numbers.points(r.deltaTransferred()));
        }
        out.println("Verdicts:");
        for (SignalTransfer.Row r : t.rows()) {
            out.println("  " + r.method().label() + ": " + r.verdict());
        }
        if (!t.losingRows().isEmpty()) {
            out.println("WARNING: " + t.losingRows().size() + " of 4 rules calibrated on A would lose accuracy on B;"
                    + " calibrate on B's own data before gating it.");
        }
    }

    private ObjectNode toJson(SignalTransfer t) {
        ObjectNode o = AnalysisJson.JSON.createObjectNode();
        o.put("calibrateOn", calibrateOn.toString());
        o.put("evaluateOn", evaluateOn.toString());
        o.put("signal", t.signal().id());
        o.put("unit", t.signal().unit());
        o.put("evaluationCompleteQuestions", t.evaluationComplete());
        ArrayNode rows = o.putArray("rules");
        for (SignalTransfer.Row r : t.rows()) {
            ObjectNode ro = rows.addObject();
            ro.put("method", r.method().id());
            ro.put("tauInSample", Numbers.jsonNumber(r.tauInSample()));
            ro.put("tauTransferred", Numbers.jsonNumber(r.tauTransferred()));
            ro.put("tokenSavingsInSample", Numbers.jsonNumber(r.savingsInSample()));
            ro.put("tokenSavingsTransferred", Numbers.jsonNumber(r.savingsTransferred()));
            ro.put("deltaAccuracyInSample", Numbers.jsonNumber(r.deltaInSample()));
            ro.put("deltaAccuracyTransferred", Numbers.jsonNumber(r.deltaTransferred()));
            ro.put("losesAccuracy", r.losesAccuracy());
            ro.put("verdict", r.verdict());
        }
        return o;
    }
}
