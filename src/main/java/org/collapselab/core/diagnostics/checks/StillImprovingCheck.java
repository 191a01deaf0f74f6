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
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code still-improving}: the run stopped while the loss was still falling clearly (the validation loss
 * at its lowest so far) and the model is not yet good — too few epochs. With one epoch, the last fifth of the iterations is compared with the fifth before.
 */
public final class StillImprovingCheck extends BaseCheck {
    /** Relative loss drop over the last stretch that counts as still improving (SageMaker LossNotDecreasing inverted). */
    public static final double DROP = 0.05;
    /** Runs already at this balanced accuracy are left alone. */
    public static final double GOOD_ENOUGH = 0.9;
    /** For one- or two-epoch runs, the early-to-late loss drop counts at a quarter (the first steps always drop). */
    static final double SHORT_RUN_DISCOUNT = 4;
    /** Loss samples in the second half of a short run below which its slope means nothing. */
    static final int MIN_HALF = 5;

    public StillImprovingCheck() {
        super("still-improving", List.of("still-improving"), "Training length",
                "Checks whether the loss was still falling clearly when training stopped.", Phase.TRAINING, false);
    }

    /** Least-squares slope of {@code values[from..to)} per index. */
    static double slope(double[] values, int from, int to) {
        double n = to - from;
        double meanX = (from + to - 1) / 2.0;
        double meanY = LayerHealth.mean(values, from, to);
        double num = 0;
        double den = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(values[i])) {
                num += (i - meanX) * (values[i] - meanY);
                den += (i - meanX) * (i - meanX);
            }
        }
        return den == 0 || n < 2 ? 0 : num / den;
    }

    @Override
    public boolean readsTrainingRun() {
        return true;
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        String none = needsAnEpoch(ctx);
        if (none != null) {
            return none;
        }
        TrainingResult result = ctx.trainingResult();
        if (result.status() != RunStatus.COMPLETED) {
            return "the run did not complete (" + result.status().json() + "): it was not stopped by its epoch count";
        }
        int samples = LayerHealth.losses(result).length;
        if (result.epochs().size() < 3 && samples / 2 < MIN_HALF) {
            return String.format(Locale.ROOT, "a run of one or two epochs needs at least %d loss samples for a slope; "
                    + "this one has %d", 2 * MIN_HALF, samples);
        }
        return null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TrainingResult result = ctx.trainingResult();
        EpochMetrics last = result.lastEpoch();
        if (last.balancedAccuracy() >= GOOD_ENOUGH) {
            return List.of();
        }
        double drop;
        List<EpochMetrics> epochs = result.epochs();
        if (epochs.size() >= 3) {
            // A validation loss above its best is overfitting or noise, not a run cut short while learning.
            double best = LayerHealth.lowestValidationLoss(epochs.subList(0, epochs.size() - 1))
                    .orElse(Double.POSITIVE_INFINITY);
            if (!(last.validationLoss() < best)) {
                return List.of();
            }
            EpochMetrics before = epochs.get(epochs.size() - 2);
            double trainDrop = 1 - last.trainLoss() / before.trainLoss();
            double validationDrop = 1 - last.validationLoss() / before.validationLoss();
            drop = Math.min(trainDrop, validationDrop);
        } else {
            // One or two epochs: the least-squares slope of the loss over the second half of the iterations,
            // as the share of that half's mean it would still lose over another half like it.
            double[] losses = LayerHealth.losses(result);
            int half = losses.length / 2;
            drop = -slope(losses, losses.length - half, losses.length) * half
                    / LayerHealth.mean(losses, losses.length - half, losses.length);
            // Minibatch noise hides the slope of a short run; a run that has not clearly turned upwards over its second
            // half and lost a good share of its early loss was stopped while it was still learning.
            double early = LayerHealth.earlyLoss(losses);
            double late = LayerHealth.lateLoss(losses);
            if (!(drop > DROP) && drop > -2 * DROP && early > 0) {
                drop = Math.max(drop, (1 - late / early) / SHORT_RUN_DISCOUNT);
            }
        }
        if (!(drop > DROP)) {
            return List.of();
        }
        int epochsNow = ctx.config().training().epochs();
        int more = Math.max(3 * epochsNow, epochsNow + 5);
        double chance = ctx.chance();
        // "Not yet good" is balanced accuracy below 0.9; when its interval spans 0.9, the run may already be good.
        return Uncertainty.judge(List.of(finding(id(), last.balancedAccuracy() <= chance + 0.1 ? Severity.CRITICAL : Severity.WARNING,
                String.format(Locale.ROOT, "The loss was still falling %.0f%% per step of the curve when training stopped", 100 * drop),
                "The run ended while the network was still learning quickly. Early in training a network first learns "
                        + "the class frequencies — predicting the most common class — and only later the features that "
                        + "tell classes apart; stopping now freezes it in that first stage.",
                drop, DROP, "Karpathy's recipe / SageMaker Debugger LossNotDecreasing (inverted): a > 5% loss drop over "
                        + "the last epoch to a new lowest validation loss (or, for runs of one or two epochs, projected from the loss slope over the second half of the iterations, or a quarter of the early-to-late drop unless that half rises by more than 10%) with balanced accuracy < 0.9; tuned on the bundled scenarios",
                fix("Train for " + more + " epochs", Map.of(ConfigPaths.EPOCHS, more)))), "balanced accuracy",
                last.confusion(), GOOD_ENOUGH);
    }
}
