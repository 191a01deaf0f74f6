package org.collapselab.core.data.csv;

import java.util.Arrays;

/**
 * {@code (x − mean) / std} per feature for tabular data and per channel for sequences (every time step of a
 * channel shares one mean and std, so the shape of a series survives), fitted on the training rows only.
 * Empty cells are left out of the fit. A feature that is constant on the training rows keeps std 1, so it maps
 * to 0 rather than to infinity. Immutable; saved with the model so prediction applies the training-time transform.
 *
 * @param mean per feature (for sequences the channel's value repeated at every time step)
 * @param std  per feature, likewise
 */
public record TableStandardizer(double[] mean, double[] std) {
    private static final double CONSTANT = 1e-12;

    public TableStandardizer {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std differ in length");
        }
        mean = mean.clone();
        std = std.clone();
    }

    public static TableStandardizer fit(TableDataset data, int[] train) {
        int f = data.featureCount();
        int channels = data.kind() == TableKind.SEQUENCE ? data.channels() : f;
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        long[] seen = new long[channels];
        for (int row : train) {
            for (int j = 0; j < f; j++) {
                float v = data.value(row, j);
                if (!Float.isNaN(v)) {
                    int group = j % channels;
                    sum[group] += v;
                    sumSq[group] += (double) v * v;
                    seen[group]++;
                }
            }
        }
        double[] mean = new double[f];
        double[] std = new double[f];
        for (int j = 0; j < f; j++) {
            int group = j % channels;
            double m = seen[group] == 0 ? 0 : sum[group] / seen[group];
            double variance = seen[group] == 0 ? 0 : Math.max(0, sumSq[group] / seen[group] - m * m);
            mean[j] = m;
            std[j] = Math.sqrt(variance) < CONSTANT ? 1 : Math.sqrt(variance);
        }
        return new TableStandardizer(mean, std);
    }

    /** Standardizes the {@code mean.length} values of one row that start at {@code offset}, in place. */
    public void applyInPlace(float[] values, int offset) {
        for (int j = 0; j < mean.length; j++) {
            values[offset + j] = (float) ((values[offset + j] - mean[j]) / std[j]);
        }
    }

    /** A standardized copy of one row. */
    public float[] apply(float[] row) {
        float[] out = row.clone();
        applyInPlace(out, 0);
        return out;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableStandardizer s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }
}
