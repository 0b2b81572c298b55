package org.entropyworkbench.core.provider;

import java.util.concurrent.atomic.AtomicBoolean;

/** Cooperative cancel shared between a caller (any thread) and a streaming call. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() { cancelled.set(true); }

    public boolean isCancelled() { return cancelled.get(); }

    public static CancellationToken none() { return new CancellationToken(); }
}
