package org.entropyworkbench.core.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.run.FailedStep;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.run.WorkbenchVersion;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.tradeoff.BudgetReallocation;

/**
 * Drives one run session on its own thread: opens (or resumes) the run file, starts one worker
 * thread per endpoint concurrency slot, feeds them questions phase by phase (budgeted runs need
 * every step 1 before the extra steps are allotted), and closes the file when done.
 *
 * <p>A worker owns a question until its planned steps are done, so the steps of one question are
 * sequential and each is appended and fsynced before the next starts; different questions run in
 * parallel. Workers are never interrupted (an interrupt would close the file channel): cancel and
 * failure reach them through {@link RunControl}.
 *
 * <p>A new run file is created when its first line is ready (so its header can name the model the
 * server reported): a run that never gets a step leaves no file behind. A step the server refuses as
 * too long for its context is written as a failed step and its question stops; the others go on.
 */
final class RunCoordinator implements Runnable {

    /** Set once on the coordinator thread before any step is written; read after completion. */
    private volatile RunHeader createdHeader;

    private static final Job STOP_WORKER = new Job(null, null);

    private final RunConfig config;
    private final RunListener listener;
    private final RunControl control;
    private final RunCounters counters;
    private final CompletableFuture<RunSummary> result = new CompletableFuture<>();
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<QuestionState> states = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final ScheduledExecutorService timeouts;
    private final StepExecutor executor;
    private final int gateK;
    private final Set<String> servedModelsDiffering = ConcurrentHashMap.newKeySet();
    /** Budgeted mode: false until the extra steps are allotted (step-1 targets are provisional until then). */
    private volatile boolean plansFinal;
    /** Step 1 to the gate score (low = confident): the gate's signal, or the paper's mean entropy without a gate. */
    private final java.util.function.ToDoubleFunction<StepRecord> gateScore;
    private RunFileWriter writer;
    private boolean newFile;

