package org.collapselab.core.data.csv;

import java.util.List;

/**
 * Mean and standard deviation of each input of a table as read from the file (before standardization): per feature
 * for tabular rows, per channel for series. Comparing the fingerprints of training, validation and prediction rows
 * reveals inputs prepared differently (other units, another scaling, a shifted sensor), as {@code InputFingerprint}
 * does for images. Immutable.
 *
 * @param inputs the feature names, or {@code channel N} for series
 */
public record TableFingerprint(List<String> inputs, double[] mean, double[] std, int rows) {

    public TableFingerprint {
        inputs = List.copyOf(inputs);
        mean = mean.clone();
        std = std.clone();
    }

    public static TableFingerprint of(TableDataset data, int[] rows) {
        boolean sequence = data.kind() == TableKind.SEQUENCE;
        int groups = sequence ? data.channels() : data.featureCount();
        double[] sum = new double[groups];
        double[] sumSq = new double[groups];
        long[] seen = new long[groups];
        for (int row : rows) {
            for (int j = 0; j < data.featureCount(); j++) {
                float v = data.value(row, j);
                if (!Float.isNaN(v)) {
                    sum[j % groups] += v;
                    sumSq[j % groups] += (double) v * v;
                    seen[j % groups]++;
                }
            }
        }
        double[] mean = new double[groups];
        double[] std = new double[groups];
        for (int g = 0; g < groups; g++) {
            mean[g] = seen[g] == 0 ? 0 : sum[g] / seen[g];
            std[g] = seen[g] == 0 ? 0 : Math.sqrt(Math.max(0, sumSq[g] / seen[g] - mean[g] * mean[g]));
        }
        List<String> names = sequence
                ? java.util.stream.IntStream.range(0, groups).mapToObj(c -> "channel " + c).toList()
                : data.featureNames();
        return new TableFingerprint(names, mean, std, rows.length);
    }

    /** The index of the input that moved most against {@code reference} (see {@link #shiftFrom}). */
    public int worstInput(TableFingerprint reference) {
        int worst = 0;
        double most = -1;
        for (int g = 0; g < Math.min(mean.length, reference.mean.length); g++) {
            double shift = shift(g, reference);
            if (shift > most) {
                most = shift;
                worst = g;
            }
        }
        return worst;
    }

    /**
     * The largest shift of an input's mean, in the reference's standard deviations, or of its spread
     * ({@code |log(std/std_ref)|}), whichever is larger. An input constant in the reference counts in raw units.
     */
    public double shiftFrom(TableFingerprint reference) {
        return mean.length == 0 ? 0 : shift(worstInput(reference), reference);
    }

    private double shift(int g, TableFingerprint reference) {
        double scale = reference.std[g] > 1e-9 ? reference.std[g] : 1;
        double meanShift = Math.abs(mean[g] - reference.mean[g]) / scale;
        double spread = reference.std[g] > 1e-9 && std[g] > 1e-9 ? Math.abs(Math.log(std[g] / reference.std[g])) : 0;
        return Math.max(meanShift, spread);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }
}
