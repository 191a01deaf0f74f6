package org.collapselab.core.training.samediff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.data.Split;
import org.collapselab.core.model.Normalization;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The engine decision of issue 2: does a SameDiff graph of the same network, trained on the same
 * batches with the same optimiser, learn as well as MultiLayerNetwork? Prints both accuracies.
 */
@Tag("slow")
class SameDiffTrialTest {
    static final int SIZE = 16;
    static final int EPOCHS = 8;
    static final int BATCH = 16;

    @Test
    void sameDiffGraphLearnsLikeMultiLayerNetwork() throws Exception {
        ImageDataset data = InMemoryData.bars(SIZE, 1, 1, 40, 40, 40);
        RunOutcome reference = new ExperimentRunner(new Dl4jTrainingEngine()).run(
                org.collapselab.core.training.Dl4jTrainingEngineTest.tiny(), data, null, null, TrainingObserver.NONE,
                CancellationToken.none());
        double mlnAccuracy = reference.result().lastEpoch().validationAccuracy();

        Split split = Split.stratified(data.labels(), 3, 0.2, 42);
        DataView train = new DataView(data, split.train());
        DataView validation = new DataView(data, split.validation());
        Normalizer normalizer = Normalizer.fit(Normalization.SCALE, train);
        SameDiff sd = graph(3, 42);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(1e-3)).dataSetFeatureMapping("input")
                .dataSetLabelMapping("label").build());
        BatchFactory batches = new BatchFactory(normalizer, null, false);
        Random random = new Random(42);
        int[] order = train.indices().clone();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, random);
            for (int from = 0; from < order.length; from += BATCH) {
                DataSet batch = batches.batch(data, order, from, Math.min(order.length, from + BATCH), random);
                sd.fit(batch);
            }
        }
        DataSet all = BatchFactory.whole(validation, normalizer, false);
        INDArray probabilities = sd.output(Map.of("input", all.getFeatures()), List.of("probabilities")).get("probabilities");
        INDArray predicted = probabilities.argMax(1);
        INDArray actual = all.getLabels().argMax(1);
        double sameDiffAccuracy = predicted.eq(actual).castTo(DataType.FLOAT).meanNumber().doubleValue();
        System.out.printf("engine trial on %d×%d bars, %d epochs: MultiLayerNetwork %.3f, SameDiff %.3f%n", SIZE, SIZE,
                EPOCHS, mlnAccuracy, sameDiffAccuracy);
        assertTrue(mlnAccuracy >= 0.9, "MultiLayerNetwork learns: " + mlnAccuracy);
        assertTrue(Math.abs(sameDiffAccuracy - mlnAccuracy) <= 0.05,
                "SameDiff " + sameDiffAccuracy + " vs MultiLayerNetwork " + mlnAccuracy);
    }

    /** conv 8 3×3 relu → max-pool 2 → dense 32 relu → softmax, NCHW, He-normal init. */
    static SameDiff graph(int classes, long seed) {
        Nd4j.getRandom().setSeed(seed);
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder("input", DataType.FLOAT, -1, 1, SIZE, SIZE);
        SDVariable label = sd.placeHolder("label", DataType.FLOAT, -1, classes);
        SDVariable w0 = sd.var("w0", Nd4j.randn(DataType.FLOAT, 3, 3, 1, 8).muli(Math.sqrt(2.0 / 9)));
        SDVariable b0 = sd.var("b0", Nd4j.zeros(DataType.FLOAT, 8));
        SDVariable conv = sd.cnn().conv2d(input, w0, b0, Conv2DConfig.builder().kH(3).kW(3).build());
        SDVariable pooled = sd.cnn().maxPooling2d(sd.nn().relu(conv, 0), Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).build());
        int flat = 8 * 7 * 7;
        SDVariable flattened = sd.reshape(pooled, sd.constant(Nd4j.createFromArray(-1L, flat)));
        SDVariable w1 = sd.var("w1", Nd4j.randn(DataType.FLOAT, flat, 32).muli(Math.sqrt(2.0 / flat)));
        SDVariable b1 = sd.var("b1", Nd4j.zeros(DataType.FLOAT, 32));
        SDVariable hidden = sd.nn().relu(sd.nn().linear(flattened, w1, b1), 0);
        SDVariable w2 = sd.var("w2", Nd4j.randn(DataType.FLOAT, 32, classes).muli(Math.sqrt(2.0 / 32)));
        SDVariable b2 = sd.var("b2", Nd4j.zeros(DataType.FLOAT, classes));
        SDVariable logits = sd.nn().linear(hidden, w2, b2);
        sd.nn().softmax("probabilities", logits, 1);
        sd.loss().softmaxCrossEntropy("loss", label, logits, null);
        return sd;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
