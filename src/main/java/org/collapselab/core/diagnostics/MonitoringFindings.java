package org.collapselab.core.diagnostics;

import java.util.List;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingResult;

/**
 * Findings from what the monitor sampled during a finished run (design §7, training): the catalogue's
 * monitoring checks (loss dynamics, update:parameter ratios, dead ReLU, gradient flow, saturation,
 * still improving, overfitting), so a {@code train} report and {@code diagnose} judge a run alike.
 */
public final class MonitoringFindings {
    private MonitoringFindings() {
    }

    public static List<Finding> of(ExperimentConfig config, int classCount, TrainingResult result) {
        return DiagnosticCatalog.runPassive(DiagnosticCatalog.monitoringChecks(),
                DiagnosticContext.withoutData(config, classCount).trainingResult(result).build());
    }
}
