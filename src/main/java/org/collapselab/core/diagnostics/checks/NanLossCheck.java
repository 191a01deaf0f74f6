package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** {@code nan-loss}: the run stopped because its loss stopped being a finite number. */
public final class NanLossCheck extends BaseCheck {
    public NanLossCheck() {
        super("nan-loss", List.of("nan-loss"), "Loss stayed finite",
                "Checks that the training loss never became NaN or infinite.", Phase.TRAINING, false);
    }

    @Override
    public boolean reportsSymptoms() {
        return true;
    }

    @Override
    public boolean readsTrainingRun() {
        return true;
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return needsTraining(ctx);
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TrainingResult result = ctx.trainingResult();
        if (result.status() != RunStatus.DIVERGED) {
            return List.of();
        }
        return List.of(finding("nan-loss", Severity.CRITICAL, "The loss became NaN or infinite",
                "Once the loss is not a number, the weights are too, and the network outputs the same thing for every "
                        + "input. This almost always means the learning rate is too high for this network and data "
                        + "(or inputs are not normalized). " + (result.message() == null ? "" : result.message()),
                Double.NaN, 0, "any non-finite loss; DL4J tuning guide (a NaN loss usually means too high a learning rate)",
                fix("Lower the learning rate tenfold",
                        Map.of(ConfigPaths.LEARNING_RATE, ctx.config().training().learningRate() / 10))));
    }
}
