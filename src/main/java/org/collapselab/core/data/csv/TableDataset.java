package org.collapselab.core.data.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.data.LabelledData;
import org.collapselab.core.data.Split;

/**
 * The rows of a CSV file as float features with integer labels, in file order. Features are one flat
 * row-major array ({@code count × featureCount}); an empty cell is {@code NaN} until
 * {@link #withTrainingMeanImputed(int[])} fills it. For sequences the features of a row are the series,
 * time-major with interleaved channels ({@code t0c0, t0c1, t1c0…}), so feature {@code j} is channel
 * {@code j % channels}. Immutable; the arrays are copied in and out.
 *
 * @param source         the CSV file
 * @param kind           tabular or sequence
 * @param labelColumn    the column that held the labels
 * @param classes        class names, sorted (numerically when every label is a number)
 * @param labels         class index per row
 * @param featureNames   one name per feature: the column, or {@code column=level} for a one-hot feature
 * @param featureColumns the source column of each feature (several one-hot features share one)
 * @param channels       1 for tabular data; the interleaved channel count for sequences
 * @param lines          the 1-based file line of each row, so findings can point into the file
 * @param ignoredColumns sequence files only: text columns that are not part of the series
 * @param preview        the header and the first rows as read, for the Data screen
 */
public record TableDataset(Path source, TableKind kind, String labelColumn, List<String> classes, int[] labels,
                           float[] features, List<String> featureNames, List<String> featureColumns, int channels,
                           int[] lines, List<SkippedRow> skipped, MissingValueReport missing,
                           List<String> ignoredColumns, Preview preview) implements LabelledData {

    /** The first rows of the file as text (header included), before any conversion. */
    public record Preview(List<String> header, List<List<String>> rows) {
        public Preview {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public TableDataset {
        int n = labels.length;
        int f = featureNames.size();
        if (features.length != (long) n * f) {
            throw new IllegalArgumentException(features.length + " feature values for " + n + " rows × " + f);
        }
        if (lines.length != n || featureColumns.size() != f) {
            throw new IllegalArgumentException("lines, labels and feature columns differ in length");
        }
        if (channels < 1 || f % channels != 0) {
            throw new IllegalArgumentException(f + " features do not split into " + channels + " channels");
        }
        classes = List.copyOf(classes);
        labels = labels.clone();
        features = features.clone();
        featureNames = List.copyOf(featureNames);
        featureColumns = List.copyOf(featureColumns);
        lines = lines.clone();
        skipped = List.copyOf(skipped);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    public int count() {
        return labels.length;
    }

    public int classCount() {
        return classes.size();
    }

    public int featureCount() {
        return featureNames.size();
    }

    /** For sequences, the number of time steps; for tabular data, the number of features. */
    public int sequenceLength() {
        return featureCount() / channels;
    }

    public int label(int row) {
        return labels[row];
    }

    public float value(int row, int feature) {
        return features[row * featureCount() + feature];
    }

    /** Value of channel {@code channel} at time step {@code step} of a sequence row. */
    public float value(int row, int step, int channel) {
        return features[row * featureCount() + step * channels + channel];
    }

    /** A copy of one row's features. */
    public float[] row(int row) {
        float[] copy = new float[featureCount()];
        System.arraycopy(features, row * featureCount(), copy, 0, copy.length);
        return copy;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public float[] features() {
        return features.clone();
    }

    @Override
    public int[] lines() {
        return lines.clone();
    }

    public int line(int row) {
        return lines[row];
    }

    /** Number of rows per class, indexed like {@link #classes()}. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    public boolean hasMissingValues() {
        for (float v : features) {
            if (Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** The seeded stratified split the image pipeline uses, over the rows. */
    public Split split(double validationFraction, long seed) {
        return Split.stratified(labels, classes.size(), validationFraction, seed);
    }

    /**
     * Empty cells filled with each feature's mean over the {@code train} rows only, so nothing about the
     * validation rows leaks into training. A feature with no value in the training rows is filled with 0.
     */
    public TableDataset withTrainingMeanImputed(int[] train) {
        int f = featureCount();
        double[] sum = new double[f];
        int[] seen = new int[f];
        for (int row : train) {
            for (int j = 0; j < f; j++) {
                float v = features[row * f + j];
                if (!Float.isNaN(v)) {
                    sum[j] += v;
                    seen[j]++;
                }
            }
        }
        float[] filled = features.clone();
        Map<String, Double> means = new LinkedHashMap<>();
        boolean[] used = new boolean[f];
        for (int i = 0; i < filled.length; i++) {
            if (Float.isNaN(filled[i])) {
                int j = i % f;
                filled[i] = seen[j] == 0 ? 0f : (float) (sum[j] / seen[j]);
                used[j] = true;
            }
        }
        for (int j = 0; j < f; j++) {
            if (used[j]) {
                means.put(featureNames.get(j), seen[j] == 0 ? 0.0 : sum[j] / seen[j]);
            }
        }
        MissingValueReport report = new MissingValueReport(missing.policy(), missing.columns(), missing.rowsDropped(),
                means);
        return new TableDataset(source, kind, labelColumn, classes, labels, filled, featureNames, featureColumns,
                channels, lines, skipped, report, ignoredColumns, preview);
    }

    /** The same rows with every feature replaced by {@code standardizer}'s output. */
    public TableDataset standardized(TableStandardizer standardizer) {
        float[] out = features.clone();
        int f = featureCount();
        for (int row = 0; row < count(); row++) {
            standardizer.applyInPlace(out, row * f);
        }
        return new TableDataset(source, kind, labelColumn, classes, labels, out, featureNames, featureColumns,
                channels, lines, skipped, missing, ignoredColumns, preview);
    }

    @Override
    public int skippedCount() {
        return skipped.size();
    }

    /** The same rows with other labels (the label-shuffle test). */
    @Override
    public TableDataset withLabels(int[] newLabels) {
        return new TableDataset(source, kind, labelColumn, classes, newLabels, features, featureNames, featureColumns,
                channels, lines, skipped, missing, ignoredColumns, preview);
    }

    /** The same rows with every feature zero (the input-independent baseline). */
    @Override
    public TableDataset zeroed() {
        return new TableDataset(source, kind, labelColumn, classes, labels, new float[features.length], featureNames,
                featureColumns, channels, lines, skipped, missing, ignoredColumns, preview);
    }

    /**
     * The same rows with the values of {@code columnFeatures} (one source column: one feature, or its one-hot group,
     * moved together) shuffled among {@code rows} with a seeded shuffle. The column keeps its values and their spread
     * but no longer belongs to its row, so whatever it said about the row's label is gone (permutation importance,
     * Breiman 2001). Rows outside {@code rows} are unchanged.
     */
    public TableDataset withColumnPermuted(List<Integer> columnFeatures, int[] rows, long seed) {
        int f = featureCount();
        int[] order = rows.clone();
        java.util.Random random = new java.util.Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        float[] out = features.clone();
        for (int i = 0; i < rows.length; i++) {
            for (int feature : columnFeatures) {
                out[rows[i] * f + feature] = features[order[i] * f + feature];
            }
        }
        return new TableDataset(source, kind, labelColumn, classes, labels, out, featureNames, featureColumns,
                channels, lines, skipped, missing, ignoredColumns, preview);
    }

    /** A dataset of the chosen rows only (same classes and columns). */
    public TableDataset subset(int[] rows) {
        int f = featureCount();
        float[] sub = new float[rows.length * f];
        int[] subLabels = new int[rows.length];
        int[] subLines = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(features, rows[i] * f, sub, i * f, f);
            subLabels[i] = labels[rows[i]];
            subLines[i] = lines[rows[i]];
        }
        return new TableDataset(source, kind, labelColumn, classes, subLabels, sub, featureNames, featureColumns,
                channels, subLines, skipped, missing, ignoredColumns, preview);
    }

    /** The rows of {@code first} followed by those of {@code second}, which must have the same columns and classes. */
    public static TableDataset join(TableDataset first, TableDataset second) {
        if (!first.featureNames.equals(second.featureNames) || !first.classes.equals(second.classes)) {
            throw new IllegalArgumentException("tables with other columns or classes cannot be joined");
        }
        int n = first.count() + second.count();
        float[] joined = java.util.Arrays.copyOf(first.features, first.features.length + second.features.length);
        System.arraycopy(second.features, 0, joined, first.features.length, second.features.length);
        int[] joinedLabels = java.util.Arrays.copyOf(first.labels, n);
        System.arraycopy(second.labels, 0, joinedLabels, first.count(), second.count());
        int[] joinedLines = java.util.Arrays.copyOf(first.lines, n);
        System.arraycopy(second.lines, 0, joinedLines, first.count(), second.count());
        return new TableDataset(first.source, first.kind, first.labelColumn, first.classes, joinedLabels, joined,
                first.featureNames, first.featureColumns, first.channels, joinedLines, first.skipped, first.missing,
                first.ignoredColumns, first.preview);
    }

    /**
     * These rows in the columns and classes of {@code training}: features matched by name (a one-hot level the
     * training file never had is dropped, a training level absent here is 0), labels mapped by class name.
     *
     * @throws IllegalArgumentException when a training feature is missing here or a label is not a training class
     */
    public TableDataset alignedTo(TableDataset training) {
        return alignedTo(training.kind, training.channels, training.featureNames, training.featureColumns,
                training.classes);
    }

    /** As {@link #alignedTo(TableDataset)}, given the training file's kind, channels, features and classes. */
    public TableDataset alignedTo(TableKind trainedKind, int trainedChannels, List<String> trainedFeatures,
                                  List<String> trainedColumns, List<String> trainedClasses) {
        if (kind != trainedKind || channels != trainedChannels) {
            throw new IllegalArgumentException("the file is read as " + kind.json() + " with " + channels
                    + " channel(s); the model was trained on " + trainedKind.json() + " with " + trainedChannels);
        }
        int f = trainedFeatures.size();
        int[] from = new int[f];
        for (int j = 0; j < f; j++) {
            String name = trainedFeatures.get(j);
            from[j] = featureNames.indexOf(name);
            boolean oneHotLevel = !name.equals(trainedColumns.get(j));
            if (from[j] < 0 && !oneHotLevel) {
                throw new IllegalArgumentException("the column '" + name + "' the model was trained on is missing");
            }
        }
        int[] mapped = new int[count()];
        for (int i = 0; i < count(); i++) {
            mapped[i] = trainedClasses.indexOf(classes.get(labels[i]));
            if (mapped[i] < 0) {
                throw new IllegalArgumentException("line " + lines[i] + ": label '" + classes.get(labels[i])
                        + "' is not one of the model's classes " + trainedClasses);
            }
        }
        float[] out = new float[count() * f];
        for (int i = 0; i < count(); i++) {
            for (int j = 0; j < f; j++) {
                out[i * f + j] = from[j] < 0 ? 0f : features[i * featureCount() + from[j]];
            }
        }
        return new TableDataset(source, kind, labelColumn, trainedClasses, mapped, out, trainedFeatures,
                trainedColumns, channels, lines, skipped, missing, ignoredColumns, preview);
    }

    /** Feature indices per source column, in order: one entry for a numeric column, one per level for a one-hot one. */
    public Map<String, List<Integer>> featuresByColumn() {
        Map<String, List<Integer>> byColumn = new LinkedHashMap<>();
        for (int j = 0; j < featureColumns.size(); j++) {
            byColumn.computeIfAbsent(featureColumns.get(j), k -> new ArrayList<>()).add(j);
        }
        return byColumn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableDataset d && kind == d.kind && classes.equals(d.classes)
                && java.util.Arrays.equals(labels, d.labels) && java.util.Arrays.equals(features, d.features)
                && featureNames.equals(d.featureNames) && channels == d.channels
                && java.util.Arrays.equals(lines, d.lines);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(labels) + java.util.Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return "TableDataset[" + kind.json() + ", " + count() + " rows, " + featureCount() + " features, classes="
                + classes + "]";
    }
}
