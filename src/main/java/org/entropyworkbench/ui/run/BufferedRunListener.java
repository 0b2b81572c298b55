package org.entropyworkbench.ui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.run.FailedStep;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.runner.RunListener;
import org.entropyworkbench.core.runner.RunProgress;

/**
 * The UI's {@link RunListener}: on the run's worker threads it only stores what happened (tokens in
 * a {@link TokenStreamBuffer}, the latest progress, warnings, the end) and returns at once; the UI
 * tick collects it with {@link #drain()}. No Platform.runLater per event. Thread-safe.
 */
final class BufferedRunListener implements RunListener {

    /** How a run ended. */
    record Finish(RunProgress progress, Throwable error) {
    }

    /** Everything since the previous drain. {@code finish} is non-null once, after the last batch. */
    record Drained(List<TokenStreamBuffer.LiveTokenBatch> batches, RunProgress progress, List<String> warnings,
                   Finish finish, String servedModelWarning) {
    }

    private final TokenStreamBuffer tokens = new TokenStreamBuffer();
    private final AtomicReference<RunProgress> progress = new AtomicReference<>();
    private final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Finish> finish = new AtomicReference<>();
    private final AtomicReference<String> servedModel = new AtomicReference<>();

    @Override
    public void onStepStarted(String questionId, int step) {
        tokens.offerStarted(questionId, step);
    }

    @Override
    public void onToken(String questionId, int step, String text, double entropyBits, Channel channel) {
        tokens.offerToken(questionId, step, text, entropyBits, channel);
    }

    @Override
    public void onStepCompleted(StepRecord record) {
        tokens.offerCompleted(record);
    }

    @Override
    public void onStepRestarted(String questionId, int step, String reason) {
        tokens.offerRestarted(questionId, step);
        warnings.add("Question " + questionId + " step " + step + " restarted: " + reason);
    }

    @Override
    public void onStepFailed(FailedStep failed) {
        warnings.add("Question " + failed.questionId() + " step " + failed.step() + " failed (the run goes on): "
                + failed.reason());
    }

    @Override
    public void onServedModelDiffers(String endpointLabel, String requested, String served) {
        String text = servedModelText(endpointLabel, requested, served);
        servedModel.set(text);
        warnings.add(text);
    }

    /** The warning shown when a server answers with another model than the one asked for. */
    static String servedModelText(String endpointLabel, String requested, String served) {
        return "The server answers as model \"" + served + "\", not \"" + requested + "\" as asked (" + endpointLabel
                + "); the run file records the served name. Check the Model field if that is not what you meant.";
    }

    @Override
    public void onProgress(RunProgress p) {
        progress.set(p);
    }

    @Override
    public void onWarning(String message) {
        warnings.add(message);
    }

    @Override
    public void onFinished(RunProgress finalProgress, Throwable error) {
        finish.set(new Finish(finalProgress, error));
    }

    /** Collects what happened. The finish is read first so every batch before it is included. */
    Drained drain() {
        Finish ended = finish.getAndSet(null);
        List<TokenStreamBuffer.LiveTokenBatch> batches = tokens.drain();
        RunProgress latest = progress.getAndSet(null);
        List<String> newWarnings = new ArrayList<>();
        for (String w = warnings.poll(); w != null; w = warnings.poll()) {
            newWarnings.add(w);
        }
        return new Drained(batches, ended != null && ended.progress() != null ? ended.progress() : latest,
                newWarnings, ended, servedModel.getAndSet(null));
    }
}
