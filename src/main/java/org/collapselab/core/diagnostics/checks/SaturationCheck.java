package org.collapselab.core.diagnostics.checks;

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
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** {@code saturated-activations}: a sigmoid/tanh layer with most outputs pinned near its asymptotes. */
public final class SaturationCheck extends BaseCheck {
    public static final double SATURATED = 0.5;

    public SaturationCheck() {
        super("saturation", List.of("saturated-activations"), "Saturated activations",
                "Measures how many sigmoid/tanh outputs sit at their limits, where the gradient is nearly zero.",
                Phase.TRAINING, false);
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
        String none = needsTraining(ctx);
        return none != null ? none : ctx.trainingResult().layerHistory().isEmpty() ? "monitoring was off" : null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        TrainingResult result = ctx.trainingResult();
        double[] saturated = LayerHealth.recentPerLayer(result.layerHistory(), LayerSample::saturatedFraction);
        int worst = -1;
        for (int i = 0; i < saturated.length; i++) {
            if (Double.isFinite(saturated[i]) && (worst < 0 || saturated[i] > saturated[worst])) {
                worst = i;
            }
        }
        if (worst < 0 || saturated[worst] <= SATURATED) {
            return List.of();
        }
        Map<String, Object> set = new LinkedHashMap<>(Fixes.activations(ctx.config(),
                List.of(Activation.SIGMOID, Activation.TANH), Activation.RELU));
        set.put(ConfigPaths.WEIGHT_INIT, "relu");
        return List.of(finding("saturated-activations", Severity.WARNING,
                String.format(Locale.ROOT, "%.0f%% of the outputs of '%s' are saturated", 100 * saturated[worst],
                        LayerHealth.layerName(result, worst)),
                "A sigmoid or tanh unit at its limit has almost zero slope, so it passes almost no gradient back and "
                        + "gives nearly the same output for every image. The layers after it see no difference between "
                        + "images and settle on one answer.",
                saturated[worst], SATURATED, "TheDeepChecker / DeepDiagnosis ICSE'22 saturation rule (share of activations "
                        + "within 1% of the asymptotes > 50%)",
                fix("Use ReLU activations with ReLU initialisation", set)));
    }
}
