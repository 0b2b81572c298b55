package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.calibration.ServingProvenance;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileReader;
import org.entropyworkbench.core.calibration.CalibrationMismatch;
import org.entropyworkbench.core.calibration.ChosenThreshold;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.DatasetLoader;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.protocol.PromptSet;
import org.entropyworkbench.core.protocol.PromptSetFile;
import org.entropyworkbench.core.protocol.ProtocolPrompts;
import org.entropyworkbench.core.protocol.QuestionPreparer;
import org.entropyworkbench.core.provider.ApiKey;
import org.entropyworkbench.core.provider.ApiKeySource;
import org.entropyworkbench.core.provider.ChatProviders;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.runner.Endpoint;
import org.entropyworkbench.core.runner.GateSettings;
import org.entropyworkbench.core.runner.ReplayRuns;
import org.entropyworkbench.core.runner.RetryPolicy;
import org.entropyworkbench.core.runner.RunConfig;
import org.entropyworkbench.core.runner.RunEngine;
import org.entropyworkbench.core.runner.RunMode;
import org.entropyworkbench.core.runner.RunSession;
import org.entropyworkbench.core.runner.RunStatus;
import org.entropyworkbench.core.runner.RunSummary;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ew run}: runs the step protocol against one or more model servers (or replays a recorded
 * run), writing every completed question-step to the run file as it happens. An existing output
 * file is resumed. Progress goes to stderr, the summary to stdout. Ctrl-C cancels cleanly:
 * completed steps are in the file and the same command resumes it. Runs on the calling thread
 * and blocks until the run ends.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the 4-step protocol on a dataset with top-k logprobs and record every step."
                + " Resumes OUT when it exists (same model, dataset and mode).",
                "",
                "API keys come from the environment (--key-env VAR or the preset's default variable) or"
                        + " ~/.config/entropy-workbench/keys.properties; they are never written anywhere.",
                "",
                "Before the first question each endpoint gets one short capability probe (verdict on stderr);"
                        + " the run stops, writing nothing, when an endpoint is unreachable, sends no logprobs or"
                        + " accepts fewer than --k alternatives (--k-auto lowers k instead, --no-probe skips the"
                        + " probe). When the server tells its parallel slot count (llama.cpp), the run uses it as"
                        + " the concurrency unless --concurrency is given.",
                "",
                "A step the server refuses as too long for its context is recorded as failed and its question"
                        + " stops there; resuming skips it unless --retry-failed is given.",
                "",
                "Examples:",
                "  ew run --dataset builtin:mini --preset vllm --model openai/gpt-oss-20b \\",
                "         -o run.jsonl",
                "  ew run --dataset aime25.jsonl --preset openrouter \\",
                "         --model openai/gpt-oss-120b --mode gated --calibration cal.json \\",
                "         -o gated.jsonl",
                "  ew run --preset replay --replay sample.jsonl --speed 400 -o replay.jsonl",
                "  ew run --preset replay --replay sample.jsonl --mode gated --tau 0.9 \\",
                "         -o gated-replay.jsonl",
                "  ew run --dataset builtin:mini --preset replay --replay mini-sim.jsonl \\",
                "         -o mini-run.jsonl",
                "",
                "A replay repeats the recorded verdicts; with --dataset it grades the recorded answers against"
                        + " that dataset's expected answers instead (questions matched by id).",
                ""})
public final class RunCommand implements Callable<Integer> {

