package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.diagnostics.Uncertainty;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.Balance;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code collapsed-predictions}: the last epoch predicts one class for almost every validation image and
 * its balanced accuracy sits at chance (the rule of {@link ConfusionMatrix#isCollapsed()}).
 */
public final class CollapsedPredictionsCheck extends BaseCheck {
    public CollapsedPredictionsCheck() {
        super("collapsed-predictions", List.of("collapsed-predictions"), "Predictions spread over the classes",
                "Checks whether the trained model answers one class for almost every image.", Phase.TRAINING, false);
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
        if (!last.collapsed()) {
            return List.of();
        }
        ConfusionMatrix confusion = last.confusion();
        String dominant = confusion.labels().get(confusion.dominantPrediction());
        boolean imbalanced = ctx.config().data().balance() == Balance.NONE && confusion.majorityBaseline() > 0.6;
        // The rule's balanced-accuracy side decides near chance; a few validation images cannot place it.
        return Uncertainty.judge(List.of(finding("collapsed-predictions", Severity.CRITICAL,
                String.format(Locale.ROOT, "%.0f%% of predictions are '%s'", 100 * confusion.predictionShare(), dominant),
                "The model answers '" + dominant + "' for almost every image, so its accuracy is roughly the share of '"
                        + dominant + "' in the data and its balanced accuracy sits at chance ("
                        + String.format(Locale.ROOT, "%.2f", 1.0 / confusion.size()) + "). The diagnostics rank the likely causes.",
                confusion.predictionShare(), 0.95,
                "Collapse Lab's collapse rule: the top class takes ≥ 95% of the validation predictions and balanced "
                        + "accuracy ≤ 1/C + 0.05",
                imbalanced ? fix("Weight the loss by inverse class frequency", Map.of(ConfigPaths.BALANCE, "class-weights"))
                        : null)), "balanced accuracy", confusion, 1.0 / confusion.size() + 0.05);
    }
}
