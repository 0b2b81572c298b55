package org.entropyworkbench.ui.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationMismatch;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.provider.ApiKeySource;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.provider.CapabilityProbe;
import org.entropyworkbench.core.provider.ProbeReport;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.runner.RunConfig;
import org.entropyworkbench.core.runner.RunEngine;
import org.entropyworkbench.core.runner.ReplayRuns;
import org.entropyworkbench.core.runner.RunMode;
import org.entropyworkbench.core.runner.RunProgress;
import org.entropyworkbench.core.runner.RunSession;
import org.entropyworkbench.core.runner.RunSummary;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.task.TaskExecutor;

/**
 * View-model of the Run screen: starts live runs and replays through the real {@link RunEngine},
 * and turns what the run's worker threads report into observable state. Worker threads only write
 * into a {@link BufferedRunListener}; one {@link UiTicker} (25 Hz) drains it on the FX thread, updates
 * the status table and progress, and hands the token batches to the {@link LiveStreamSink}. When a
 * run ends its file is read and analysed in the background and added to the workspace.
 *
 * <p>FX thread only (tests drive {@link #tick()} by hand with a synchronous executor).
 */
public final class RunViewModel {

    /** Default speed of "Replay recorded run…", tokens per second per stream. */
    public static final double DEFAULT_REPLAY_SPEED = 400;

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final UiTicker ticker;
    private final ApiKeySource keys;
    private final Path replayFolder;
    private final RunFormModel form = new RunFormModel();
    private final ObservableList<QuestionStatusRow> questions = FXCollections.observableArrayList();
    private final Map<String, QuestionStatusRow> rowsById = new HashMap<>();
    private final ObservableList<String> messages = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("No run yet");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper probeResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper modelWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper probeFailed = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty startDespiteProbe = new SimpleBooleanProperty(false);
    /** The last successful probe's server and version; FX thread. */
    private ProbedVersion probedVersion;
    private final DoubleProperty replaySpeed = new SimpleDoubleProperty(DEFAULT_REPLAY_SPEED);
    private final StringBinding gateText;
    private LiveStreamSink sink;
    private BufferedRunListener listener;
    private RunSession session;
    private int runK = 20;
    /** Every step record the current run reported, in the order they arrived (FX thread). */
    private List<StepRecord> received = new ArrayList<>();
    private int stepsAtStart = -1;

    public RunViewModel(Workspace workspace, TaskExecutor executor) {
        this(workspace, executor, UiTicker.timeline(), ApiKeySource.standard(),
                Path.of(System.getProperty("java.io.tmpdir"), "entropy-workbench-replays"));
    }

    RunViewModel(Workspace workspace, TaskExecutor executor, UiTicker ticker, ApiKeySource keys, Path replayFolder) {
        this.workspace = workspace;
        this.executor = executor;
        this.ticker = ticker;
        this.keys = keys;
        this.replayFolder = replayFolder;
        this.gateText = Bindings.createStringBinding(() -> describeGate(workspace.calibration().get()),
                workspace.calibration());
        form.dataset().set(workspace.selectedDataset().get());
        form.preset().addListener((obs, a, b) -> probeFailed.set(false));
        form.baseUrl().addListener((obs, a, b) -> probeFailed.set(false));
        form.model().addListener((obs, a, b) -> probeFailed.set(false));
        probeFailed.addListener((obs, a, b) -> startDespiteProbe.set(false));
        workspace.selectedDataset().addListener((obs, a, b) -> {
            if (b != null && (!running.get() || form.dataset().get() == null)) {
                form.dataset().set(b);
            }
        });
    }

    public RunFormModel form() { return form; }

    public Workspace workspace() { return workspace; }

    /** One row per question of the current run, in dataset order. */
    public ObservableList<QuestionStatusRow> questions() { return questions; }

    /** Warnings and notices of the current run (retries, restarts, integrity flags, the end). */
    public ObservableList<String> messages() { return messages; }

