package org.collapselab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.Split;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NaN or infinite loss stops the run as diverged, with a finding, keeping the last good model. */
@Tag("slow")
class DivergenceTest {

    @Test
    void nanLossStopsTheRunAsDivergedAndKeepsTheLastGoodModel(@TempDir Path dir) throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 9, 30, 30, 30);
        // Raw 0–255 inputs, plain SGD at a huge learning rate and a linear network: the loss overflows within an epoch or two.
        var config = Dl4jTrainingEngineTest.tiny("data.normalization=none", "training.optimizer=sgd",
                "training.learningRate=10", "training.epochs=20", "model.outputActivation=identity", "model.loss=mse",
                "model.layers=[{\"type\":\"dense\",\"units\":64,\"activation\":\"identity\"}]");
        RunOutcome outcome = new ExperimentRunner(new Dl4jTrainingEngine()).run(config, data, null, dir,
                TrainingObserver.NONE, CancellationToken.none());
        TrainingResult result = outcome.result();
        assertEquals(RunStatus.DIVERGED, result.status(), result.message());
        assertTrue(result.message().contains("rolled back") || result.message().contains("validation loss became"),
                result.message());
        assertTrue(outcome.findings().stream().map(Finding::id).anyMatch("nan-loss"::equals), outcome.findings().toString());
        RunReport report = RunReport.read(dir);
        assertEquals(RunStatus.DIVERGED, report.status());
        if (!result.epochs().isEmpty()) {
            DataView all = new DataView(data, Split.all(data.count()).train());
            float[][] probabilities = result.model().predictProbabilities(all);
            for (float[] row : probabilities) {
                for (float p : row) {
                    assertTrue(Float.isFinite(p), "the kept model outputs finite values");
                }
            }
        }
        System.out.println("diverged run: " + result.message());
    }
}
