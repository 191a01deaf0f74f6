package org.collapselab.core.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.Split;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.training.samediff.SameDiffTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Class weights with one sigmoid output and binary cross-entropy on images, on both engines. MultiLayerNetwork's loss
 * weight for the one column scaled every image alike (a no-op under Adam: weighted and unweighted runs trained the
 * same); weighted, the rare class must end with a clearly higher predicted probability.
 */
@Tag("slow")
class SingleSigmoidImageClassWeightsTest {
    @Test
    void classWeightsRaiseTheRareClassProbabilityOnBothEngines() throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 5, 180, 20);
        for (TrainingEngine engine : new TrainingEngine[]{new Dl4jTrainingEngine(), new SameDiffTrainingEngine()}) {
            ExperimentConfig plain = Dl4jTrainingEngineTest.tiny("model.outputActivation=sigmoid", "model.loss=xent",
                    "training.epochs=2");
            ExperimentConfig weighted = ConfigCodec.withOverrides(plain, java.util.List.of("data.balance=class-weights"));
            double plainShare = meanRareProbability(engine, plain, data);
            double weightedShare = meanRareProbability(engine, weighted, data);
            System.out.printf("%s: mean p(rare) unweighted %.3f, weighted %.3f%n", engine.getClass().getSimpleName(),
                    plainShare, weightedShare);
            assertTrue(weightedShare > plainShare + 0.1, engine.getClass().getSimpleName() + ": weighted "
                    + weightedShare + " vs unweighted " + plainShare);
        }
    }

    private static double meanRareProbability(TrainingEngine engine, ExperimentConfig config, ImageDataset data)
            throws Exception {
        TrainingResult result = new ExperimentRunner(engine).run(config, data, null, null, TrainingObserver.NONE,
                CancellationToken.none()).result();
        float[][] p = result.model().predictProbabilities(new DataView(data, Split.all(data.count()).train()));
        double sum = 0;
        for (float[] row : p) {
            sum += row[1];
        }
        return sum / p.length;
    }
}
