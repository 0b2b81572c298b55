package org.entropyworkbench.ui.task;

/** A piece of slow work (file reading, analysis, network) that must not run on the FX thread. */
@FunctionalInterface
public interface BackgroundWork<T> {
    T call(ProgressReporter progress) throws Exception;
}
