package org.collapselab.core.diagnostics.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.model.Activation;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerSpec;
import org.collapselab.core.model.LayerType;
import org.collapselab.core.model.Optimizer;

/** Config changes shared by several checks, so equal remedies are written (and trialled) identically. */
final class Fixes {
    private Fixes() {
    }

    /**
     * The learning rate every "learning rate" fix proposes: the optimizer's usual default, so that the
     * config check, the range test and the monitoring propose (and trial) the same change. The range
     * test's own suggestion is reported in its evidence.
     */
    static double goodLearningRate(DiagnosticContext ctx) {
        return typicalLearningRate(ctx.config().training().optimizer());
    }

    static double typicalLearningRate(Optimizer optimizer) {
        return switch (optimizer) {
            case ADAM, RMSPROP -> 1e-3;
            case SGD, NESTEROVS -> 1e-2;
        };
    }

    /** One significant digit, so fixes read well and identical suggestions compare equal. */
    static double round(double value) {
        // Through decimal: 3 × 1e-5 in binary is 3.0000000000000004E-5, which a fix would show as typed.
        return new java.math.BigDecimal(value).round(new java.math.MathContext(1)).doubleValue();
    }

    /** Sets every weighted hidden layer whose activation is in {@code from} to {@code to}. */
    static Map<String, Object> activations(ExperimentConfig config, List<Activation> from, Activation to) {
        Map<String, Object> set = new LinkedHashMap<>();
        List<LayerSpec> layers = config.model().layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if ((layer.type() == LayerType.CONV || layer.type() == LayerType.DENSE) && from.contains(layer.activation())) {
                set.put(ConfigPaths.layer(i, "activation"), to.json());
            }
        }
        return set;
    }

    static boolean hasActivation(ExperimentConfig config, Activation activation) {
        return config.model().layers().stream().anyMatch(l -> l.activation() == activation);
    }

    static int weightedHiddenLayers(ExperimentConfig config) {
        return (int) config.model().layers().stream()
                .filter(l -> l.type() == LayerType.CONV || l.type() == LayerType.DENSE).count();
    }
}
