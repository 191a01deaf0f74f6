package org.collapselab.core.experiment.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * A sweep's end: every row of trials.csv, the final row of each configuration (its highest rung), the best one
 * (null when none completed), the plain-words summary, and the budget in trial-epochs: used by this sweep's plan,
 * and what training every configuration for the full epochs would cost.
 *
 * @param complete false when it was stopped before every planned trial ended
 */
public record SweepOutcome(Path folder, List<TrialResult> rows, List<TrialResult> finals, TrialResult best,
                           String summary, int plannedTrialEpochs, int fullGridTrialEpochs, boolean complete) {
    public SweepOutcome {
        rows = List.copyOf(rows);
        finals = List.copyOf(finals);
    }

    public int savedTrialEpochs() {
        return fullGridTrialEpochs - plannedTrialEpochs;
    }
}
