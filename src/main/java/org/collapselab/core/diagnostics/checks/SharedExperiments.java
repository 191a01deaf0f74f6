package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.model.Activation;
import org.collapselab.core.model.Balance;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerSpec;
import org.collapselab.core.model.LossFunction;
import org.collapselab.core.model.ModelConfig;
import org.collapselab.core.model.Normalization;
import org.collapselab.core.model.Optimizer;
import org.collapselab.core.model.OutputActivation;
import org.collapselab.core.model.TrainingConfig;
import org.collapselab.core.model.WeightInit;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;

/**
 * Experiments shared by several active checks and the cause ranking (the user's baseline trial, the
 * reference network), memoised in the context so each runs once per session.
 */
public final class SharedExperiments {
    private SharedExperiments() {
    }

    /** Balanced accuracy of a run's last epoch, chance when it produced none. */
    public static double balancedAccuracy(TrainingResult result, double chance) {
        EpochMetrics last = result == null ? null : result.lastEpoch();
        return last == null ? chance : last.balancedAccuracy();
    }

    /** The user's config as a short trial on the capped trial views (the "before" of every fix trial). */
    public static TrainingResult userBaseline(DiagnosticContext ctx, CancellationToken cancel) {
        return ctx.fact("trial:user-baseline", () -> {
            DataView[] views = ctx.trialViews();
            return ctx.trials().train(ctx.trialConfig(ctx.config()), views[0], views[1], MonitoringOptions.OFF, cancel);
        });
    }

    /**
     * A small known-good network on the user's data settings (for images conv 16 3×3 relu, pool 2, dense 64 relu;
     * for CSV data the reference layers of its kind;
     * softmax + mcxent, ReLU init, Adam 1e-3, class weights): it tells whether the data carries a learnable
     * signal independently of the user's model and training choices.
     */
    public static ExperimentConfig reference(DiagnosticContext ctx) {
        ExperimentConfig user = ctx.config();
        Normalization normalization = user.data().normalization() == Normalization.NONE
                ? Normalization.SCALE : user.data().normalization();
        List<LayerSpec> layers;
        if (user.data().kind().isTable()) {
            // CSV data: the reference layers of its kind (dense 64 → 32, or the 1-D CNN), standardized.
            layers = org.collapselab.core.model.ConfigCodec.referenceLayers(user.data().kind());
            normalization = Normalization.STANDARDIZE;
        } else {
            layers = new ArrayList<>(List.of(LayerSpec.conv(16, 3, Activation.RELU), LayerSpec.pool(2)));
            if (user.data().imageSize() >= 24) {
                layers.add(LayerSpec.conv(32, 3, Activation.RELU));
                layers.add(LayerSpec.pool(2));
            }
            layers.add(LayerSpec.dense(64, Activation.RELU));
        }
        return new ExperimentConfig(user.name() + "-reference",
                user.data().withNormalization(normalization).withBalance(Balance.CLASS_WEIGHTS)
                        .withAugmentation(org.collapselab.core.model.AugmentationConfig.NONE),
                new ModelConfig(layers, OutputActivation.SOFTMAX, LossFunction.MCXENT, WeightInit.RELU),
                new TrainingConfig(Optimizer.ADAM, 1e-3, 32, ctx.trials().budget().trialEpochs() + 2, 0, 0,
                        user.training().device()));
    }

    /** The reference network trained on the trial views (memoised). */
    public static TrainingResult referenceRun(DiagnosticContext ctx, CancellationToken cancel) {
        return ctx.fact("trial:reference", () -> {
            DataView[] views = ctx.trialViews();
            return ctx.trials().train(reference(ctx), views[0], views[1], MonitoringOptions.OFF, cancel);
        });
    }
}
