package org.collapselab.core.experiment.sweep;

import java.util.List;
import java.util.function.Consumer;
import org.collapselab.core.util.CancellationToken;

/**
 * Where the trials of a sweep run: {@link LocalTrialExecutor} on this machine's cores; a cluster executor can ship
 * each {@link Trial} (small and self-describing) to a worker that runs its own {@link TrialWork}.
 */
public interface TrialExecutor {
    /**
     * Runs the trials and hands each result to {@code finished} as soon as that trial ends (from any thread, one at a
     * time). Returns when every trial has ended, or promptly after {@code cancel}: trials not yet started are skipped
     * and running ones stop at their next minibatch; their results (status {@code stopped}) are not handed on, so a
     * resumed sweep runs them again.
     */
    void run(List<Trial> trials, TrialWork work, Consumer<TrialResult> finished, CancellationToken cancel)
            throws InterruptedException;

    /** How many trials run at once. */
    int parallelism();
}