    /** True from Start (or Replay) until the run ended. */
    public ReadOnlyBooleanProperty running() { return running.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty paused() { return paused.getReadOnlyProperty(); }

    /** 0..1 by steps. */
    public ReadOnlyDoubleProperty progress() { return progress.getReadOnlyProperty(); }

    /** Counts, elapsed time and time left. */
    public ReadOnlyStringProperty progressText() { return progressText.getReadOnlyProperty(); }

    /** One line on what is happening or how the run ended. */
    public ReadOnlyStringProperty status() { return status.getReadOnlyProperty(); }

    /**
     * While a run streams (from its launch until it ended): what it is, short (e.g. "Replaying x.jsonl.gz at 400
     * tokens/s per stream"), for the window's status bar; empty otherwise.
     */
    public ReadOnlyStringProperty activity() { return activity.getReadOnlyProperty(); }

    /**
     * True after the probe of the form's server failed (unreachable, or no logprobs); Start is
     * then blocked until the user ticks {@link #startDespiteProbe()} or changes the server.
     */
    public ReadOnlyBooleanProperty probeFailed() { return probeFailed.getReadOnlyProperty(); }

    /** The user's override of a failed probe. */
    public BooleanProperty startDespiteProbe() { return startDespiteProbe; }

    /** True while a failed probe blocks Start. */
    public BooleanBinding startBlocked() { return probeFailed.and(startDespiteProbe.not()); }

    /** Set when the server of the current run answers as another model than the one asked; empty otherwise. */
    public ReadOnlyStringProperty modelWarning() { return modelWarning.getReadOnlyProperty(); }

    /** The capability probe's findings. */
    public ReadOnlyStringProperty probeResult() { return probeResult.getReadOnlyProperty(); }

    public ReadOnlyStringProperty runTitle() { return runTitle.getReadOnlyProperty(); }

    /**
     * The threshold a gated or budgeted run from this screen applies, and where it comes from: the
     * loaded calibration's chosen rule or custom τ (e.g. "custom τ = 0.1230 bits · calibration of
     * model-x on AIME, k = 5"), or why there is none.
     */
    public StringBinding gateText() { return gateText; }

    static String describeGate(CalibrationFile c) {
        if (c == null) {
            return "no calibration loaded: gated and budgeted runs need one (export or import it on the Calibration screen)";
        }
        String from = "calibration of " + c.model() + (c.dataset() == null ? "" : " on " + c.dataset()) + ", k = " + c.k();
        return c.chosen() == null ? "the loaded calibration names no rule or τ (" + from + "): choose one on the Calibration screen"
                : c.chosen().describe() + " · " + from;
    }

    /** Tokens per second per stream for replays; 0 = as fast as possible. */
    public DoubleProperty replaySpeed() { return replaySpeed; }

    /** The live displays; the view sets it once. */
    public void setLiveSink(LiveStreamSink sink) { this.sink = sink; }

    /**
     * Compiles the live plot and text code ahead of the first run ({@link LiveDisplayWarmUp}) on a
     * daemon thread of its own; the view calls it once when it is first shown. Not a TaskExecutor task:
     * nothing on screen changes, so it must not show in (or hold) the status bar's task display.
     */
    public void warmUpLiveDisplays() {
        Thread t = new Thread(LiveDisplayWarmUp::run, "workbench-live-display-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Checks the form's server: logprobs, max k, reasoning coverage, version. Runs in the background. */
    public void probe() {
        RunFormModel.Settings s = form.snapshot();
        probeResult.set("Probing " + s.baseUrl() + " …");
        executor.submit("Probing " + s.baseUrl(), p -> {
            return new CapabilityProbe(RunFormModel.endpointSettings(s, keys)).run(new CancellationToken());
        }, r -> {
            probedVersion = r.reachable() ? new ProbedVersion(s.baseUrl(), s.model(), r.serverVersion()) : null;
            probeResult.set(describe(r));
            probeFailed.set(!r.reachable() || !r.logprobsReturned());
        }, e -> {
            probeResult.set("Probe failed: " + message(e));
            probeFailed.set(true);
        });
    }

    /** Starts a live run with the form's settings (resumes when the output file exists). */
    public void startRun() {
        if (running.get()) {
            return;
        }
        if (startBlocked().get()) {
            status.set("Not started: the probe of this server failed. Fix the server settings and probe again,"
                    + " or tick \"Start anyway\".");
            return;
        }
        RunFormModel.Settings s = form.snapshot();
        CalibrationFile calibration = workspace.calibration().get();
        ProbedVersion known = probedVersion;
        beginPreparing("Preparing the run…");
        executor.submit("Preparing run", p -> {
            RunConfig config = RunFormModel.runConfig(s, keys, calibration, 1L, () -> serverVersion(s, known));
            Path parent = config.output().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return config;
        }, config -> {
            launch(config, "Running " + config.title());
            messages.addAll(gateNotes(config, calibration));
        }, this::preparationFailed);
    }

    /**
     * Streams a recorded run again through the replay provider and the run engine, on this screen.
     * With the form's mode set to gated, a full-mode recording is replayed gated by the loaded
     * calibration's chosen rule or custom τ (as {@code ew run --preset replay --mode gated} does).
     *
     * @param runFile         a run file (.jsonl or .jsonl.gz)
     * @param tokensPerSecond per stream; 0 = as fast as possible
     */
    public void startReplay(Path runFile, double tokensPerSecond) {
        if (running.get()) {
            return;
        }
        int concurrency = Math.max(1, form.concurrency().get());
        RunMode mode = form.mode().get();
        CalibrationFile calibration = workspace.calibration().get();
        beginPreparing("Reading " + runFile.getFileName() + " …");
        executor.submit("Reading " + runFile.getFileName(), p -> {
            RunFile run = RunFileReader.read(runFile);
            Files.createDirectories(replayFolder);
            ReplayRuns.Plan plan = ReplayRuns.plan(run, tokensPerSecond, concurrency, replayFolder.resolve(replayFileName(runFile)));
            RunConfig.Builder config = plan.config();
            if (mode == RunMode.BUDGETED) {
                throw new IllegalArgumentException("Mode budgeted cannot be replayed: it gives uncertain questions more"
                        + " steps than " + runFile.getFileName() + " recorded");
            }
            if (mode == RunMode.GATED) {
                String recorded = run.header().mode() == null ? RunMode.FULL.wireName() : run.header().mode();
                if (!RunMode.FULL.wireName().equals(recorded)) {
                    throw new IllegalArgumentException("Mode gated needs a full-mode recording to replay; "
                            + runFile.getFileName() + " was recorded in " + recorded + " mode");
                }
                config.mode(RunMode.GATED).gate(RunFormModel.gate(calibration, RunMode.GATED)).fixedSteps(Map.of());
            }
            return new PreparedReplay(config.build(), plan.questionsLeftOut());
        }, replay -> {
            launch(replay.config(), "Replaying " + runFile.getFileName() + " at "
                    + (tokensPerSecond > 0 && Double.isFinite(tokensPerSecond)
                    ? String.format(Locale.ROOT, "%.0f tokens/s per stream", tokensPerSecond) : "full speed"));
            if (replay.questionsLeftOut() > 0) {
                messages.add(replay.questionsLeftOut() + " questions left out: not every step is recorded");
            }
            messages.addAll(gateNotes(replay.config(), calibration));
        }, this::preparationFailed);
    }

    /**
     * The server's version for the run header, as {@code ew run} records it: the last probe's when it was of
     * this server, else one short probe now (background thread); null when the server does not tell it or
     * the probe fails (the run then finds out why on its first request).
     */
    private String serverVersion(RunFormModel.Settings s, ProbedVersion known) {
        if (known != null && known.matches(s)) {
            return known.version();
        }
        try {
            ProbeReport r = new CapabilityProbe(RunFormModel.endpointSettings(s, keys)).run(new CancellationToken());
            return r.serverVersion();
        } catch (Exception e) {
            return null;
        }
    }

    /** What the last successful probe read, and of which server (FX thread writes, preparation reads a copy). */
    private record ProbedVersion(String baseUrl, String model, String version) {
        boolean matches(RunFormModel.Settings s) {
            return java.util.Objects.equals(baseUrl, s.baseUrl()) && java.util.Objects.equals(model, s.model());
        }
    }

    private record PreparedReplay(RunConfig config, int questionsLeftOut) {
    }

    /** For a gated or budgeted run: which threshold it applies, and the calibration mismatch warnings. */
    private static List<String> gateNotes(RunConfig config, CalibrationFile calibration) {
        if (config.gate() == null || calibration == null) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        notes.add("Gate: " + describeGate(calibration));
        CalibrationMismatch.warnings(calibration, "The loaded calibration", config.model(), config.topK(),
                config.datasetName()).forEach(w -> notes.add("Warning: " + w));
        return notes;
    }

    /** A fresh file name per replay, so replaying the same run twice never resumes the first replay. */
    private static String replayFileName(Path recorded) {
        String name = recorded.getFileName().toString().replaceFirst("\\.jsonl(\\.gz)?$", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT));
        return name + "-replay-" + stamp + ".jsonl";
    }

    /** No new call starts until {@link #resume()}; streams in flight finish. */
    public void pause() {
        if (session != null && running.get()) {
            session.pause();
            paused.set(true);
            status.set("Paused: streams in flight finish, no new call starts");
        }
    }

    public void resume() {
        if (session != null && running.get()) {
            session.resume();
            paused.set(false);
            status.set("Resumed");
        }
    }

    /** Stops the run promptly; completed steps stay in the file. */
    public void cancel() {
        if (session != null && running.get()) {
            session.cancel();
            status.set("Cancelling… completed steps stay in the file");
        }
    }

    /** Moves what the run's threads reported onto the screen. Called by the ticker (FX thread). */
    void tick() {
        if (listener == null) {
            return;
        }
        BufferedRunListener.Drained d = listener.drain();
        for (TokenStreamBuffer.LiveTokenBatch b : d.batches()) {
            QuestionStatusRow row = rowsById.get(b.questionId());
            if (row == null) {
                continue;
            }
            if (b.started() || b.size() > 0) {
                row.started(b.step());
            }
            if (b.completed() != null) {
                row.completed(b.completed(), runK);
                received.add(b.completed());
            }
        }
        if (sink != null) {
            sink.accept(d.batches());
        }
        messages.addAll(d.warnings());
        if (d.servedModelWarning() != null) {
            modelWarning.set(d.servedModelWarning());
        }
        if (d.progress() != null) {
            showProgress(d.progress());
        }
        if (d.finish() != null) {
            finished(d.finish());
        }
    }

    private void beginPreparing(String what) {
        running.set(true);
        paused.set(false);
        status.set(what);
    }

    private void preparationFailed(Throwable e) {
        activity.set("");
        running.set(false);
        status.set("Could not start: " + message(e));
    }

    private void launch(RunConfig config, String what) {
        questions.clear();
        rowsById.clear();
        messages.clear();
        for (PreparedQuestion q : config.questions()) {
            QuestionStatusRow row = new QuestionStatusRow(q.problem().id());
            rowsById.put(row.questionId(), row);
            questions.add(row);
        }
        runK = config.topK();
        received = new ArrayList<>();
        stepsAtStart = -1;
        modelWarning.set("");
        progress.set(0);
        runTitle.set(config.title());
        progressText.set("Starting…");
        if (sink != null) {
            sink.runStarted(runK);
        }
        listener = new BufferedRunListener();
        session = RunEngine.start(config, listener);
        status.set(what + " → " + config.output());
        activity.set(what);
        ticker.start(this::tick);
    }

    private void showProgress(RunProgress p) {
        if (stepsAtStart < 0) {
            stepsAtStart = Math.max(0, p.stepsDone() - 1);
        }
        progress.set(p.fraction());
        progressText.set(RunEta.describe(p, stepsAtStart));
    }

    private void finished(BufferedRunListener.Finish f) {
        ticker.stop();
        if (sink != null) {
            sink.runEnded();
        }
        RunSession ended = session;
        listener = null;
        activity.set("");
        running.set(false);
        paused.set(false);
        String how = f.error() != null ? "stopped: " + message(f.error())
                : f.progress() != null && f.progress().cancelled() ? "cancelled (completed steps are in the file)" : "finished";
        for (QuestionStatusRow row : questions) {
            row.stopped(f.error() != null ? "stopped" : "cancelled");
        }
        status.set("Run " + how);
        messages.add("Run " + how + ": " + ended.output());
        List<StepRecord> steps = received;
        received = new ArrayList<>();
        executor.submit("Analysing the run", p -> summarise(ended, steps), this::summarised,
                e -> messages.add("Could not read the run file back: " + message(e)));
    }

    /**
     * Waits for the file to be closed and analyses the run. A run this session created is made of the
     * steps the screen already received (no re-read of the whole file, which cost the UI its pulse
     * target, docs/performance.md); a resumed run also has earlier steps, so its file is read.
     * Background thread.
     */
    static Finished summarise(RunSession ended, List<StepRecord> received) throws Exception {
        // a run that never got a step wrote no file (the engine creates it with the first step): nothing to read
        RunSummary summary = ended.awaitCompletion();
        RunHeader created = ended.createdHeader();
        if (created == null && !Files.exists(ended.output())) {
            return new Finished(summary, null, null);
        }
        RunFile file = created != null
                ? new RunFile(ended.output(), created, List.copyOf(received), List.of(), false)
                : RunFileReader.read(ended.output());
        RunAnalysis analysis = null;
        try {
            analysis = RunAnalysis.of(file, AnalysisOptions.defaults());
        } catch (RuntimeException notAnalysable) {
            // A run without a complete question has no analysis; LoadedRun allows null.
        }
        return new Finished(summary, file, analysis);
    }

    record Finished(RunSummary summary, RunFile file, RunAnalysis analysis) {
    }

    private void summarised(Finished f) {
        RunSummary s = f.summary();
        if (s != null) {
            status.set(status.get() + String.format(Locale.ROOT, " · step-1 accuracy %s · final accuracy %s · %d steps this session",
                    percent(s.step1Accuracy()), percent(s.finalAccuracy()), s.stepsThisSession()));
        }
        if (f.file() != null && !f.file().steps().isEmpty()) {
            workspace.addRun(new LoadedRun(f.file(), f.analysis(), f.file().header().title()));
        }
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String describe(ProbeReport r) {
        if (!r.reachable()) {
            return r.verdict();
        }
        return String.format(Locale.ROOT, "logprobs: %s · max k: %s · reasoning covered: %s · server: %s — %s",
                r.logprobsReturned() ? "yes" : "no", r.maxTopK() > 0 ? Integer.toString(r.maxTopK()) : "—",
                r.reasoningCovered() ? "yes" : "no", r.serverVersion() == null ? "unknown version" : r.serverVersion(),
                r.verdict());
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Test hook: the session of the current run, null before the first start. */
    RunSession session() { return session; }

    /** For tests without FX: the rows by id. */
    List<QuestionStatusRow> rows() { return List.copyOf(questions); }
}
