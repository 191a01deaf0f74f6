package org.collapselab.core.diagnostics.checks;

import java.util.List;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.TrainingFindings;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * The monitored training run (unless the context already holds one) and its outcome: the collapse
 * verdict, never-predicted classes and NaN loss (design §6–§7).
 */
public final class MonitoredRunCheck extends BaseCheck {
    public MonitoredRunCheck() {
        super("monitored-run", List.of("collapsed-predictions", "never-predicted-classes", "nan-loss"),
                "Monitored training run",
                "Trains with the config while recording loss, predictions and per-layer health.", Phase.TRAINING, true);
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return ctx.trainingResult() == null ? needsTrials(ctx) : null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TrainingResult result = ctx.trainingResult();
        if (result == null) {
            result = ctx.runMonitoredTraining(cancel);
            ctx.trainingResult(result);
        }
        return TrainingFindings.outcome(ctx.config(), result);
    }
}
