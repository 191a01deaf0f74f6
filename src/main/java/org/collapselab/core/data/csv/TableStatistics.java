package org.collapselab.core.data.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.collapselab.core.data.ClassBalance;
import tech.tablesaw.api.DoubleColumn;

/**
 * What the Data screen and the data checks show about a loaded CSV: class counts with the shared imbalance
 * verdict, and a summary per feature (per channel for sequences, over all time steps). Computed with Tablesaw
 * columns on the values as loaded, so empty cells count as missing even when they will be imputed later.
 *
 * @param features one summary per feature (tabular) or per channel (sequence)
 */
public record TableStatistics(List<String> classes, ClassBalance balance, int rows, List<FeatureSummary> features,
                              List<SkippedRow> skipped, MissingValueReport missing) {

    /**
     * @param std the sample standard deviation (n − 1), as Tablesaw computes it; NaN for fewer than two values
     */
    public record FeatureSummary(String name, double mean, double std, double min, double max, int missing) {
    }

    /**
     * Counts of one feature's values in shared bins, per class, so the classes' distributions can be overlaid.
     *
     * @param edges  bins + 1 edges from the smallest to the largest value; the last bin includes the maximum
     * @param counts [class][bin]
     */
    public record FeatureHistogram(String feature, double[] edges, int[][] counts, int missing) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FeatureHistogram h && feature.equals(h.feature) && Arrays.equals(edges, h.edges)
                    && Arrays.deepEquals(counts, h.counts) && missing == h.missing;
        }

        @Override
        public int hashCode() {
            return feature.hashCode() + 31 * Arrays.deepHashCode(counts);
        }
    }

    /**
     * One row of a sequence file, for a line chart.
     *
     * @param values [channel][time step]
     */
    public record ExampleSeries(int line, int label, float[][] values) {
    }

    public static TableStatistics of(TableDataset data) {
        List<FeatureSummary> summaries = new ArrayList<>();
        if (data.kind() == TableKind.SEQUENCE) {
            for (int c = 0; c < data.channels(); c++) {
                String name = data.channels() == 1 ? "series" : "channel " + c;
                summaries.add(summarize(name, channelValues(data, c)));
            }
        } else {
            for (int j = 0; j < data.featureCount(); j++) {
                summaries.add(summarize(data.featureNames().get(j), featureValues(data, j)));
            }
        }
        return new TableStatistics(data.classes(), ClassBalance.of(data.classCounts()), data.count(),
                List.copyOf(summaries), data.skipped(), data.missing());
    }

    private static FeatureSummary summarize(String name, float[] values) {
        DoubleColumn column = DoubleColumn.create(name, values);
        int missing = column.countMissing();
        DoubleColumn present = column.removeMissing();
        if (present.isEmpty()) {
            return new FeatureSummary(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, missing);
        }
        double std = present.size() < 2 ? Double.NaN : present.standardDeviation();
        return new FeatureSummary(name, present.mean(), std, present.min(), present.max(), missing);
    }

    /** Per-class histogram of feature {@code feature} in {@code bins} equal-width bins over its observed range. */
    public static FeatureHistogram histogram(TableDataset data, int feature, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        }
        float[] values = featureValues(data, feature);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int missing = 0;
        for (float v : values) {
            if (Float.isNaN(v)) {
                missing++;
            } else {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int[][] counts = new int[data.classCount()][bins];
        if (missing == values.length) {
            return new FeatureHistogram(data.featureNames().get(feature), new double[bins + 1], counts, missing);
        }
        double width = max > min ? (max - min) / bins : 1;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = min + b * width;
        }
        for (int row = 0; row < values.length; row++) {
            if (!Float.isNaN(values[row])) {
                int bin = (int) Math.min(bins - 1, Math.floor((values[row] - min) / width));
                counts[data.label(row)][bin]++;
            }
        }
        return new FeatureHistogram(data.featureNames().get(feature), edges, counts, missing);
    }

    /**
     * Up to {@code perClass} series of each class, spread evenly over the class's rows in file order
     * (the first, the last and some between), so the same file always shows the same examples.
     */
    public static List<ExampleSeries> exampleSeries(TableDataset data, int perClass) {
        List<ExampleSeries> examples = new ArrayList<>();
        int length = data.sequenceLength();
        for (int c = 0; c < data.classCount(); c++) {
            List<Integer> rows = new ArrayList<>();
            for (int row = 0; row < data.count(); row++) {
                if (data.label(row) == c) {
                    rows.add(row);
                }
            }
            int take = Math.min(perClass, rows.size());
            for (int k = 0; k < take; k++) {
                int row = rows.get(take == 1 ? 0 : (int) Math.round((double) k * (rows.size() - 1) / (take - 1)));
                float[][] values = new float[data.channels()][length];
                for (int t = 0; t < length; t++) {
                    for (int ch = 0; ch < data.channels(); ch++) {
                        values[ch][t] = data.value(row, t, ch);
                    }
                }
                examples.add(new ExampleSeries(data.line(row), c, values));
            }
        }
        return examples;
    }

    private static float[] featureValues(TableDataset data, int feature) {
        float[] values = new float[data.count()];
        for (int row = 0; row < values.length; row++) {
            values[row] = data.value(row, feature);
        }
        return values;
    }

    private static float[] channelValues(TableDataset data, int channel) {
        int length = data.sequenceLength();
        float[] values = new float[data.count() * length];
        for (int row = 0; row < data.count(); row++) {
            for (int t = 0; t < length; t++) {
                values[row * length + t] = data.value(row, t, channel);
            }
        }
        return values;
    }
}
