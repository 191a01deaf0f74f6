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
 * The training path takes two shortcuts: a convolution's activation moves behind the max pool that
 * follows it (fewer elements to activate and differentiate), and the first convolution runs as a
 * matmul over image patches (no gradient with respect to the images). Both are only allowed because
 * they give the same loss and the same gradients as the textbook graph; this compares the two on one
 * batch, parameter by parameter.
 */
class OptimisedTrainingPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"relu 1 1", "leakyrelu 1 1", "tanh 1 1", "relu 3 2", "sigmoid 3 1"})
    void shortcutsChangeNeitherLossNorGradients(String spec) throws Exception {
        String[] parts = spec.split(" ");
        String activation = parts[0];
        int channels = Integer.parseInt(parts[1]);
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny("data.channels=" + channels,
                "model.layers=[{\"type\":\"conv\",\"filters\":6,\"kernel\":3,\"stride\":" + parts[2]
                        + ",\"activation\":\"" + activation + "\"},"
                        + "{\"type\":\"pool\",\"size\":2},"
                        + "{\"type\":\"conv\",\"filters\":8,\"kernel\":2,\"activation\":\"" + activation + "\"},"
                        + "{\"type\":\"pool\",\"size\":2},{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\"}]");
        ImageDataset data = InMemoryData.bars(16, channels, 3, 8, 8, 8);
        DataView all = new DataView(data, java.util.stream.IntStream.range(0, data.count()).toArray());
        DataSet batch = BatchFactory.whole(all, Normalizer.fit(Normalization.SCALE, all), false, BatchFactory.Layout.NHWC);

        SameDiffGraph deferred = SameDiffGraph.build(config, 3, null, false, true);
        SameDiffGraph textbook = SameDiffGraph.build(config, 3, null, false, false);
        assertEquals(SameDiffGraph.PATCHES, deferred.trainingInput());
        assertEquals(SameDiffGraph.INPUT, textbook.trainingInput());

        Map<String, INDArray> placeholders = Map.of(SameDiffGraph.INPUT, batch.getFeatures(),
                SameDiffGraph.LABEL, batch.getLabels());
        Map<String, INDArray> patchPlaceholders = Map.of(SameDiffGraph.PATCHES,
                deferred.trainingFeatures(batch.getFeatures()), SameDiffGraph.LABEL, batch.getLabels());
        double lossDeferred = deferred.sd.output(patchPlaceholders, SameDiffGraph.LOSS).get(SameDiffGraph.LOSS).getDouble(0);
        double lossTextbook = textbook.sd.output(placeholders, SameDiffGraph.LOSS).get(SameDiffGraph.LOSS).getDouble(0);
        assertEquals(lossTextbook, lossDeferred, 1e-6 * Math.abs(lossTextbook));

        List<String> names = textbook.parameterNames();
        assertEquals(names, deferred.parameterNames());
        Map<String, INDArray> gradDeferred = deferred.sd.calculateGradients(patchPlaceholders, names);
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
