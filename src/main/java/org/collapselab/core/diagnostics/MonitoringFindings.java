package org.collapselab.core.diagnostics;

import java.util.List;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingResult;

/**
 * Findings on a finished run: the catalogue's passive training checks, on its outcome (NaN loss, collapse,
 * never-predicted classes) and on what the monitor sampled (loss dynamics, update:parameter ratios, dead ReLU,
 * gradient flow, saturation, still improving, overfitting), so a {@code train} report and {@code diagnose}
 * judge a run alike.
 */
public final class MonitoringFindings {
    private MonitoringFindings() {
    }

    public static List<Finding> of(ExperimentConfig config, int classCount, TrainingResult result) {
        return DiagnosticCatalog.runPassive(DiagnosticCatalog.monitoringChecks(),
                DiagnosticContext.withoutData(config, classCount).trainingResult(result).build());
    }
}
