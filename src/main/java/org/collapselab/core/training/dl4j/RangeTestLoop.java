package org.collapselab.core.training.dl4j;

import java.util.Arrays;
import java.util.Random;
import org.collapselab.core.training.TrialRunner.RangeTest;
import org.collapselab.core.util.CancellationToken;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The learning-rate range test on a MultiLayerNetwork, shared by images and CSV rows: the rate rises exponentially
 * from {@code minLr} to {@code maxLr}, one minibatch per step, over reshuffled passes of the training indices.
 */
final class RangeTestLoop {

    /** Builds the minibatch of {@code order[from, to)}; may draw from the loop's random (augmentation). */
    interface Batches {
        DataSet batch(int[] order, int from, int to, Random random);
    }

    private RangeTestLoop() {
    }

    static RangeTest run(MultiLayerNetwork network, int[] trainIndices, int configuredBatchSize, long seed,
                         double minLr, double maxLr, int iterations, CancellationToken cancel, Batches batches) {
        Random random = new Random(seed);
        int[] order = trainIndices.clone();
        int batchSize = Math.min(configuredBatchSize, order.length);
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
            DataSet batch = batches.batch(order, from, from + batchSize, random);
            from += batchSize;
            network.fit(batch);
            double loss = network.score();
            lrs[i] = lr;
            losses[i] = loss;
            done = i + 1;
            if (!Double.isFinite(loss)) {
                break;
            }
            // Stop once the bias-corrected smoothed loss exceeds 4× its best: the rate has passed the useful range.
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
