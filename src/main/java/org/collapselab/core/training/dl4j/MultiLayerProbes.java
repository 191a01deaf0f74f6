package org.collapselab.core.training.dl4j;

import java.util.Arrays;
import java.util.Random;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.OutputUnits;
import org.collapselab.core.training.TrialRunner.RangeTest;
import org.collapselab.core.util.CancellationToken;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The diagnostics' direct experiments on a {@link MultiLayerNetwork}: the loss of an untrained network and the
 * learning-rate range test (the rate rises exponentially per minibatch; stops once the smoothed loss explodes).
 * Same protocol as {@code SameDiffProbes}. Blocking.
 */
public final class MultiLayerProbes {
    private MultiLayerProbes() {
    }

    /** Mean loss of a freshly initialised network on {@code view}. */
    public static double initialLoss(ExperimentConfig config, DataView train, DataView view) {
        int classes = train.dataset().classCount();
        MultiLayerNetwork network = NetworkFactory.build(config, classes, null);
        boolean single = OutputUnits.single(config.model(), classes);
        Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
        Dl4jTrainedModel model = new Dl4jTrainedModel(network, config, train.dataset().classes(), normalizer, single, null,
                InputFingerprint.of(view));
        return model.loss(view);
    }

    /** Minibatch loss while the learning rate rises from {@code minLr} to {@code maxLr}. */
    public static RangeTest learningRateRange(ExperimentConfig config, DataView train, double minLr, double maxLr,
                                              int iterations, CancellationToken cancel) {
        int classes = train.dataset().classCount();
        MultiLayerNetwork network = NetworkFactory.build(config, classes, null);
        boolean single = OutputUnits.single(config.model(), classes);
        Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
        BatchFactory batches = new BatchFactory(normalizer, null, single);
        Random random = new Random(config.data().seed());
        int[] order = train.indices().clone();
        int batchSize = Math.min(config.training().batchSize(), order.length);
        double[] lrs = new double[iterations];
        double[] losses = new double[iterations];
        int done = 0;
        int from = order.length;
        double best = Double.POSITIVE_INFINITY;
        double smoothed = 0;
        for (int i = 0; i < iterations && !cancel.isCancelled(); i++) {
            if (from + batchSize > order.length) {
                shuffle(order, random);
                from = 0;
            }
            double lr = minLr * Math.pow(maxLr / minLr, (double) i / Math.max(1, iterations - 1));
            network.setLearningRate(lr);
            DataSet batch = batches.batch(train.dataset(), order, from, from + batchSize, random);
            from += batchSize;
            network.fit(batch);
            double loss = network.score();
            lrs[i] = lr;
            losses[i] = loss;
            done = i + 1;
            if (!Double.isFinite(loss)) {
                break;
            }
            smoothed = 0.9 * smoothed + 0.1 * loss;
            double corrected = smoothed / (1 - Math.pow(0.9, i + 1));
            best = Math.min(best, corrected);
            if (i > 10 && corrected > 4 * best) {
                break;
            }
        }
        return new RangeTest(Arrays.copyOf(lrs, done), Arrays.copyOf(losses, done));
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
