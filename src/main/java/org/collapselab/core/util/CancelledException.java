package org.collapselab.core.util;

/** Thrown by core work that noticed its {@link CancellationToken} was cancelled. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
