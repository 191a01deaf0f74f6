package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
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

/**
 * {@code learning-rate-too-high} from the loss curve: divergence (NaN), a loss that ends higher than
 * it started, or spikes far above the loss of uniform guessing after the first steps.
 */
public final class LossDynamicsCheck extends BaseCheck {
    /** The late loss above this multiple of the early loss is divergence (AUTOTRAINER's "unstable" rule, tuned). */
    public static final double RISE = 1.1;
    /** A minibatch loss above this multiple of max(ln C, early loss) after warm-up is an oscillation spike. */
    public static final double SPIKE = 3.0;
    /**
     * Balanced accuracy this far above chance means the network had found the classes; falling from there to a collapsed
     * epoch in one epoch is a relapse. On our binary CSV scenario the run at lr 0.1 fell 0.87 → 0.50 in one epoch; the
     * run at lr 0.001 rose from 0.58 and never fell by more than 0.04.
     */
    static final double LEARNED_SKILL = 0.25;
    /** Fewer per-iteration losses show no trend. */
    static final int MIN_SAMPLES = 10;

    public LossDynamicsCheck() {
        super("loss-dynamics", List.of("learning-rate-too-high"), "Loss curve",
                "Looks for divergence, a rising loss and violent oscillation in the per-iteration loss.",
                Phase.TRAINING, false);
    }

    @Override
    public boolean readsTrainingRun() {
        return true;
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        String none = needsTraining(ctx);
        if (none != null || ctx.trainingResult().status() == RunStatus.DIVERGED) {
            return none;
        }
        int samples = LayerHealth.losses(ctx.trainingResult()).length;
        return samples < MIN_SAMPLES ? String.format(Locale.ROOT,
                "needs at least %d loss samples to see a trend; the run recorded %d", MIN_SAMPLES, samples) : null;
    }

    /** The epochs (1-based) that collapsed onto one class right after an epoch that had learned the classes. */
    static List<Integer> relapses(TrainingResult result, double chance) {
        List<Integer> epochs = new java.util.ArrayList<>();
        List<org.collapselab.core.training.EpochMetrics> all = result.epochs();
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).collapsed() && !all.get(i - 1).collapsed()
                    && all.get(i - 1).balancedAccuracy() >= chance + LEARNED_SKILL) {
                epochs.add(all.get(i).epoch());
            }
        }
        return epochs;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TrainingResult result = ctx.trainingResult();
        double[] losses = LayerHealth.losses(result);
        double good = Fixes.goodLearningRate(ctx);
        double lr = ctx.config().training().learningRate();
        Map<String, Object> set = Map.of(ConfigPaths.LEARNING_RATE, good);
        String source = "AUTOTRAINER ICSE'21 / DeepDiagnosis ICSE'22 exploding-loss and unstable-loss symptoms; "
                + "SageMaker Debugger LossNotDecreasing; thresholds tuned on the bundled scenarios";
        if (result.status() == RunStatus.DIVERGED) {
            return List.of(finding("learning-rate-too-high", Severity.CRITICAL, "The loss diverged to NaN/∞",
                    "The updates grew until the numbers overflowed. That is the signature of steps too large for the "
                            + "loss surface: each step overshoots further than the last.",
                    Double.NaN, 0, source, fix("Lower the learning rate from " + lr + " to " + good, set)));
        }
        if (lr <= good) {
            return List.of();
        }
        double early = LayerHealth.earlyLoss(losses);
        double late = LayerHealth.lateLoss(losses);
        double uniform = Math.log(Math.max(2, ctx.classCount()));
        if (late > RISE * early && late > 0.5 * uniform) {
            return List.of(finding("learning-rate-too-high", Severity.CRITICAL,
                    String.format(Locale.ROOT, "The loss rose during training (%.2f → %.2f)", early, late),
                    "Training should lower the loss. Here it ended higher than it began: the steps are so large that "
                            + "they overshoot every minimum, and the cheapest stable state is to predict one class.",
                    late / early, RISE, source, fix("Lower the learning rate from " + lr + " to " + good, set)));
        }
        int warmup = Math.max(5, losses.length / 10);
        double limit = SPIKE * Math.max(uniform, early);
        int spikes = 0;
        double worst = 0;
        for (int i = warmup; i < losses.length; i++) {
            if (losses[i] > limit) {
                spikes++;
            }
            worst = Math.max(worst, losses[i]);
        }
        List<Integer> relapses = relapses(result, ctx.chance());
        if (!relapses.isEmpty()) {
            boolean critical = relapses.size() >= 2 || result.collapse().collapsed();
            String curve = result.epochs().stream().map(e -> String.format(Locale.ROOT, "%.2f", e.balancedAccuracy()))
                    .collect(java.util.stream.Collectors.joining(", "));
            return List.of(finding("learning-rate-too-high", critical ? Severity.CRITICAL : Severity.WARNING,
                    String.format(Locale.ROOT, "The network learned and then fell back to one class %d %s (epoch %s)",
                            relapses.size(), relapses.size() == 1 ? "time" : "times", relapses.stream()
                                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))),
                    "Balanced accuracy by epoch: " + curve + ". A network that has found the classes and loses them "
                            + "again in the next epoch is taking steps too large to stay in a good region: one step "
                            + "throws it back onto the answer that is right most often. Where the run stops on that "
                            + "curve is luck; a lower learning rate makes it settle.",
                    relapses.size(), 1, source + "; a relapse is an epoch collapsed onto one class right after an "
                            + "epoch at least " + Math.round(100 * LEARNED_SKILL) + " points above chance",
                    fix("Lower the learning rate from " + lr + " to " + good, set)));
        }
        if (spikes >= 2) {
            return List.of(finding("learning-rate-too-high", Severity.WARNING,
                    String.format(Locale.ROOT, "%d loss spikes above %.1f after warm-up (worst %.1f)", spikes, limit, worst),
                    "The loss keeps jumping far above where it started, so each step throws away what the previous ones "
                            + "learned. The network ends wherever the last jump left it, often on one class.",
                    worst / Math.max(uniform, early), SPIKE, source,
                    fix("Lower the learning rate from " + lr + " to " + good, set)));
        }
        return List.of();
    }
}
