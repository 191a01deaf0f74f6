package org.collapselab.core.experiment.sweep;

import java.util.List;

/** Progress of a sweep, called from the sweep's threads (one call at a time); implementations must be quick. */
public interface SweepListener {
    SweepListener NONE = new SweepListener() { };

    /** A rung is about to run these trials ({@code skipped} of the rung were already finished before a resume). */
    default void rungStarted(int rung, int epochs, List<Trial> toRun, int skipped) { }

    /** A trial ended and its row is on disk. */
    default void trialFinished(TrialResult result) { }
}
