package org.collapselab.core.data;

import java.util.Arrays;
import org.collapselab.core.model.Normalization;

/**
 * Maps uint8 pixels to network inputs. {@code scale} divides by 255; {@code standardize} also
 * subtracts the per-channel mean and divides by the per-channel standard deviation measured on
 * the training split only; {@code none} passes raw 0–255 values. Immutable; saved with the model
 * so prediction uses exactly the training-time transform.
 */
public record Normalizer(Normalization mode, double[] mean, double[] std) {

    public static Normalizer fit(Normalization mode, DataView train) {
        int channels = train.dataset().channels();
        double[] mean = new double[channels];
        double[] std = new double[channels];
        Arrays.fill(std, 1.0);
        if (mode == Normalization.STANDARDIZE && train.count() > 0) {
            ImageDataset data = train.dataset();
            int pixelsPerImage = data.imageSize() * data.imageSize();
            double[] sum = new double[channels];
            double[] sumSq = new double[channels];
            byte[] raw = data.rawPixels();
            for (int index : train.indices()) {
                int base = index * data.imageBytes();
                for (int p = 0; p < pixelsPerImage; p++) {
                    for (int c = 0; c < channels; c++) {
                        double v = (raw[base + p * channels + c] & 0xFF) / 255.0;
                        sum[c] += v;
                        sumSq[c] += v * v;
                    }
                }
            }
            double n = (double) train.count() * pixelsPerImage;
            for (int c = 0; c < channels; c++) {
                mean[c] = sum[c] / n;
                std[c] = Math.max(1e-3, Math.sqrt(Math.max(0, sumSq[c] / n - mean[c] * mean[c])));
            }
        }
        return new Normalizer(mode, mean, std);
    }

    /** Per-channel lookup tables: input value for every byte value, so normalising a batch is one array read per pixel. */
    public float[][] lookupTables() {
        float[][] tables = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int v = 0; v < 256; v++) {
                tables[c][v] = (float) switch (mode) {
                    case NONE -> v;
                    case SCALE -> v / 255.0;
                    case STANDARDIZE -> (v / 255.0 - mean[c]) / std[c];
                };
            }
        }
        return tables;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalizer n && mode == n.mode && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * mode.hashCode() + Arrays.hashCode(mean) + 7 * Arrays.hashCode(std);
    }
}
