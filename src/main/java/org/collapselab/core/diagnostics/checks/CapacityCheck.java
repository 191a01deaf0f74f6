package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.LayerSpec;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code too-shallow} / {@code too-deep}: the user's run is far behind the reference network and the
 * network has no hidden layer, or very many.
 */
public final class CapacityCheck extends BaseCheck {
    public static final double BEHIND = 0.2;
    public static final int DEEP = 10;

    public CapacityCheck() {
        super("capacity", List.of("too-shallow", "too-deep"), "Network depth",
                "Compares the run with a small known-good network when the network is very shallow or very deep.",
                Phase.POST_TRAINING, true);
    }

    @Override
    public boolean readsTrainingRun() {
        return true;
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        String none = needsTrials(ctx);
        if (none != null) {
            return none;
        }
        int depth = Fixes.weightedHiddenLayers(ctx.config());
        // The comparison trains a reference network, so it runs only where depth is a plausible cause.
        return depth > 0 && depth < DEEP ? String.format(Locale.ROOT, "the network has %d hidden %s; the comparison with "
                + "a reference network runs only for none or ≥ %d", depth, depth == 1 ? "layer" : "layers", DEEP) : null;
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        int depth = Fixes.weightedHiddenLayers(ctx.config());
        double chance = ctx.chance();
        double user = SharedExperiments.balancedAccuracy(ctx.trainingResult(), chance);
        TrainingResult reference = SharedExperiments.referenceRun(ctx, cancel);
        double ref = SharedExperiments.balancedAccuracy(reference, chance);
        if (ref - user < BEHIND) {
            return List.of();
        }
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerSpec l : SharedExperiments.reference(ctx).model().layers()) {
            layers.add(org.collapselab.core.util.Json.MAPPER.convertValue(l, Map.class));
        }
        boolean shallow = depth == 0;
        return List.of(finding(shallow ? "too-shallow" : "too-deep", Severity.WARNING,
                String.format(Locale.ROOT, "%d hidden layers; a small reference network does %.2f better", depth, ref - user),
                shallow ? "Without hidden layers the model is a linear function of the pixels and cannot recognise a "
                        + "shape wherever it appears; the cheapest fit is the class frequencies."
                        : "So many layers are hard to train from scratch on a small dataset: signals and gradients fade "
                        + "through the stack, and the network settles on the most common class.",
                ref - user, BEHIND, "capacity comparison with a conv-pool-dense reference trained briefly (tuned on the bundled "
                        + "scenarios); depth 0 or ≥ " + DEEP,
                fix("Use the reference architecture", Map.of(ConfigPaths.LAYERS, layers))));
    }
}
