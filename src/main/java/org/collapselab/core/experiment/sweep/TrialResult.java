package org.collapselab.core.experiment.sweep;

import java.util.Map;

/**
 * One finished trial: one row of trials.csv. {@code status} is the run's status ({@code completed},
 * {@code diverged}, {@code stopped}) or {@code failed} when the trial threw; {@code reason} says why for those.
 * Metrics are those of the last epoch, NaN when there was none. {@code runFolder} is relative to the sweep folder.
 */
public record TrialResult(int trial, int rung, int epochs, Map<String, String> parameters, String status,
                          double objective, double balancedAccuracy, double validationAccuracy, double macroF1,
                          double validationLoss, boolean collapsed, String dominantClass, String topFinding,
                          double seconds, String runFolder, String reason) {
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String DIVERGED = "diverged";

    public TrialResult {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** A trial that ended without metrics. */
    public static TrialResult failed(Trial trial, String reason, double seconds) {
        return new TrialResult(trial.index(), trial.rung(), trial.epochs(), trial.parameters(), FAILED, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, "", "", seconds, trial.folderName(), reason);
    }

    public TrialResult withObjective(double value) {
        return new TrialResult(trial, rung, epochs, parameters, status, value, balancedAccuracy, validationAccuracy,
                macroF1, validationLoss, collapsed, dominantClass, topFinding, seconds, runFolder, reason);
    }
}
