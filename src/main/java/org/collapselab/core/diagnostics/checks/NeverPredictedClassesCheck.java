package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.Balance;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code never-predicted-classes}: classes with validation images that the last epoch never predicts.
 * Left to {@link CollapsedPredictionsCheck} when the run collapsed, since then every class but one is unpredicted.
 */
public final class NeverPredictedClassesCheck extends BaseCheck {
    public NeverPredictedClassesCheck() {
        super("never-predicted-classes", List.of("never-predicted-classes"), "Every class predicted",
                "Checks that each class with validation images is predicted at least once.", Phase.TRAINING, false);
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
        return needsAnEpoch(ctx);
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        EpochMetrics last = ctx.trainingResult().lastEpoch();
        List<String> never = last.confusion().neverPredicted();
        if (never.isEmpty() || last.collapsed()) {
            return List.of();
        }
        return List.of(finding("never-predicted-classes", Severity.WARNING, "Never predicted: " + String.join(", ", never),
                "No validation image was assigned to these classes, so their recall is zero. The model has not "
                        + "learned them, usually because they are rare or look like another class.",
                never.size(), 0, "any class present in validation but never predicted",
                ctx.config().data().balance() == Balance.NONE
                        ? fix("Oversample rare classes", Map.of(ConfigPaths.BALANCE, "oversample")) : null));
    }
}
