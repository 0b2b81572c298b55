package org.entropyworkbench.ui.task;

/** A submitted piece of work that can be cancelled from any thread. */
public interface TaskHandle {
    void cancel();

    boolean isDone();
}
