package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * The monitored training run (unless the context already holds one) and its per-epoch chart. What the run
 * shows is judged by the passive checks after it (NaN loss, collapse, never-predicted classes, monitoring).
 */
public final class MonitoredRunCheck extends BaseCheck {
    public MonitoredRunCheck() {
        super("monitored-run", List.of(),
                "Monitored training run",
                "Trains with the config while recording loss, predictions and per-layer health.", Phase.TRAINING, true);
    }

    @Override
    public boolean producesTrainingRun() {
        return true;
    }

    /** With a finished run to judge it trains nothing: it only adopts that run. */
    @Override
    public boolean quick(DiagnosticContext ctx) {
        return ctx.trainingResult() != null;
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
        List<ChartData.Point> balanced = new java.util.ArrayList<>();
        List<ChartData.Point> share = new java.util.ArrayList<>();
        for (org.collapselab.core.training.EpochMetrics m : result.epochs()) {
            balanced.add(ChartData.Point.xy(m.epoch(), m.balancedAccuracy()));
            share.add(ChartData.Point.xy(m.epoch(), m.predictionShare()));
        }
        if (!balanced.isEmpty()) {
            ctx.chart(id(), ChartData.line("monitored-run", "Validation per epoch", "epoch", "share")
                    .series("balanced accuracy", balanced)
                    .series("top class's share of predictions", share)
                    .marker("collapse: top-class share ≥ 0.95", ChartData.Axis.Y, 0.95)
                    .marker(String.format(Locale.ROOT, "chance %.2f", ctx.chance()), ChartData.Axis.Y, ctx.chance())
                    .build());
        }
        return List.of();
    }
}