    /** Exit code when the run was cancelled (Ctrl-C). */
    static final int EXIT_CANCELLED = 130;

    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE|builtin:NAME",
            description = "Dataset file (JSONL, JSON, CSV) or a built-in one: builtin:mini or builtin:mc. With the"
                    + " replay preset: grade the replayed answers against this dataset.")
    private String dataset;

    @Mixin
    private FieldMappingMixin fields;

    @Option(names = "--preset", defaultValue = "vllm", paramLabel = "P",
            description = "vllm, llamacpp, ollama, ollama-native, openai, openrouter, together, custom or replay"
                    + " (default ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--base-url", paramLabel = "URL", description = "Server base URL (default: the preset's).")
    private String baseUrl;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Base URL of one replica; repeat for several (questions are spread over them).")
    private List<String> endpoints = new ArrayList<>();

    @Option(names = "--model", paramLabel = "NAME", description = "Model name as the server knows it.")
    private String model;

    @Option(names = "--key-env", paramLabel = "VAR",
            description = "Environment variable (or keys-file entry) holding the API key (default: the preset's).")
    private String keyEnv;

    @Option(names = "--mode", paramLabel = "M",
            description = "full, gated or budgeted (default full; a replay repeats the recorded run's plan unless"
                    + " --mode gated is given).")
    private String mode;

    @Option(names = "--calibration", paramLabel = "FILE", description = "Calibration file with tau (gated, budgeted).")
    private Path calibration;

    @Option(names = "--method", paramLabel = "M",
            description = "Threshold rule: entropy-mean, information-theoretic, bayes-optimal or"
                    + " scale-invariant-universal (default: the calibration's chosen one).")
    private String method;

    @Option(names = "--tau", paramLabel = "BITS", description = "Threshold in bits instead of a calibration file.")
    private Double tau;

    @Option(names = "--steps", defaultValue = "4", paramLabel = "S", description = "Steps per question (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--k", defaultValue = "20", paramLabel = "K", description = "Top-k logprobs (default ${DEFAULT-VALUE}).")
    private int topK;

    @Option(names = "--k-auto",
            description = "When the capability probe finds an endpoint that accepts fewer top logprobs than --k,"
                    + " lower k to that limit instead of stopping.")
    private boolean kAuto;

    @Option(names = "--allow-mismatch",
            description = "Gated or budgeted live run: warn instead of refusing when model, k or temperature differ"
                    + " from the calibration's.")
    private boolean allowMismatch;

    @Option(names = "--no-probe",
            description = "Skip the capability probe (one short request per endpoint before the first question that"
                    + " checks reachability, logprobs and the top-k limit).")
    private boolean noProbe;

    @Option(names = "--temperature", defaultValue = "0.7", paramLabel = "T", description = "Sampling temperature (default ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--max-tokens", defaultValue = "8192", paramLabel = "N", description = "Max tokens per step (default ${DEFAULT-VALUE}).")
    private int maxTokens;

    @Option(names = "--reasoning-effort", paramLabel = "E", description = "e.g. high (gpt-oss); default none.")
    private String reasoningEffort;

    @Option(names = "--concurrency", defaultValue = "2", paramLabel = "N",
            description = "Questions in flight per endpoint (default ${DEFAULT-VALUE}, or the server's slot count when the"
                    + " probe reads one from llama.cpp).")
    private int concurrency;

    @Option(names = "--rpm", defaultValue = "0", paramLabel = "N",
            description = "Max requests per minute per endpoint, 0 = unlimited (default ${DEFAULT-VALUE}).")
    private int rpm;

    @Option(names = "--prompts", paramLabel = "FILE", description = "Prompt set JSON (default: the protocol's prompts).")
    private Path prompts;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Run seed of the multiple-choice option shuffle; use the same one to resume (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--replay", paramLabel = "RUNFILE", description = "Recorded run to stream again (replay preset).")
    private Path replay;

    @Option(names = "--speed", defaultValue = "0", paramLabel = "TPS",
            description = "Replay speed in tokens per second, 0 = as fast as possible (default ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--max-attempts", defaultValue = "6", paramLabel = "N",
            description = "Attempts per step before the run stops (default ${DEFAULT-VALUE}).")
    private int maxAttempts;

    @Option(names = "--call-timeout", defaultValue = "1800", paramLabel = "SECONDS",
            description = "A call running longer is cancelled and retried, 0 = no limit (default ${DEFAULT-VALUE}).")
    private long callTimeoutSeconds;

    @Option(names = "--retry-failed",
            description = "On resume, run again the steps the file records as failed (refused by the server as too"
                    + " long for its context); by default their questions stay failed and are skipped.")
    private boolean retryFailed;

    @Option(names = "--record-top", description = "Also record the raw top-k alternatives of every token (large files).")
    private boolean recordTop;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title for the run header (default: model / dataset).")
    private String title;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "HOW",
            description = "auto, bar, lines or none (default ${DEFAULT-VALUE}: a bar on a terminal, else lines).")
    private String progressStyle;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "Run file (.jsonl); resumed when it exists.")
    private Path output;

    private final ApiKeySource keys;

    public RunCommand() {
        this(ApiKeySource.standard());
    }

    /** With another key source (tests). */
    RunCommand(ApiKeySource keys) {
        this.keys = keys;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TerminalProgress progress = new TerminalProgress(err, progressMode());
        RunConfig config = isReplay() ? replayConfig(progress) : serverConfig(progress);
        RunSession session = RunEngine.start(config, progress);
        CountDownLatch summaryPrinted = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> cancelOnExit(session, summaryPrinted, err), "ew-run-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        RunSummary summary;
        try {
            summary = session.awaitCompletion();
        } finally {
            removeHook(onCtrlC);
        }
        progress.finish();
        RunSummaryPrinter.print(out, summary, config);
        summaryPrinted.countDown();
        if (summary.status() == RunStatus.FAILED) {
            throw new CliErrors.CliFailure(summary.errorMessage() + (java.nio.file.Files.exists(output)
                    ? " (completed steps are saved in " + output + "; run the same command again to resume)"
                    : " (nothing was recorded; no file was written)"));
        }
        return summary.status() == RunStatus.CANCELLED ? EXIT_CANCELLED : 0;
    }

    private boolean isReplay() {
        return replay != null || "replay".equalsIgnoreCase(preset);
    }

    private RunConfig replayConfig(TerminalProgress progress) throws Exception {
        if (replay == null) {
            throw new CliErrors.CliFailure("the replay preset needs --replay RUNFILE");
        }
        RunFile source = RunFileReader.read(replay);
        RunMode runMode = parseMode();
        String recordedMode = source.header().mode() == null ? RunMode.FULL.wireName() : source.header().mode();
        if (runMode == RunMode.BUDGETED) {
            throw new CliErrors.CliFailure("--mode budgeted cannot be replayed: it gives uncertain questions more steps"
                    + " than " + replay.getFileName() + " recorded");
        }
        if (runMode != null && !recordedMode.equals(RunMode.FULL.wireName())) {
            throw new CliErrors.CliFailure("--mode " + mode + " needs a full-mode recording to replay; "
                    + replay.getFileName() + " was recorded in " + recordedMode + " mode (leave --mode out to replay"
                    + " it as recorded)");
        }
        checkThresholdFitsMode(runMode);
        ReplayRuns.Plan plan = dataset == null ? ReplayRuns.plan(source, speed, concurrency, output)
                : ReplayRuns.planWithDataset(source, datasetGrading(progress), speed, concurrency, output);
        if (dataset == null && plan.questionsLeftOut() > 0) {
            spec.commandLine().getErr().println(plan.questionsLeftOut()
                    + " questions left out of the replay: not every step is recorded");
        }
        plan.warnings().forEach(progress::onWarning);
        RunConfig.Builder config = plan.config().retryPolicy(retryPolicy());
        if (runMode == RunMode.GATED) {
            config.mode(RunMode.GATED).gate(gate(progress, source.header().model(), source.header().topK(), source.header().dataset())).fixedSteps(Map.of());
        }
        return config.build();
    }

    /**
     * The dataset a replay is graded against (--dataset with the replay preset): its questions
     * prepared with --seed exactly as a live run would, and the prompts a live run would record.
     */
    private ReplayRuns.DatasetGrading datasetGrading(TerminalProgress progress) throws Exception {
        Dataset data = loadDataset();
        data.warnings().forEach(progress::onWarning);
        List<PreparedQuestion> questions = new ArrayList<>();
        for (Problem p : data.problems()) {
            questions.add(QuestionPreparer.prepare(p, seed));
        }
        PromptSet promptSet = prompts != null ? PromptSetFile.load(prompts) : ProtocolPrompts.defaults(data.kind());
        return new ReplayRuns.DatasetGrading(data.name(), data.source() == null ? null : data.source().toString(),
                data.kind(), questions, promptSet);
    }

    /** --calibration and --tau only mean something to a gated or budgeted run; refuse them elsewhere. */
    private void checkThresholdFitsMode(RunMode runMode) {
        boolean thresholdGiven = calibration != null || tau != null;
        if (thresholdGiven && (runMode == null || runMode == RunMode.FULL)) {
            throw new CliErrors.CliFailure((calibration != null ? "--calibration" : "--tau")
                    + " applies to --mode gated or budgeted; add --mode gated to stop confident questions after step 1");
        }
    }

    private RunConfig serverConfig(TerminalProgress progress) throws Exception {
        if (dataset == null) {
            throw new CliErrors.CliFailure("--dataset is required (a file, or builtin:NAME with NAME one of "
                    + String.join(", ", BuiltInDatasets.list()) + ")");
        }
        if (model == null || model.isBlank()) {
            throw new CliErrors.CliFailure("--model is required (the model name as the server knows it)");
        }
        ServerPreset server = parsePreset(preset);
        RunMode runMode = parseMode();
        checkThresholdFitsMode(runMode);
        if (runMode == null) {
            runMode = RunMode.FULL;
        }
        Dataset data = loadDataset();
        data.warnings().forEach(w -> progress.onWarning(w));
        List<PreparedQuestion> questions = new ArrayList<>();
        for (Problem p : data.problems()) {
            questions.add(QuestionPreparer.prepare(p, seed));
        }
        PromptSet promptSet = prompts != null ? PromptSetFile.load(prompts) : ProtocolPrompts.defaults(data.kind());
        Optional<ApiKey> key = findKey(server);
        List<EndpointSettings> endpointSettings = new ArrayList<>();
        List<String> urls = endpoints.isEmpty() ? java.util.Collections.singletonList(baseUrl) : endpoints;
        for (String url : urls) {
            endpointSettings.add(new EndpointSettings(server, url, model, key.orElse(null), topK, temperature,
                    maxTokens, reasoningEffort, concurrency, 0, null, null));
        }
        GateSettings gateSettings = runMode == RunMode.FULL ? null : gate(progress, model, topK, data.name());
        EndpointProbes probes = new EndpointProbes(spec.commandLine().getErr());
        if (gateSettings != null && calibration != null) {
            refuseMismatch(progress, model);
        }
        if (!noProbe) {
            topK = probes.check(endpointSettings, topK, kAuto);
        }
        boolean concurrencyGiven = spec.commandLine().getParseResult().hasMatchedOption("--concurrency");
        List<Endpoint> replicas = new ArrayList<>();
        for (int i = 0; i < endpointSettings.size(); i++) {
            EndpointSettings used = endpointSettings.get(i).withTopK(topK);
            int parallel = probes.concurrency(i, used, concurrency, concurrencyGiven);
            replicas.add(new Endpoint(ChatProviders.create(used), parallel, rpm, server.id() + " " + used.baseUrl()));
        }
        return RunConfig.builder()
                .endpoints(replicas)
                .questions(questions)
                .dataset(data.name(), data.source() == null ? null : data.source().toString(), data.kind())
                .prompts(promptSet)
                .mode(runMode)
                .steps(steps)
                .topK(topK)
                .temperature(temperature)
                .maxTokensPerStep(maxTokens)
                .reasoningEffort(reasoningEffort)
                .gate(gateSettings)
                .output(output)
                .retryPolicy(retryPolicy())
                .model(model)
                .serverLabel(String.join(", ", replicas.stream().map(Endpoint::label).toList()))
                .title(title)
                .recordTopLogprobs(recordTop)
                .retryFailed(retryFailed)
                .simulated(false, probes.serverVersion() == null ? java.util.Map.of()
                        : java.util.Map.of(ServingProvenance.SERVER_VERSION_KEY, probes.serverVersion()))
                .build();
    }

    private RetryPolicy retryPolicy() {
        RetryPolicy d = RetryPolicy.defaults();
        return new RetryPolicy(maxAttempts, d.baseBackoffMillis(), d.maxBackoffMillis(), d.honourRetryAfter(),
                d.maxRetryAfterMillis(), TimeUnit.SECONDS.toMillis(callTimeoutSeconds));
    }

    private Dataset loadDataset() throws Exception {
        if (dataset.startsWith("builtin:")) {
            if (fields.given()) {
                throw new CliErrors.CliFailure("field options apply to dataset files, not to " + dataset);
            }
            return BuiltInDatasets.load(dataset.substring("builtin:".length()));
        }
        return DatasetLoader.load(Path.of(dataset), fields.mapping());
    }

    private Optional<ApiKey> findKey(ServerPreset server) {
        try {
            Optional<ApiKey> key = keys.find(server, keyEnv);
            if (key.isEmpty() && keyEnv != null) {
                throw new CliErrors.CliFailure("no API key found in environment variable " + keyEnv
                        + " or in " + keys.keysFile());
            }
            return key;
        } catch (ProviderException e) {
            throw new CliErrors.CliFailure(e.getMessage());
        }
    }

    /** The threshold of a gated or budgeted run; the run's model, top-k and dataset are for mismatch warnings. */
    private GateSettings gate(TerminalProgress progress, String runModel, int runTopK, String runDataset) throws Exception {
        if (calibration == null && tau == null) {
            throw new CliErrors.CliFailure("--mode " + mode + " needs a threshold: --calibration FILE [--method M] or --tau BITS");
        }
        if (calibration == null) {
            ThresholdMethod m = method == null ? ThresholdMethod.ENTROPY_MEAN : ThresholdMethod.fromId(method);
            return new GateSettings(tau, m, topK <= 20 ? 20 : topK, null);
        }
        CalibrationFile cal = CalibrationFileReader.read(calibration);
        ChosenThreshold chosen;
        try {
            chosen = cal.gateThreshold(method == null ? null : ThresholdMethod.fromId(method));
        } catch (IllegalArgumentException e) {
            throw new CliErrors.CliFailure(calibration + ": " + e.getMessage() + " with --method");
        }
        CalibrationMismatch.warnings(cal, calibration.toString(), runModel, runTopK, runDataset).forEach(progress::onWarning);
        try {
            return new GateSettings(chosen.tau(), chosen.rule(), cal.k(), calibration.toString(), cal.gateSignal());
        } catch (IllegalArgumentException e) {
            throw new CliErrors.CliFailure(calibration + ": " + e.getMessage());
        }
    }

    /**
     * A live gated run calls a real model: τ only holds for the calibrated model, k and temperature
     * (docs/serve.md, provenance), so a difference stops the run unless --allow-mismatch.
     */
    private void refuseMismatch(TerminalProgress progress, String runModel) throws Exception {
        java.util.List<String> problems = org.entropyworkbench.core.calibration.ServingProvenance.mismatches(
                CalibrationFileReader.read(calibration), runModel, topK, temperature);
        if (problems.isEmpty()) {
            return;
        }
        if (!allowMismatch) {
            throw new CliErrors.CliFailure(calibration + " does not match this run (" + String.join("; ", problems)
                    + "); recalibrate, or pass --allow-mismatch to run anyway");
        }
        progress.onWarning(String.join("; ", problems) + " (--allow-mismatch)");
    }

    /** The --mode given, or null when it was left out. */
    private RunMode parseMode() {
        if (mode == null) {
            return null;
        }
        try {
            return RunMode.fromWireName(mode);
        } catch (IllegalArgumentException e) {
            throw new CliErrors.CliFailure(e.getMessage());
        }
    }

    static ServerPreset parsePreset(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("llamacpp")) {
            n = "llama-cpp";
        }
        for (ServerPreset p : ServerPreset.values()) {
            if (p.id().equals(n)) {
                return p;
            }
        }
        throw new CliErrors.CliFailure("unknown preset '" + name + "' (expected vllm, llamacpp, ollama, ollama-native,"
                + " openai, openrouter, together, custom or replay)");
    }

    private TerminalProgress.Style progressMode() {
        switch (progressStyle.toLowerCase(Locale.ROOT)) {
            case "bar": return TerminalProgress.Style.BAR;
            case "lines": return TerminalProgress.Style.LINES;
            case "none": return TerminalProgress.Style.NONE;
            case "auto": return System.console() != null ? TerminalProgress.Style.BAR : TerminalProgress.Style.LINES;
            default: throw new CliErrors.CliFailure("--progress must be auto, bar, lines or none, got " + progressStyle);
        }
    }

    /** Ctrl-C (or SIGTERM): cancel, let the file close and the summary print, then let the JVM exit. */
    private void cancelOnExit(RunSession session, CountDownLatch summaryPrinted, PrintWriter err) {
        if (session.isDone()) {
            return;
        }
        session.cancel();
        try {
            session.awaitCompletion(20, TimeUnit.SECONDS);
            summaryPrinted.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println();
        err.println("ew run: cancelled; completed steps are in " + output + " (run the same command again to resume)");
        err.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting (Ctrl-C): the hook is already running and reports the cancel
        }
    }
}
