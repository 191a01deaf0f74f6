package org.collapselab.core.training;

import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.experiment.RunOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
public class Dl4jTrainingEngineTest {
    private final ExperimentRunner runner = new ExperimentRunner(new Dl4jTrainingEngine());

    public static ExperimentConfig tiny(String... overrides) throws Exception {
        List<String> sets = new java.util.ArrayList<>(List.of(
                "data.imageSize=16", "data.channels=1", "training.epochs=8", "training.batchSize=16",
                "model.layers=[{\"type\":\"conv\",\"filters\":8,\"kernel\":3,\"activation\":\"relu\"},"
                        + "{\"type\":\"pool\",\"size\":2},{\"type\":\"dense\",\"units\":32,\"activation\":\"relu\"}]"));
        sets.addAll(List.of(overrides));
        return ConfigCodec.withOverrides(ConfigCodec.defaults(), sets);
    }

    @Test
    void learnsToSeparateBarOrientations() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 1, 40, 40, 40);
        RunOutcome outcome = runner.run(tiny(), data, null, null, TrainingObserver.NONE, CancellationToken.none());
        TrainingResult result = outcome.result();
        System.out.println("bars: " + result.epochs().stream().map(e -> String.format("%.2f", e.validationAccuracy())).toList()
                + " in " + result.seconds() + " s");
        assertEquals(RunStatus.COMPLETED, result.status());
        assertTrue(result.lastEpoch().validationAccuracy() >= 0.9, "validation accuracy " + result.lastEpoch().validationAccuracy());
        assertFalse(result.collapse().collapsed());
        assertFalse(result.layerHistory().isEmpty(), "layer statistics were sampled");
        LayerSample first = result.layerHistory().get(0).layers().get(0);
        assertTrue(Double.isFinite(first.updateRatio()) && first.updateRatio() > 0, "update ratio " + first);
        assertTrue(Double.isFinite(first.gradientNorm()) && first.gradientNorm() > 0, "gradient norm " + first);
    }

    @Test
    void hugeLearningRateIsReportedAsCollapsedOrDiverged() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 2, 30, 30, 30);
        RunOutcome outcome = runner.run(tiny("training.learningRate=5", "training.epochs=3"), data, null, null,
                TrainingObserver.NONE, CancellationToken.none());
        TrainingResult result = outcome.result();
        assertTrue(result.status() == RunStatus.DIVERGED || result.collapse().collapsed(),
                "status " + result.status() + ", collapse " + result.collapse());
    }
}
