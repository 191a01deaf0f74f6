package org.collapselab.core.util;

/**
 * Receives progress of long-running core work. Called on the worker thread; implementations
 * that touch a UI must hand over to their own thread and should coalesce.
 */
@FunctionalInterface
public interface ProgressObserver {
    ProgressObserver NONE = (done, total, message) -> { };

    /** @param done units finished, @param total units overall (or -1 when unknown). */
    void progress(long done, long total, String message);
}
