package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.data.DataView;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerSpec;
import org.collapselab.core.training.BudgetExhaustedException;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code too-shallow} / {@code too-deep}: the user's run is far behind the reference network and the
 * network has no hidden layer, or very many. The reference first gets the shared short trial; when that is not yet
 * far enough ahead, it trains again for as many epochs as the user's run had (equal epochs, on at most the trial's
 * images), stopping at the first epoch that is: a lead shown then is not bought with more training than the user's.
 */
public final class CapacityCheck extends BaseCheck {
    public static final double BEHIND = 0.2;
    public static final int DEEP = 10;
    /**
     * The equal-epochs trial is at most this many trial lengths (12 epochs with the default 4). On the real textures
     * the reference led a network without hidden layers (0.40) by 0.12 after its 6 short-trial epochs, by 0.28 after
     * 7 and 0.43 after 12.
     */
    public static final int LONGEST_TRIALS = 3;

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
            TrainingResult equalEpochs = equalEpochsReference(ctx, user, cancel);
            if (equalEpochs != null) {
                reference = equalEpochs;
                ref = SharedExperiments.balancedAccuracy(reference, chance);
            }
        }
        if (ref - user < BEHIND) {
            return List.of();
        }
        int referenceEpochs = reference.epochs().size();
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerSpec l : SharedExperiments.reference(ctx).model().layers()) {
            layers.add(org.collapselab.core.util.Json.MAPPER.convertValue(l, Map.class));
        }
        boolean shallow = depth == 0;
        return List.of(finding(shallow ? "too-shallow" : "too-deep", Severity.WARNING,
                String.format(Locale.ROOT, "%d hidden layers; a small reference network does %.2f better after %d %s",
                        depth, ref - user, referenceEpochs, referenceEpochs == 1 ? "epoch" : "epochs"),
                shallow ? "Without hidden layers the model is a linear function of the pixels and cannot recognise a "
                        + "shape wherever it appears; the cheapest fit is the class frequencies."
                        : "So many layers are hard to train from scratch on a small dataset: signals and gradients fade "
                        + "through the stack, and the network settles on the most common class.",
                ref - user, BEHIND, "capacity comparison with a conv-pool-dense reference trained briefly (tuned on the bundled "
                        + "scenarios), or, when that is not enough, for no more epochs than the user's run (measured on "
                        + "real textures); depth 0 or ≥ " + DEEP,
                fix("Use the reference architecture", Map.of(ConfigPaths.LAYERS, layers))));
    }

    /**
     * The reference trained for as many epochs as the user's run (at most {@link #LONGEST_TRIALS} trial lengths),
     * ending at the first epoch {@link #BEHIND} ahead of {@code user}; null when that would be no longer than the
     * shared short trial, or when the experiment budget is spent.
     */
    static TrainingResult equalEpochsReference(DiagnosticContext ctx, double user, CancellationToken cancel) {
        if (ctx.trainingResult() == null) {
            return null;
        }
        ExperimentConfig reference = SharedExperiments.reference(ctx);
        int epochs = Math.min(ctx.trainingResult().epochs().size(),
                LONGEST_TRIALS * ctx.trials().budget().trialEpochs());
        if (epochs <= reference.training().epochs()) {
            return null;
        }
        DataView[] views = ctx.trialViews();
        // The trial stops on accuracy, which equals balanced accuracy on balanced classes; the verdict uses the latter.
        try {
            return ctx.trials().trainUntil(reference.withTraining(reference.training().withEpochs(epochs)), views[0],
                    views[1], MonitoringOptions.OFF, Math.min(1.0, user + BEHIND), cancel);
        } catch (BudgetExhaustedException e) {
            return null;
        }
    }
}
