package org.collapselab.core.diagnostics;

import java.util.List;

/**
 * Verdicts over a run's findings. The findings on a run's outcome (NaN loss, collapse, never-predicted
 * classes) are checks of the catalogue, reported through {@link MonitoringFindings}.
 */
public final class TrainingFindings {
    private TrainingFindings() {
    }

    public static boolean hasCritical(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
    }
}
