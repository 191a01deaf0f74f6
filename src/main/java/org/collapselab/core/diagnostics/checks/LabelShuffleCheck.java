package org.collapselab.core.diagnostics.checks;

import java.util.List;
import java.util.Locale;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.LabelledData;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Fix;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code no-class-signal}, the label-shuffle test: a small known-good network trained on the real
 * labels must beat the same network trained on shuffled training labels. If it does not, the images
 * carry no learnable class signal and no setting will stop the collapse.
 */
public final class LabelShuffleCheck extends BaseCheck {
    public static final double MARGIN = 0.10;

    public LabelShuffleCheck() {
        super("label-shuffle", List.of("no-class-signal"), "Label-shuffle signal test",
                "Trains a known-good network on real and on shuffled labels: real labels must do clearly better.",
                Phase.POST_TRAINING, true);
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return needsTrials(ctx);
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        progress.progress(0, 2, "reference network, real labels");
        TrainingResult real = SharedExperiments.referenceRun(ctx, cancel);
        progress.progress(1, 2, "reference network, shuffled labels");
        DataView[] views = ctx.trialViews();
        LabelledData data = views[0].data();
        int[] labels = data.labels();
        int[] trainIdx = views[0].indices();
        int[] trainLabels = new int[trainIdx.length];
        for (int i = 0; i < trainIdx.length; i++) {
            trainLabels[i] = labels[trainIdx[i]];
        }
        int[] permuted = DiagnosticContext.shuffled(trainLabels, ctx.config().data().seed() + 99);
        for (int i = 0; i < trainIdx.length; i++) {
            labels[trainIdx[i]] = permuted[i];
        }
        LabelledData shuffled = data.withLabels(labels);
        DataView validation = views[1].data() == data ? new DataView(shuffled, views[1].indices()) : views[1];
        TrainingResult noise = ctx.trials().train(SharedExperiments.reference(ctx), new DataView(shuffled, trainIdx), validation,
                MonitoringOptions.OFF, cancel);
        double chance = ctx.chance();
        double realScore = SharedExperiments.balancedAccuracy(real, chance);
        double noiseScore = SharedExperiments.balancedAccuracy(noise, chance);
        ctx.remember("referenceBalancedAccuracy", realScore);
        ctx.chart(id(), ChartData.bar("label-shuffle", "Real vs shuffled labels", "training labels", "balanced accuracy")
                .series("balanced accuracy", List.of(ChartData.Point.bar("real labels", realScore),
                        ChartData.Point.bar("shuffled labels", noiseScore)))
                .marker(String.format(Locale.ROOT, "chance %.2f", chance), ChartData.Axis.Y, chance)
                .marker(String.format(Locale.ROOT, "real must reach %.2f", noiseScore + MARGIN), ChartData.Axis.Y, noiseScore + MARGIN)
                .build());
        if (realScore - noiseScore >= MARGIN) {
            return List.of();
        }
        int[] counts = views[0].classCounts();
        int largest = java.util.Arrays.stream(counts).max().orElse(0);
        int smallest = java.util.Arrays.stream(counts).filter(c -> c > 0).min().orElse(0);
        if (smallest > 0 && (double) largest / smallest > org.collapselab.core.data.ClassBalance.STRONG_RATIO) {
            // With a few images of the rare classes even the reference network may predict only the common one, whatever
            // the labels; the test cannot tell missing signal from imbalance then, and the imbalance finding covers it.
            return List.of();
        }
        return List.of(finding("no-class-signal", Severity.CRITICAL,
                String.format(Locale.ROOT, "Real labels do no better than shuffled ones (balanced accuracy %.2f vs %.2f)", realScore,
                        noiseScore),
                "A small network that trains well on ordinary images reaches the same score whether it sees the true "
                        + "labels or randomly shuffled ones. So, as far as any network can tell, the images do not show "
                        + "what their folder says; the best it can do is predict the most common class. Check the labels "
                        + "and the images themselves before changing the model.",
                realScore - noiseScore, MARGIN, "label-shuffle / randomisation test (Zhang et al. 2017; TheDeepChecker); "
                        + "real must beat shuffled by 0.10 balanced accuracy in a short trial (tuned on the no-signal scenario)",
                new Fix("Check that folder names match image content; collect images that show the classes", java.util.Map.of(),
                        null)));
    }
}
