package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.Activation;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** {@code dead-relu}: a ReLU layer where more than half the units output zero for every probe image. */
public final class DeadReluCheck extends BaseCheck {
    /** Design §7 says 50%; healthy small nets on the samples showed up to 60% silent units in a 32-unit dense layer
     * on the 32-image probe batch, so warnings start at 80% (tuned on the bundled scenarios). */
    public static final double DEAD = 0.8;
    public static final double CRITICAL = 0.9;
    /** Dead share that counts when training has stalled at chance (AUTOTRAINER's threshold). */
    public static final double STALLED_DEAD = 0.5;
    static final int STALL_EPOCHS = 3;

    /**
     * After at least {@link #STALL_EPOCHS} epochs (a shorter run may simply not have started learning), the last fifth of
     * the iteration losses is within 10% of ln C and balanced accuracy within 0.1 of chance.
     */
    static boolean stalledAtChance(DiagnosticContext ctx, TrainingResult result) {
        double late = LayerHealth.lateLoss(LayerHealth.losses(result));
        double lnC = Math.log(Math.max(2, ctx.classCount()));
        return result.epochs().size() >= STALL_EPOCHS && Double.isFinite(late) && Math.abs(late - lnC) <= 0.1 * lnC
                && result.lastEpoch().balancedAccuracy() <= ctx.chance() + 0.1;
    }

    public DeadReluCheck() {
        super("dead-relu", List.of("dead-relu"), "Dead ReLU units",
                "Counts ReLU units that output zero for every image of a fixed probe batch.", Phase.TRAINING, false);
    }

    @Override
    public boolean readsTrainingRun() {
        return true;
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        String none = needsTraining(ctx);
        return none != null ? none : ctx.trainingResult().layerHistory().isEmpty() ? "monitoring was off" : null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TrainingResult result = ctx.trainingResult();
        double[] dead = LayerHealth.recentPerLayer(result.layerHistory(), LayerSample::deadFraction);
        List<ChartData.Point> bars = new java.util.ArrayList<>();
        for (int i = 0; i < dead.length; i++) {
            if (Double.isFinite(dead[i])) {
                bars.add(ChartData.Point.bar(LayerHealth.layerName(result, i), dead[i]));
            }
        }
        ctx.chart(id(), ChartData.bar("dead-relu", "Share of dead units per layer", "layer", "dead fraction")
                .series("dead fraction", bars)
                .marker(String.format(Locale.ROOT, "flagged above %.0f%%", 100 * DEAD), ChartData.Axis.Y, DEAD)
                .build());
        int worst = -1;
        for (int i = 0; i < dead.length; i++) {
            if (Double.isFinite(dead[i]) && (worst < 0 || dead[i] > dead[worst])) {
                worst = i;
            }
        }
        if (worst < 0) {
            return List.of();
        }
        // AUTOTRAINER's 50% counts when learning has stalled at chance level (the loss flat at ln C): then the dead
        // units are why nothing reaches the output. Healthy runs have up to ~75% silent units and a falling loss.
        boolean stalled = stalledAtChance(ctx, result);
        double threshold = stalled ? STALLED_DEAD : DEAD;
        if (dead[worst] <= threshold) {
            return List.of();
        }
        Map<String, Object> set = new java.util.LinkedHashMap<>(
                Fixes.activations(ctx.config(), List.of(Activation.RELU), Activation.LEAKYRELU));
        // Leaky ReLU only: when oversized steps killed the units, the learning-rate findings propose (and trial) the
        // lower rate, and the trials then show which change matters.
        return List.of(finding(id(), dead[worst] > CRITICAL || stalled ? Severity.CRITICAL : Severity.WARNING,
                String.format(Locale.ROOT, "%.0f%% of the units of '%s' are dead", 100 * dead[worst], LayerHealth.layerName(result, worst)),
                "A ReLU unit whose input is negative for every image outputs zero and gets zero gradient, so it never "
                        + "recovers. When most units are dead, almost nothing about the image reaches the output layer, "
                        + "which then learns the class frequencies and predicts the most common class.",
                dead[worst], threshold, "AUTOTRAINER ICSE'21 'dying ReLU' (> 50% of units dead on a probe batch); "
                        + "that 50% applies when the loss has stalled at ln C (" + (stalled ? "it has here" : "not here")
                        + "), otherwise 80% after tuning on the bundled healthy scenarios; critical above 90% or when stalled",
                fix("Use leaky ReLU, which keeps a small gradient for negative inputs", set)));
    }
}
