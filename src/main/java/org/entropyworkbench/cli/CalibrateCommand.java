package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.entropyworkbench.core.analysis.AnalysisDefaults;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileWriter;
import org.entropyworkbench.core.calibration.ServingProvenance;
import org.entropyworkbench.core.run.WorkbenchVersion;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.FewShotCalibration;
import org.entropyworkbench.core.tradeoff.GradingState;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ew calibrate RUN -o FILE}: thresholds from a run, written as a calibration file for gated runs. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Compute the four thresholds from a run and write them as a calibration file (JSON)"
                + " that a gated run can use.",
                "By default every question with a gradable step 1 calibrates (in-sample); with --few-shot N each"
                + " rule's tau is the mean over D random draws of N questions, and the expected effects are measured"
                + " on the questions not drawn."})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run file (.jsonl or .jsonl.gz).")
    private Path run;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Calibration file to write.")
    private Path output;

    @Option(names = "--method", defaultValue = AnalysisDefaults.RULE_ID, paramLabel = "M",
            description = "Rule a gated run should use: entropy-mean, information-theoretic, bayes-optimal or"
                    + " scale-invariant-universal (default ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--tau", paramLabel = "BITS",
            description = "A hand-set threshold in bits for gated runs instead of a rule (written as chosenMethod"
                    + " \"custom\" with chosenTau); --method is then ignored.")
    private Double tau;

    @Mixin
    private AnalysisOptionsMixin analysisOptions;

    @Mixin
    private CacheOptionMixin cacheOption;

    @ArgGroup(exclusive = false)
    private FewShot fewShot;

    /** The few-shot options belong together. */
    static final class FewShot {
        @Option(names = "--few-shot", required = true, paramLabel = "N", description = "Questions per random draw.")
        int n;

        @Option(names = "--seed", defaultValue = "" + AnalysisDefaults.FEW_SHOT_SEED, paramLabel = "S", description = "Seed of the draws (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--draws", defaultValue = "" + AnalysisDefaults.FEW_SHOT_DRAWS, paramLabel = "D", description = "Number of draws (default ${DEFAULT-VALUE}).")
        int draws;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (tau != null && (!Double.isFinite(tau) || tau < 0)) {
            throw new IllegalArgumentException("--tau must be a non-negative number (bits, or nats for a logprob-based"
                    + " --signal), got " + tau);
        }
        ThresholdMethod chosen = tau == null ? ThresholdMethod.fromId(method) : null;
        AnalysisOptions options = analysisOptions.options();
        RunAnalysis analysis = RunLoading.analysis(run, cacheOption.cache(), options, spec.commandLine().getErr());
        if (analysis.gradingState() == GradingState.UNGRADED) {
            throw new CliErrors.CliFailure("cannot calibrate " + run + ": " + GradingState.NO_GOLD_REASON
                    + " (a serve record or an import without expected answers); nothing was written");
        }
        String grading = analysis.gradingState().note(analysis.runOutcomes().ungradedIds().size());
        if (grading != null) {
            spec.commandLine().getErr().println("calibrate: note: " + grading);
        }
        String version = WorkbenchVersion.current();
        CalibrationFile calibration;
        if (fewShot == null) {
            calibration = CalibrationFile.from(analysis, chosen, version, Instant.now());
        } else {
            FewShotCalibration.Result result = FewShotCalibration.run(analysis.outcomes(), fewShot.n, fewShot.draws,
                    fewShot.seed, options.thresholdOptions());
            calibration = CalibrationFile.fromFewShot(analysis, result, chosen, version, Instant.now());
        }
        if (tau != null) {
            calibration = calibration.withCustomTau(tau);
        }
        calibration = calibration.withProvenance(ServingProvenance.fromRun(analysis.header(), calibration.k()));
        CalibrationFileWriter.write(output, calibration);
        out.println("wrote " + output + " (" + calibration.sample().mode() + ", " + calibration.sample().n()
                + (fewShot == null ? " questions" : " questions per draw, " + fewShot.draws + " draws, seed " + fewShot.seed)
                + ", k = " + calibration.k() + ", signal " + calibration.signal() + ", tau in "
                + options.signal().unit() + ")");
        for (ThresholdMethod m : ThresholdMethod.values()) {
            CalibrationFile.MethodCalibration mc = calibration.methods().get(m);
            out.printf(java.util.Locale.ROOT, "  %-27s tau %s  token savings %s  delta-acc %s%s%n", m.label(), Numbers.fixed(mc.tau(), 4),
                    Numbers.percent(mc.tokenSavings()), Numbers.points(mc.deltaAccuracyPoints()), m == chosen ? "  <- chosen" : "");
        }
        if (tau != null) {
            out.printf(java.util.Locale.ROOT, "  %-27s tau %s  <- chosen%n", "custom", Numbers.fixed(tau, 4));
        }
        out.flush();
        return 0;
    }
}
