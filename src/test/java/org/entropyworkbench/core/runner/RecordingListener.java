package org.entropyworkbench.core.runner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.run.StepRecord;

/** Remembers what a run told its listener; optionally acts on completed steps (pause, cancel). */
final class RecordingListener implements RunListener {

    final List<StepRecord> completed = new CopyOnWriteArrayList<>();
    final List<String> restarts = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<Double> tokenEntropies = new CopyOnWriteArrayList<>();
    final AtomicInteger finishedCalls = new AtomicInteger();
    volatile Throwable finishedError;
    volatile RunProgress lastProgress;
    volatile Consumer<StepRecord> onCompleted = r -> { };

    @Override
    public void onToken(String questionId, int step, String text, double entropyBits, Channel channel) {
        tokenEntropies.add(entropyBits);
    }

    @Override
    public void onStepCompleted(StepRecord record) {
        completed.add(record);
        onCompleted.accept(record);
    }

    @Override
    public void onStepRestarted(String questionId, int step, String reason) {
        restarts.add(questionId + "#" + step + ": " + reason);
    }

    @Override
    public void onProgress(RunProgress progress) {
        lastProgress = progress;
    }

    @Override
    public void onWarning(String message) {
        warnings.add(message);
    }

    @Override
    public void onFinished(RunProgress finalProgress, Throwable error) {
        finishedCalls.incrementAndGet();
        finishedError = error;
        lastProgress = finalProgress;
    }
}