    RunCoordinator(RunConfig config, RunListener listener, RunClock clock) {
        this.config = config;
        this.listener = new SafeRunListener(listener);
        this.control = new RunControl(clock);
        this.counters = new RunCounters(clock, config.questions().size());
        this.timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-call-timeouts");
            t.setDaemon(true);
            return t;
        });
        this.executor = new StepExecutor(config, control, this.listener, counters, timeouts, System.nanoTime());
        this.gateK = config.gate() == null ? StepRecord.DEFAULT_K : config.gate().k();
        this.gateScore = config.gate() == null
                ? first -> StepEntropyAccumulator.mean(first.entropies(gateK), first.channels(), null)
                : config.gate()::gateScore;
        for (PreparedQuestion q : config.questions()) {
            states.add(new QuestionState(q));
        }
    }

    RunControl control() { return control; }

    RunCounters counters() { return counters; }

    CompletableFuture<RunSummary> result() { return result; }

    @Override
    public void run() {
        try {
            openRunFile();
            startWorkers();
            planAndRun();
        } catch (RunFailedException e) {
            control.fail(e);
        } catch (InterruptedException e) {
            control.fail(new RunFailedException("the run was interrupted", e));
        } catch (RuntimeException e) {
            control.fail(new RunFailedException("the run stopped on an internal error: " + e, e));
        } finally {
            stopWorkers();
            closeRunFile();
            timeouts.shutdownNow();
        }
        Throwable error = control.failure();
        RunProgress last = counters.snapshot(control.isCancelled());
        RunSummary summary = summarise(last, error);
        listener.onFinished(last, error);
        result.complete(summary);
    }

    private void openRunFile() throws RunFailedException {
        Path out = config.output();
        plansFinal = config.mode() != RunMode.BUDGETED || !config.fixedSteps().isEmpty();
        try {
            if (Files.exists(out) && Files.size(out) > 0) {
                resume(out);
            } else {
                Files.deleteIfExists(out);
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                    if (!Files.isWritable(parent)) {
                        throw new RunFailedException("cannot write run file " + out + ": folder " + parent
                                + " is not writable");
                    }
                }
                newFile = true;
                for (QuestionState s : states) {
                    counters.plannedChange(initialPlan(s));
                }
            }
        } catch (IOException e) {
            throw new RunFailedException("cannot write run file " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The writer, creating the new run file with its header on the first line written; the header
     * names the model the server reported in that first answer ({@code servedModel}, null for none).
     */
    private synchronized RunFileWriter writer(String servedModel) throws IOException {
        if (writer == null && newFile) {
            RunHeader header = newHeader(servedModel);
            writer = RunFileWriter.create(config.output(), header);
            createdHeader = header;
        }
        return writer;
    }

    private void resume(Path out) throws IOException, RunFailedException {
        RunFile existing;
        try {
            existing = RunFileReader.read(out);
        } catch (IOException e) {
            throw new RunFailedException("cannot resume " + out + ": " + e.getMessage(), e);
        }
        ResumeCheck check = new ResumeCheck(existing, config);
        check.verifyHeader();
        Map<String, List<StepRecord>> recorded = check.recordedSteps();
        check.warnings().forEach(listener::onWarning);
        Map<String, FailedStep> failed = new java.util.HashMap<>();
        for (FailedStep f : existing.failedSteps()) {
            failed.put(f.questionId(), f);
        }
        int found = 0;
        int skipped = 0;
        for (QuestionState s : states) {
            for (StepRecord r : recorded.getOrDefault(s.id(), List.of())) {
                s.add(r, gateScore);
                counters.recordedEarlier(r);
                found++;
            }
            FailedStep f = failed.get(s.id());
            if (f != null && f.step() == s.stepsDone() + 1 && !config.retryFailed()) {
                s.markFailed(f.reason());
                counters.failedStep();
                skipped++;
            }
            counters.plannedChange(initialPlan(s));
            if (plansFinal && s.markFinished()) {
                counters.questionDone();
            }
        }
        writer = RunFileWriter.openForAppend(out);
        listener.onWarning("resuming " + out + ": " + found + " question-step(s) already recorded");
        if (skipped > 0) {
            listener.onWarning(skipped + " question(s) stopped at a step the server refused earlier (too long for its"
                    + " context); they are skipped (resume with --retry-failed to run them again)");
        }
        listener.onProgress(counters.snapshot(false));
    }

    /** Sets a question's first target and returns the steps it adds to the plan. */
    private int initialPlan(QuestionState s) {
        int steps = config.steps();
        if (s.failure() != null) {
            s.targetSteps(s.stepsDone());
            return s.stepsDone();
        }
        if (!config.fixedSteps().isEmpty()) {
            s.targetSteps(Math.max(config.fixedSteps().get(s.id()), s.stepsDone()));
            return s.targetSteps();
        }
        switch (config.mode()) {
            case FULL:
                s.targetSteps(Math.max(steps, s.stepsDone()));
                return s.targetSteps();
            case GATED:
                if (s.stepsDone() == 0) {
                    s.targetSteps(QuestionState.UNDECIDED);
                    return steps;
                }
                s.targetSteps(Math.max(gateTarget(s), s.stepsDone()));
                return s.targetSteps();
            case BUDGETED:
            default:
                s.targetSteps(Math.max(1, s.stepsDone()));
                return steps;
        }
    }

    private int gateTarget(QuestionState s) {
        return s.h1() <= config.gate().gateTau() ? 1 : config.steps();
    }

    /** The header of a run file this coordinator created, null when it resumed one (or has not written it yet). */
    RunHeader createdHeader() {
        return createdHeader;
    }

    private RunHeader newHeader(String servedModel) {
        Map<String, String> prompts = new LinkedHashMap<>();
        prompts.put("system", config.prompts().system() == null ? "" : config.prompts().system());
        prompts.put("step1", config.prompts().step1());
        prompts.put("refine", config.prompts().refine());
        Map<String, Object> calibration = new LinkedHashMap<>();
        GateSettings gate = config.gate();
        if (gate != null) {
            calibration.put("method", gate.methodId());
            calibration.put("tau", gate.tau());
            calibration.put("k", gate.k());
            if (gate.signal() != Signal.DEFAULT) {
                calibration.put("signal", gate.signal().id());
            }
            if (gate.calibrationFile() != null) {
                calibration.put("file", gate.calibrationFile());
            }
        }
        return new RunHeader(RunHeader.FORMAT_VERSION, UUID.randomUUID().toString(), Instant.now().toString(),
                WorkbenchVersion.current(), config.title(), config.model(), config.serverLabel(), config.datasetName(),
                config.datasetPath(), config.answerKind().wireName(), config.mode().wireName(), config.steps(),
                config.topK(), config.temperature(), config.maxTokensPerStep(), config.reasoningEffort(), prompts,
                config.simulated(), config.generator(), calibration, servedModel);
    }

    private void startWorkers() {
        for (Endpoint endpoint : config.endpoints()) {
            RequestRateLimiter limiter = new RequestRateLimiter(endpoint.requestsPerMinute());
            for (int i = 0; i < endpoint.concurrency(); i++) {
                WorkerSlot slot = new WorkerSlot(endpoint, limiter, i);
                Thread t = new Thread(() -> workLoop(slot), "run-worker-" + workers.size());
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
        }
    }

    private void planAndRun() throws InterruptedException, RunFailedException {
        runPhase();
        if (config.mode() == RunMode.BUDGETED && config.fixedSteps().isEmpty() && !control.isStopped()) {
            allotBudget();
            plansFinal = true;
            for (QuestionState s : states) {
                if (s.markFinished()) {
                    counters.questionDone();
                }
            }
            listener.onProgress(counters.snapshot(control.isCancelled()));
            runPhase();
        }
    }

    /** Queues every question that needs steps and waits until the workers are through with them. */
    private void runPhase() throws InterruptedException {
        List<QuestionState> pending = new ArrayList<>();
        for (QuestionState s : states) {
            if (s.needsMoreSteps()) {
                pending.add(s);
            }
        }
        CountDownLatch phaseDone = new CountDownLatch(pending.size());
        for (QuestionState s : pending) {
            queue.put(new Job(s, phaseDone));
        }
        phaseDone.await();
    }

    /** Budgeted mode, after every step 1: the alpha - N remaining calls go to the uncertain questions. */
    private void allotBudget() {
        List<QuestionState> open = states.stream().filter(s -> s.failure() == null).toList();
        double[] h1 = new double[open.size()];
        List<String> ids = new ArrayList<>(open.size());
        for (int i = 0; i < h1.length; i++) {
            h1[i] = open.get(i).h1();
            ids.add(open.get(i).id());
        }
        BudgetReallocation.Allocation allocation = BudgetReallocation.allocate(ids, h1, config.gate().gateTau(), config.steps());
        if (allocation.unallocatedCalls() > 0) {
            listener.onWarning("every question is confident (H <= tau): " + allocation.unallocatedCalls()
                    + " calls of the budget stay unused");
        }
        for (int i = 0; i < h1.length; i++) {
            QuestionState s = open.get(i);
            s.targetSteps(Math.max(allocation.questions().get(i).calls(), s.stepsDone()));
        }
        int planned = 0;
        for (QuestionState s : states) {
            planned += s.failure() != null ? s.stepsDone() : s.targetSteps();
        }
        counters.setPlanned(planned);
    }

    private void workLoop(WorkerSlot slot) {
        while (true) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (job == STOP_WORKER) {
                return;
            }
            try {
                if (!control.isStopped()) {
                    runQuestion(slot, job.state());
                }
            } catch (RunFailedException e) {
                control.fail(e);
            } catch (InterruptedException e) {
                control.fail(new RunFailedException("a run worker was interrupted", e));
            } catch (RuntimeException e) {
                control.fail(new RunFailedException("question " + job.state().id()
                        + " stopped on an internal error: " + e, e));
            } finally {
                job.phaseDone().countDown();
            }
        }
    }

    /** Runs a question's remaining steps one after the other on this worker's endpoint. */
    private void runQuestion(WorkerSlot slot, QuestionState s) throws RunFailedException, InterruptedException {
        while (s.needsMoreSteps() && !control.isStopped()) {
            int step = s.stepsDone() + 1;
            Conversation conversation = Conversation.of(config.prompts(), s.question(), s.answers());
            StepRecord record;
            try {
                record = executor.execute(slot, s.question(), step, conversation.messages(), conversation.promptHash());
            } catch (StepRefusedException refused) {
                recordFailure(slot, s, step, conversation.promptHash(), refused);
                return;
            }
            if (record == null) {
                return;
            }
            noteServedModel(record);
            append(record);
            s.add(record, gateScore);
            counters.completed(record);
            if (config.mode() == RunMode.GATED && step == 1 && config.fixedSteps().isEmpty()) {
                s.targetSteps(gateTarget(s));
                counters.plannedChange(s.targetSteps() - config.steps());
            }
            listener.onStepCompleted(record);
            if (plansFinal && s.markFinished()) {
                counters.questionDone();
            }
            listener.onProgress(counters.snapshot(control.isCancelled()));
        }
    }

    /**
     * Writes the refused step as failed and stops its question; the question's planned steps that will
     * not run leave the plan (the refused one stays in it, as a step that is done).
     */
    private void recordFailure(WorkerSlot slot, QuestionState s, int step, String promptHash,
                               StepRefusedException refused) throws RunFailedException {
        FailedStep failed = new FailedStep(s.id(), step, promptHash, config.model(), slot.endpoint().label(),
                refused.getMessage(), refused.httpStatus(), control.clock().epochMillis());
        try {
            writer(null).appendFailed(failed);
        } catch (IOException e) {
            throw new RunFailedException("cannot write the failure of question " + s.id() + " step " + step
                    + " to " + config.output() + ": " + e.getMessage(), e);
        }
        int plannedBefore = s.targetSteps() == QuestionState.UNDECIDED || !plansFinal ? config.steps() : s.targetSteps();
        s.markFailed(refused.getMessage());
        counters.failedStep();
        counters.plannedChange(s.stepsDone() - plannedBefore);
        listener.onStepFailed(failed);
        listener.onWarning("question " + s.id() + " step " + step + " failed and the question stops there: "
                + refused.getMessage());
        if (plansFinal && s.markFinished()) {
            counters.questionDone();
        }
        listener.onProgress(counters.snapshot(control.isCancelled()));
    }

    /** Tells the listener, once per endpoint and name, when a server answers as another model than asked. */
    private void noteServedModel(StepRecord record) {
        if (record.servedModelDiffers() && servedModelsDiffering.add(record.server() + '\n' + record.servedModel())) {
            listener.onServedModelDiffers(record.server(), record.model(), record.servedModel());
        }
    }

    private void append(StepRecord record) throws RunFailedException {
        try {
            writer(record.servedModel()).append(record);
        } catch (IOException e) {
            throw new RunFailedException("cannot write question " + record.questionId() + " step " + record.step()
                    + " to " + config.output() + ": " + e.getMessage(), e);
        }
    }

    private void stopWorkers() {
        for (int i = 0; i < workers.size(); i++) {
            queue.add(STOP_WORKER);
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void closeRunFile() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            control.fail(new RunFailedException("cannot close run file " + config.output() + ": " + e.getMessage(), e));
        }
    }

    private RunSummary summarise(RunProgress progress, Throwable error) {
        int withStep1 = 0;
        int step1Right = 0;
        int finished = 0;
        int finalRight = 0;
        int stoppedEarly = 0;
        int failed = 0;
        int failedAtStep1 = 0;
        for (QuestionState s : states) {
            if (s.stepsDone() >= 1) {
                withStep1++;
                step1Right += Boolean.TRUE.equals(s.step1Correct()) ? 1 : 0;
            }
            if (s.failure() != null) {
                failed++;
                failedAtStep1 += s.stepsDone() == 0 ? 1 : 0;
                continue;
            }
            if (s.stepsDone() >= 1 && !s.needsMoreSteps()) {
                finished++;
                finalRight += Boolean.TRUE.equals(s.lastCorrect()) ? 1 : 0;
                stoppedEarly += s.stepsDone() == 1 && config.steps() > 1 ? 1 : 0;
            }
        }
        RunStatus status = error != null ? RunStatus.FAILED
                : control.isCancelled() ? RunStatus.CANCELLED : RunStatus.COMPLETED;
        Set<String> served = new java.util.TreeSet<>();
        for (String key : servedModelsDiffering) {
            served.add(key.substring(key.indexOf('\n') + 1));
        }
        return new RunSummary(status, error == null ? null : error.getMessage(), progress,
                counters.stepsThisSession(), withStep1 + failedAtStep1, ratio(step1Right, withStep1 + failedAtStep1), finished,
                ratio(finalRight, finished + failed), stoppedEarly, counters.flagCounts(), config.output(), failed,
                served);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /** One question handed to a worker; {@code phaseDone} counts down when the worker is through with it. */
    private record Job(QuestionState state, CountDownLatch phaseDone) {
    }
}
