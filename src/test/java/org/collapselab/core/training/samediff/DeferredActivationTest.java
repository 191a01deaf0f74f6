package org.collapselab.core.training.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.Normalization;
import org.collapselab.core.training.Dl4jTrainingEngineTest;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The training path moves a convolution's activation behind the max pool that follows it (fewer
 * elements to activate and differentiate). That is only allowed because the two orders give the
 * same loss and the same gradients; this compares them on one batch, parameter by parameter.
 */
class DeferredActivationTest {

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leakyrelu", "tanh"})
    void deferringTheActivationBehindMaxPoolChangesNeitherLossNorGradients(String activation) throws Exception {
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny(
                "model.layers=[{\"type\":\"conv\",\"filters\":6,\"kernel\":3,\"activation\":\"" + activation + "\"},"
                        + "{\"type\":\"pool\",\"size\":2},"
                        + "{\"type\":\"conv\",\"filters\":8,\"kernel\":3,\"activation\":\"" + activation + "\"},"
                        + "{\"type\":\"pool\",\"size\":2},{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\"}]");
        ImageDataset data = InMemoryData.bars(16, 1, 3, 8, 8, 8);
        DataView all = new DataView(data, java.util.stream.IntStream.range(0, data.count()).toArray());
        DataSet batch = BatchFactory.whole(all, Normalizer.fit(Normalization.SCALE, all), false, BatchFactory.Layout.NHWC);

        SameDiffGraph deferred = SameDiffGraph.build(config, 3, null, false, true);
        SameDiffGraph textbook = SameDiffGraph.build(config, 3, null, false, false);
        assertTrue(deferred.sd.getVariable(SameDiffGraph.LOSS) != null);
        assertTrue(deferred.sd.ops().length > textbook.sd.ops().length, "the deferred graph has its own training path");

        Map<String, INDArray> placeholders = Map.of(SameDiffGraph.INPUT, batch.getFeatures(),
                SameDiffGraph.LABEL, batch.getLabels());
        double lossDeferred = deferred.sd.output(placeholders, SameDiffGraph.LOSS).get(SameDiffGraph.LOSS).getDouble(0);
        double lossTextbook = textbook.sd.output(placeholders, SameDiffGraph.LOSS).get(SameDiffGraph.LOSS).getDouble(0);
        assertEquals(lossTextbook, lossDeferred, 1e-6 * Math.abs(lossTextbook));

        List<String> names = textbook.parameterNames();
        assertEquals(names, deferred.parameterNames());
        Map<String, INDArray> gradDeferred = deferred.sd.calculateGradients(placeholders, names);
        Map<String, INDArray> gradTextbook = textbook.sd.calculateGradients(placeholders, names);
        for (String name : names) {
            INDArray expected = gradTextbook.get(name);
            double scale = Math.max(1e-6, expected.norm2Number().doubleValue());
            double difference = expected.sub(gradDeferred.get(name)).norm2Number().doubleValue();
            assertTrue(difference <= 1e-5 * scale, activation + ": gradient of " + name + " differs by " + difference
                    + " (norm " + scale + ")");
            assertTrue(scale > 1e-6, "gradient of " + name + " is not zero, so the comparison means something");
        }
    }
}
