package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.Activation;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code vanishing-gradient} / {@code exploding-gradient}: the median over sampled iterations of the
 * first weighted layer's gradient norm divided by the output layer's.
 */
public final class GradientFlowCheck extends BaseCheck {
    public static final double VANISHING = 1e-3;
    public static final double EXPLODING = 1e3;

    public GradientFlowCheck() {
        super("gradient-flow", List.of("vanishing-gradient", "exploding-gradient"), "Gradient flow",
                "Compares the gradient reaching the first layer with the gradient at the output.", Phase.TRAINING, false);
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

    /** Median first/last gradient-norm ratio over samples; NaN when not measurable. */
    public static double ratio(List<LayerStatistics> history) {
        List<Double> ratios = new ArrayList<>();
        for (LayerStatistics s : history) {
            LayerSample first = null;
            LayerSample last = null;
            for (LayerSample l : s.layers()) {
                if (Double.isFinite(l.gradientNorm())) {
                    first = first == null ? l : first;
                    last = l;
                }
            }
            if (first != null && last != null && first != last && last.gradientNorm() > 0) {
                ratios.add(first.gradientNorm() / last.gradientNorm());
            }
        }
        return LayerHealth.median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TrainingResult result = ctx.trainingResult();
        double ratio = ratio(result.layerHistory());
        if (!Double.isFinite(ratio)) {
            return List.of();
        }
        String source = "first-layer gradient norm < 1e-4 × the output layer's (AUTOTRAINER ICSE'21, "
                + "DeepDiagnosis ICSE'22 vanishing/exploding gradient); relaxed to 1e-3 after tuning on the bundled "
                + "deep-sigmoid scenario; exploding above 1e3";
        double[] dead = LayerHealth.recentPerLayer(result.layerHistory(), LayerSample::deadFraction);
        boolean deadUnits = java.util.Arrays.stream(dead).anyMatch(d -> d > DeadReluCheck.DEAD);
        // Dead ReLUs also starve early layers of gradient; that is the dead-relu finding, not a vanishing gradient.
        if (ratio < VANISHING && !deadUnits) {
            Map<String, Object> set = new LinkedHashMap<>(Fixes.activations(ctx.config(),
                    List.of(Activation.SIGMOID, Activation.TANH), Activation.RELU));
            set.put(ConfigPaths.WEIGHT_INIT, "relu");
            return List.of(finding("vanishing-gradient", Severity.CRITICAL,
                    String.format(Locale.ROOT, "The first layer gets %.1e of the output layer's gradient", ratio),
                    "Each sigmoid or tanh layer multiplies the gradient by at most 0.25 on its way back, so after several "
                            + "layers almost nothing reaches the early layers. They stay random, the features the output "
                            + "sees carry no class information, and the output learns only the class frequencies.",
                    ratio, VANISHING, source, fix("Use ReLU activations with ReLU (He) initialisation", set)));
        }
        if (ratio > EXPLODING) {
            double good = Fixes.goodLearningRate(ctx);
            return List.of(finding("exploding-gradient", Severity.CRITICAL,
                    String.format(Locale.ROOT, "The first layer gets %.1e times the output layer's gradient", ratio),
                    "Gradients grow on their way back through the layers until early weights take huge steps; the "
                            + "network's outputs swing wildly and then saturate on one class.",
                    ratio, EXPLODING, source, fix("Lower the learning rate and add batch normalisation",
                            Map.of(ConfigPaths.LEARNING_RATE, Math.min(good, ctx.config().training().learningRate() / 10)))));
        }
        return List.of();
    }
}
