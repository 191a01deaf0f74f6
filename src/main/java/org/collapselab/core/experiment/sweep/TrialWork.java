package org.collapselab.core.experiment.sweep;

import org.collapselab.core.util.CancellationToken;

/**
 * Runs one trial to its end and says how it went. Implementations never throw for a trial that fails: they return
 * {@link TrialResult#failed}. Called from several threads at once by {@link LocalTrialExecutor}.
 */
@FunctionalInterface
public interface TrialWork {
    TrialResult run(Trial trial, CancellationToken cancel);
}
