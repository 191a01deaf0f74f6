package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * Update:parameter ratio bands (DL4J tuning guide, Karpathy: about 1e-3 is healthy). The median
 * ‖update‖/‖W‖ over layers and samples above {@link #HIGH} means {@code learning-rate-too-high};
 * below {@link #LOW} with a flat loss means {@code learning-rate-too-low}.
 */
public final class UpdateRatioCheck extends BaseCheck {
    /** Adam at 1e-3 gives ~1e-2 on small dense layers at the start, so the "too high" band starts above that. */
    public static final double HIGH = 4e-2;
    public static final double LOW = 1e-4;
    /** The loss counts as flat when the late loss is above this share of the early loss. */
    public static final double FLAT = 0.9;
    /** The first sampled iterations, where a too-high rate shows before the damage is done. */
    static final int EARLY_SAMPLES = 3;

    public UpdateRatioCheck() {
        super("update-ratio", List.of("learning-rate-too-high", "learning-rate-too-low"), "Update:parameter ratio",
                "Compares the size of each weight update with the size of the weights.", Phase.TRAINING, false);
    }

    @Override
    public boolean readsTrainingRun() {
        return true;
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        String none = needsTraining(ctx);
        if (none != null) {
            return none;
        }
        return ctx.trainingResult().layerHistory().isEmpty() ? "monitoring was off for this run" : null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TrainingResult result = ctx.trainingResult();
        double ratio = LayerHealth.medianOver(result.layerHistory(), LayerSample::updateRatio);
        // Early samples matter for "too high": once units die or saturate their updates shrink to nothing.
        double earlyRatio = LayerHealth.medianOver(result.layerHistory().subList(0,
                Math.min(EARLY_SAMPLES, result.layerHistory().size())), LayerSample::updateRatio);
        double[] perLayer = LayerHealth.recentPerLayer(result.layerHistory(), LayerSample::updateRatio);
        List<ChartData.Point> bars = new java.util.ArrayList<>();
        for (int i = 0; i < perLayer.length; i++) {
            if (Double.isFinite(perLayer[i]) && perLayer[i] > 0) {
                bars.add(ChartData.Point.bar(LayerHealth.layerName(result, i), Math.log10(perLayer[i])));
            }
        }
        ctx.chart(id(), ChartData.bar("update-ratio", "Update:parameter ratio per layer (recent samples)", "layer",
                        "log10(‖update‖ / ‖W‖)")
                .series("log10 ratio", bars)
                .marker("too high above 4e-2", ChartData.Axis.Y, Math.log10(HIGH))
                .marker("healthy ≈ 1e-3", ChartData.Axis.Y, -3)
                .marker("too low below 1e-4", ChartData.Axis.Y, Math.log10(LOW))
                .build());
        if (!Double.isFinite(ratio)) {
            return List.of();
        }
        double lr = ctx.config().training().learningRate();
        double good = Fixes.goodLearningRate(ctx);
        Map<String, Object> set = Map.of(ConfigPaths.LEARNING_RATE, good);
        String source = "DL4J tuning guide / Karpathy: ratio ≈ 1e-3 healthy; SageMaker Debugger and AUTOTRAINER use "
                + "update:weight ratios; bands >4e-2 high (median of the first samples or of all), <1e-4 low tuned on the bundled scenarios (Adam 1e-3 gives ~1e-2)";
        double high = Math.max(ratio, Double.isFinite(earlyRatio) ? earlyRatio : 0);
        if (high > HIGH && lr > good) {
            return List.of(finding("learning-rate-too-high", Severity.CRITICAL,
                    String.format(Locale.ROOT, "Each update changes the weights by %.1f%% of their size", 100 * high),
                    "Healthy training nudges weights by about a thousandth of their size per step. Updates this large "
                            + "rewrite the weights every step, so nothing learned survives; ReLU units get knocked into "
                            + "the dead zone and the network falls back to one answer.",
                    high, HIGH, source, fix("Lower the learning rate from " + lr + " to " + good, set)));
        }
        double[] losses = LayerHealth.losses(result);
        double early = LayerHealth.earlyLoss(losses);
        double late = LayerHealth.lateLoss(losses);
        boolean flat = Double.isFinite(early) && Double.isFinite(late) && late > FLAT * early;
        if (ratio < LOW && flat && lr < good) {
            return List.of(finding("learning-rate-too-low", Severity.CRITICAL,
                    String.format(Locale.ROOT, "Updates change the weights by only %.1e of their size and the loss is flat", ratio),
                    "Steps this small leave the network near its random start for the whole run. Its outputs then depend "
                            + "mostly on the output biases, which learn the class frequencies first: it predicts the "
                            + "most common class for everything.",
                    ratio, LOW, source, fix("Raise the learning rate from " + lr + " to " + good, set)));
        }
        return List.of();
    }
}
