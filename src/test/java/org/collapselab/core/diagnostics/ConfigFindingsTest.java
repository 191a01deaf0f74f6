package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.junit.jupiter.api.Test;

class ConfigFindingsTest {

    private static List<String> ids(ExperimentConfig config, int classes) {
        return ConfigFindings.of(config, classes).stream().map(Finding::id).toList();
    }

    private static ExperimentConfig with(String... sets) throws Exception {
        return ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of(sets));
    }

    @Test
    void healthyDefaultsRaiseNothing() {
        assertTrue(ids(ConfigCodec.defaults(), 3).isEmpty());
    }

    @Test
    void flagsOutputActivationAndLossThatDoNotMatch() throws Exception {
        assertEquals(List.of("output-activation-mismatch"), ids(with("model.outputActivation=identity"), 3));
        assertEquals(List.of("output-activation-mismatch"), ids(with("model.outputActivation=sigmoid"), 3));
        assertEquals(List.of("output-activation-mismatch"), ids(with("model.loss=mse"), 3));
        assertTrue(ids(with("model.outputActivation=sigmoid", "model.loss=xent"), 2).isEmpty(), "binary sigmoid is fine");
        Finding f = ConfigFindings.of(with("model.outputActivation=identity"), 3).get(0);
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("softmax", f.fix().set().get("model.outputActivation"));
    }

    @Test
    void flagsSymmetricInitAndLinearLayersWithFixes() throws Exception {
        Finding init = ConfigFindings.of(with("model.weightInit=zero"), 3).get(0);
        assertEquals("symmetric-init", init.id());
        assertEquals("relu", init.fix().set().get("model.weightInit"));
        Finding linear = ConfigFindings.of(with("model.layers[0].activation=identity", "model.layers[4].activation=identity"), 3)
                .get(0);
        assertEquals("linear-hidden-activation", linear.id());
        assertEquals(2, linear.fix().set().size());
        assertEquals("relu", linear.fix().set().get("model.layers[4].activation"));
    }

    @Test
    void flagsLearningRatesOutsideTheOptimizersUsualRange() throws Exception {
        Finding high = ConfigFindings.of(with("training.learningRate=0.05"), 3).get(0);
        assertEquals("learning-rate-out-of-range", high.id());
        assertEquals(0.05, high.evidence().measured());
        assertEquals(org.collapselab.core.diagnostics.checks.LearningRateConfigCheck.range(org.collapselab.core.model.Optimizer.ADAM)[1], high.evidence().threshold());
        assertTrue(ids(with("training.optimizer=sgd", "training.learningRate=0.05"), 3).isEmpty(), "fine for SGD");
        assertEquals(List.of("learning-rate-out-of-range"), ids(with("training.learningRate=1e-6"), 3));
    }
}
