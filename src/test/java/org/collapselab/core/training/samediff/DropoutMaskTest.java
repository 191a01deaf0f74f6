package org.collapselab.core.training.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.Dl4jTrainingEngineTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Dropout draws a new mask at every step, and the same masks again for the same seed. */
class DropoutMaskTest {

    private static double[] threeLosses(ExperimentConfig config) {
        SameDiffGraph graph = SameDiffGraph.build(config, 3, null, false);
        graph.listen();
        float[] pixels = new float[4 * 16 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 37 % 101) / 100f;
        }
        INDArray images = Nd4j.createFromArray(pixels).reshape(4, 16, 16, 1);
        INDArray labels = Nd4j.eye(3).getRows(0, 1, 2, 0).castTo(DataType.FLOAT);
        Map<String, INDArray> batch = Map.of(graph.trainingInput(), graph.trainingFeatures(images),
                SameDiffGraph.LABEL, labels);
        double[] losses = new double[3];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = graph.sd.output(batch, SameDiffGraph.LOSS).get(SameDiffGraph.LOSS).getDouble(0);
        }
        return losses;
    }

    @Test
    void masksChangeFromStepToStepAndRepeatForTheSameSeed() throws Exception {
        ExperimentConfig config = Dl4jTrainingEngineTest.tiny("model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,"
                + "\"activation\":\"relu\"},{\"type\":\"dropout\",\"rate\":0.5},{\"type\":\"dense\",\"units\":8,"
                + "\"activation\":\"relu\"},{\"type\":\"dropout\",\"rate\":0.5}]");
        double[] first = threeLosses(config);
        assertNotEquals(first[0], first[1], "a new mask at the second step");
        assertNotEquals(first[1], first[2], "a new mask at the third step");
        double[] again = threeLosses(config);
        for (int i = 0; i < first.length; i++) {
            assertEquals(first[i], again[i], 1e-9, "same seed, same mask at step " + i);
        }
    }
}
