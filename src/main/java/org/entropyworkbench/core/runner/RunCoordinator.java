package org.entropyworkbench.core.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.run.WorkbenchVersion;
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
    private RunFileWriter writer;

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
        try {
            if (Files.exists(out) && Files.size(out) > 0) {
                resume(out);
            } else {
                Files.deleteIfExists(out);
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                RunHeader header = newHeader();
                writer = RunFileWriter.create(out, header);
                createdHeader = header;
                for (QuestionState s : states) {
                    counters.plannedChange(initialPlan(s));
                }
            }
        } catch (IOException e) {
            throw new RunFailedException("cannot write run file " + out + ": " + e.getMessage(), e);
        }
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
        int found = 0;
        for (QuestionState s : states) {
            for (StepRecord r : recorded.getOrDefault(s.id(), List.of())) {
                s.add(r, gateK);
                counters.recordedEarlier(r);
                found++;
            }
            counters.plannedChange(initialPlan(s));
            if (s.markFinished()) {
                counters.questionDone();
            }
        }
        writer = RunFileWriter.openForAppend(out);
        listener.onWarning("resuming " + out + ": " + found + " question-step(s) already recorded");
        listener.onProgress(counters.snapshot(false));
    }

    /** Sets a question's first target and returns the steps it adds to the plan. */
    private int initialPlan(QuestionState s) {
        int steps = config.steps();
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
        return s.h1() <= config.gate().tau() ? 1 : config.steps();
    }

    /** The header of a run file this coordinator created, null when it resumed one (or has not opened it yet). */
    RunHeader createdHeader() {
        return createdHeader;
    }

    private RunHeader newHeader() {
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
            if (gate.calibrationFile() != null) {
                calibration.put("file", gate.calibrationFile());
            }
        }
        return new RunHeader(RunHeader.FORMAT_VERSION, UUID.randomUUID().toString(), Instant.now().toString(),
                WorkbenchVersion.current(), config.title(), config.model(), config.serverLabel(), config.datasetName(),
                config.datasetPath(), config.answerKind().wireName(), config.mode().wireName(), config.steps(),
                config.topK(), config.temperature(), config.maxTokensPerStep(), config.reasoningEffort(), prompts,
                config.simulated(), config.generator(), calibration);
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
        double[] h1 = new double[states.size()];
        List<String> ids = new ArrayList<>(states.size());
        for (int i = 0; i < h1.length; i++) {
            h1[i] = states.get(i).h1();
            ids.add(states.get(i).id());
        }
        BudgetReallocation.Allocation allocation = BudgetReallocation.allocate(ids, h1, config.gate().tau(), config.steps());
        if (allocation.unallocatedCalls() > 0) {
            listener.onWarning("every question is confident (H <= tau): " + allocation.unallocatedCalls()
                    + " calls of the budget stay unused");
        }
        int planned = 0;
        for (int i = 0; i < h1.length; i++) {
            QuestionState s = states.get(i);
            s.targetSteps(Math.max(allocation.questions().get(i).calls(), s.stepsDone()));
            planned += s.targetSteps();
            if (s.markFinished()) {
                counters.questionDone();
            }
        }
        counters.plannedChange(planned - states.size() * config.steps());
        listener.onProgress(counters.snapshot(control.isCancelled()));
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
            StepRecord record = executor.execute(slot, s.question(), step, conversation.messages(),
                    conversation.promptHash());
            if (record == null) {
                return;
            }
            append(record);
            s.add(record, gateK);
            counters.completed(record);
            if (config.mode() == RunMode.GATED && step == 1 && config.fixedSteps().isEmpty()) {
                s.targetSteps(gateTarget(s));
                counters.plannedChange(s.targetSteps() - config.steps());
            }
            listener.onStepCompleted(record);
            if (s.markFinished()) {
                counters.questionDone();
            }
            listener.onProgress(counters.snapshot(control.isCancelled()));
        }
    }

    private void append(StepRecord record) throws RunFailedException {
        try {
            writer.append(record);
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
        for (QuestionState s : states) {
            if (s.stepsDone() >= 1) {
                withStep1++;
                step1Right += Boolean.TRUE.equals(s.step1Correct()) ? 1 : 0;
            }
            if (s.stepsDone() >= 1 && !s.needsMoreSteps()) {
                finished++;
                finalRight += Boolean.TRUE.equals(s.lastCorrect()) ? 1 : 0;
                stoppedEarly += s.stepsDone() == 1 && config.steps() > 1 ? 1 : 0;
            }
        }
        RunStatus status = error != null ? RunStatus.FAILED
                : control.isCancelled() ? RunStatus.CANCELLED : RunStatus.COMPLETED;
        return new RunSummary(status, error == null ? null : error.getMessage(), progress,
                counters.stepsThisSession(), withStep1, ratio(step1Right, withStep1), finished,
                ratio(finalRight, finished), stoppedEarly, counters.flagCounts(), config.output());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /** One question handed to a worker; {@code phaseDone} counts down when the worker is through with it. */
    private record Job(QuestionState state, CountDownLatch phaseDone) {
    }
}
