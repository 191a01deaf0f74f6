package org.collapselab.core.data;

import java.util.Random;
import org.collapselab.core.util.FloatArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Turns cached uint8 images into normalised NCHW (or, on request, NHWC) float batches with one-hot labels (or a single
 * 0/1 column for a binary sigmoid output). Augmentation, when given, is applied per image while
 * building the batch, so no augmented copy of the epoch is ever held. Not thread-safe (reuses buffers).
 */
public final class BatchFactory {
    /** Memory layout of the feature arrays: MultiLayerNetwork takes NCHW, the SameDiff engine NHWC (oneDNN's fast path). */
    public enum Layout { NCHW, NHWC }

    private final float[][] lookup;
    private final Layout layout;
    private final Augmenter augmenter;
    private final boolean singleOutput;
    private byte[] scratch = new byte[0];

    public BatchFactory(Normalizer normalizer, Augmenter augmenter, boolean singleOutput) {
        this(normalizer, augmenter, singleOutput, Layout.NCHW);
    }

    public BatchFactory(Normalizer normalizer, Augmenter augmenter, boolean singleOutput, Layout layout) {
        this.layout = layout;
        this.lookup = normalizer.lookupTables();
        this.augmenter = augmenter;
        this.singleOutput = singleOutput;
    }

    /** Builds the batch of {@code order[from..to)} which are indices into {@code data}. */
    public DataSet batch(ImageDataset data, int[] order, int from, int to, Random random) {
        int n = to - from;
        int size = data.imageSize();
        int channels = data.channels();
        int plane = size * size;
        int bytes = data.imageBytes();
        float[] features = new float[n * bytes];
        int classes = data.classCount();
        int outputs = singleOutput ? 1 : classes;
        float[] labels = new float[n * outputs];
        byte[] raw = data.rawPixels();
        if (augmenter != null && scratch.length < bytes) {
            scratch = new byte[bytes];
        }
        for (int i = 0; i < n; i++) {
            int index = order[from + i];
            byte[] src = raw;
            int offset = index * bytes;
            if (augmenter != null) {
                augmenter.augment(raw, offset, scratch, 0, size, channels, random);
                src = scratch;
                offset = 0;
            }
            int out = i * bytes;
            if (layout == Layout.NHWC) {
                // The cache is interleaved (pixel-major) already: copy through the per-channel tables.
                for (int p = 0, k = 0; p < plane; p++) {
                    for (int c = 0; c < channels; c++, k++) {
                        features[out + k] = lookup[c][src[offset + k] & 0xFF];
                    }
                }
            }
            for (int c = 0; c < channels && layout == Layout.NCHW; c++) {
                float[] table = lookup[c];
                int dst = out + c * plane;
                for (int p = 0; p < plane; p++) {
                    features[dst + p] = table[src[offset + p * channels + c] & 0xFF];
                }
            }
            int label = data.label(index);
            if (singleOutput) {
                labels[i] = label;
            } else {
                labels[i * outputs + label] = 1f;
            }
        }
        long[] shape = layout == Layout.NHWC ? new long[]{n, size, size, channels} : new long[]{n, channels, size, size};
        INDArray x = FloatArrays.of(features, shape);
        INDArray y = FloatArrays.of(labels, n, outputs);
        return new DataSet(x, y);
    }

    /** Convenience: the whole view as one batch (no augmentation). */
    public static DataSet whole(DataView view, Normalizer normalizer, boolean singleOutput) {
        return whole(view, normalizer, singleOutput, Layout.NCHW);
    }

    public static DataSet whole(DataView view, Normalizer normalizer, boolean singleOutput, Layout layout) {
        return new BatchFactory(normalizer, null, singleOutput, layout)
                .batch(view.dataset(), view.indices(), 0, view.count(), new Random(0));
    }
}
