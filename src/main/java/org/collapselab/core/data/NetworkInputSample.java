package org.collapselab.core.data;

import java.util.Arrays;
import java.util.Random;
import org.collapselab.core.model.ExperimentConfig;

/**
 * What the network sees: a few training images after resize, normalisation and augmentation, exactly as the first
 * batch of a random epoch order builds them, as plain floats (NCHW per image). Blocking; call from a worker thread.
 *
 * @param values     {@code order.length × channels × size × size} floats
 * @param order      the dataset indices of the images, in the order of {@code values}
 * @param normalizer the normalisation fitted on the training split
 */
public record NetworkInputSample(float[] values, int[] order, Normalizer normalizer) {
    public static NetworkInputSample draw(ExperimentConfig config, ImageDataset data, int images, Random random) {
        DataView train = TrainingViews.of(config.data(), data, null).train();
        Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
        BatchFactory factory = new BatchFactory(normalizer, ImageAugmenter.from(config.data().augmentation()), false);
        int n = Math.min(images, train.count());
        int[] order = train.indices().clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] values = factory.batch(data, order, 0, n, random).getFeatures().data().asFloat();
        return new NetworkInputSample(values, Arrays.copyOf(order, n), normalizer);
    }
}
