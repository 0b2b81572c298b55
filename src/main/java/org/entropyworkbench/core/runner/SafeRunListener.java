package org.entropyworkbench.core.runner;

import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.run.FailedStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Shields the run from a listener that throws: a broken progress display must not lose steps.
 * The first failure is logged (WARN, with its stack trace); the run goes on.
 */
final class SafeRunListener implements RunListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeRunListener.class);

    private final RunListener delegate;
    private volatile boolean reported;

    SafeRunListener(RunListener delegate) {
        this.delegate = delegate == null ? new RunListener() { } : delegate;
    }

    private void failed(RuntimeException e) {
        if (!reported) {
            reported = true;
            LOG.warn("run listener failed (the run continues)", e);
        }
    }

    @Override
    public void onStepStarted(String questionId, int step) {
        try {
            delegate.onStepStarted(questionId, step);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void onToken(String questionId, int step, String text, double entropyBits, Channel channel) {
        try {
            delegate.onToken(questionId, step, text, entropyBits, channel);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void onStepCompleted(StepRecord record) {
        try {
            delegate.onStepCompleted(record);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void onStepFailed(FailedStep failed) {
        try {
            delegate.onStepFailed(failed);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void onServedModelDiffers(String endpointLabel, String requested, String served) {
        try {
            delegate.onServedModelDiffers(endpointLabel, requested, served);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void onStepRestarted(String questionId, int step, String reason) {
        try {
            delegate.onStepRestarted(questionId, step, reason);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void onProgress(RunProgress progress) {
        try {
            delegate.onProgress(progress);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void onWarning(String message) {
        try {
            delegate.onWarning(message);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void onFinished(RunProgress finalProgress, Throwable error) {
        try {
            delegate.onFinished(finalProgress, error);
        } catch (RuntimeException e) {
            failed(e);
        }
    }
}
