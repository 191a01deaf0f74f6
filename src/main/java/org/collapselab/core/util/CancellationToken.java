package org.collapselab.core.util;

import java.util.concurrent.atomic.AtomicBoolean;

/** Cooperative cancellation flag shared between a caller and long-running core work. Thread-safe. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancelledException} when cancelled; call between units of work. */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
