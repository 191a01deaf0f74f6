package org.collapselab.core.diagnostics.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.data.DataView;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.diagnostics.Uncertainty;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code needs-more-data}: the reference network trained on 10, 25, 50 and 100% of the (trial)
 * training images. Still rising clearly from 50% to 100% while not yet good means more data would help.
 * The curve is kept in the context under {@code "learningCurve"} for charts.
 */
public final class LearningCurveCheck extends BaseCheck {
    public static final double[] FRACTIONS = {0.10, 0.25, 0.50, 1.00};
    public static final double RISE = 0.10;
    public static final double GOOD_ENOUGH = 0.9;

    public LearningCurveCheck() {
        super("learning-curve", List.of("needs-more-data"), "Learning curve",
                "Trains the reference network on 10, 25, 50 and 100% of the data to see whether more data would help.",
                Phase.POST_TRAINING, true);
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return needsTrials(ctx);
    }

    /** Balanced accuracy against the percentage of the training images used, with the chance level. */
    public static ChartData chart(Map<Double, Double> curve, double chance) {
        List<ChartData.Point> points = new java.util.ArrayList<>();
        curve.forEach((fraction, accuracy) -> points.add(ChartData.Point.xy(100 * fraction, accuracy)));
        return ChartData.line("learning-curve", "Learning curve of the reference network", "% of the training images",
                        "balanced accuracy")
                .series("balanced accuracy", points)
                .marker(String.format(Locale.ROOT, "chance %.2f", chance), ChartData.Axis.Y, chance)
                .build();
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        DataView[] views = ctx.trialViews();
        Map<Double, Double> curve = new LinkedHashMap<>();
        TrainingResult fullRun = null;
        double chance = ctx.chance();
        for (int k = 0; k < FRACTIONS.length; k++) {
            double fraction = FRACTIONS[k];
            progress.progress(k, FRACTIONS.length, String.format(Locale.ROOT, "%.0f%% of the data", 100 * fraction));
            TrainingResult result = fraction >= 1 ? SharedExperiments.referenceRun(ctx, cancel)
                    : ctx.trials().train(SharedExperiments.reference(ctx), DiagnosticContext.cap(views[0],
                    Math.max(ctx.classCount() * 2, (int) Math.round(fraction * views[0].count())),
                    ctx.config().data().seed() + k), views[1], MonitoringOptions.OFF, cancel);
            curve.put(fraction, SharedExperiments.balancedAccuracy(result, chance));
            fullRun = result;
        }
        ctx.remember("learningCurve", curve);
        ctx.chart(id(), chart(curve, chance));
        double half = curve.get(0.50);
        double full = curve.get(1.00);
        if (!(full - half > RISE) || full >= GOOD_ENOUGH) {
            return List.of();
        }
        // The rise counts when the full-data accuracy is above half's + RISE; its interval may span that level.
        return Uncertainty.judge(List.of(finding("needs-more-data", Severity.INFO,
                String.format(Locale.ROOT, "Balanced accuracy still rises with more data: %s", curve.values().stream()
                        .map(v -> String.format(Locale.ROOT, "%.2f", v)).toList()),
                "Doubling the data from half to all of it still improved the reference network a lot, so the model is "
                        + "short of examples. With too few examples of each class, the most common class is the safest "
                        + "guess.",
                full - half, RISE, "learning curve at 10/25/50/100% of the data (Karpathy's recipe, 'get more data'); a "
                        + "rise > 0.10 from 50% to 100% below 0.9 balanced accuracy",
                new Fix("Collect more images per class (augmentation helps a little)", Map.of(), null))),
                "balanced accuracy", fullRun == null || fullRun.lastEpoch() == null ? null
                        : fullRun.lastEpoch().confusion(), half + RISE);
    }
}
