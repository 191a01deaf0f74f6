package org.collapselab.core.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * The findings of every run (the {@code train} command's default finding source): the outcome (collapse,
 * never-predicted classes, NaN) plus the passive monitoring checks. Pure; runs in milliseconds.
 */
public final class MonitoringFindings {
    private MonitoringFindings() {
    }

    public static List<Finding> of(ExperimentConfig config, DataView train, DataView validation, TrainingResult result) {
        List<Finding> findings = new ArrayList<>(TrainingFindings.outcome(config, result));
        DiagnosticContext ctx = DiagnosticContext.builder(config, train.dataset()).trainingResult(result).build();
        for (DiagnosticCheck check : DiagnosticCatalog.monitoringChecks()) {
            if (check.notApplicable(ctx) == null) {
                try {
                    findings.addAll(check.run(ctx, ProgressObserver.NONE, CancellationToken.none()));
                } catch (RuntimeException e) {
                    // A monitoring check must never break a run's report.
                }
            }
        }
        return CauseRanker.mergeById(findings);
    }
}
