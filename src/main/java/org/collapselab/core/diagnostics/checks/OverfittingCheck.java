package org.collapselab.core.diagnostics.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.diagnostics.Uncertainty;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** {@code overfitting}: training accuracy far above validation while the validation loss climbs from its best. */
public final class OverfittingCheck extends BaseCheck {
    public static final double GAP = 0.25;
    public static final double LOSS_RISE = 1.2;
    /** Fewer epochs show no trend of the validation loss. */
    static final int MIN_EPOCHS = 3;

    public OverfittingCheck() {
        super("overfitting", List.of("overfitting"), "Overfitting",
                "Compares training and validation accuracy and watches the validation loss.", Phase.TRAINING, false);
    }

    @Override
    public boolean readsTrainingRun() {
        return true;
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        String none = needsTraining(ctx);
        int epochs = none != null ? 0 : ctx.trainingResult().epochs().size();
        return none != null ? none : epochs < MIN_EPOCHS ? String.format(Locale.ROOT,
                "needs a run of at least %d epochs to see a trend; this one has %d", MIN_EPOCHS, epochs) : null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TrainingResult result = ctx.trainingResult();
        EpochMetrics last = result.lastEpoch();
        double gap = last.trainAccuracy() - last.validationAccuracy();
        double best = LayerHealth.lowestValidationLoss(result.epochs()).orElse(Double.NaN);
        if (!(gap > GAP) || !(last.validationLoss() > LOSS_RISE * best)) {
            return List.of();
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put(ConfigPaths.EARLY_STOPPING_PATIENCE, 3);
        set.put(ConfigPaths.L2, 1e-4);
        // The gap rule holds while validation accuracy is below train − GAP; its interval may reach above that.
        return Uncertainty.judge(List.of(finding(id(), Severity.WARNING,
                String.format(Locale.ROOT, "Training accuracy %.0f%%, validation %.0f%%", 100 * last.trainAccuracy(),
                        100 * last.validationAccuracy()),
                "The network memorises the training images instead of learning what the classes have in common. On "
                        + "new images it then leans on whatever it saw most, often the largest class.",
                gap, GAP, "train−validation accuracy gap > 0.25 with the validation loss 20% above its best (Karpathy's "
                        + "recipe, 'regularize'; tuned on the bundled scenarios)",
                fix("Stop early and add L2 regularisation", set))), "accuracy", last.confusion(),
                last.trainAccuracy() - GAP);
    }
}
