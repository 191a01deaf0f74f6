package org.collapselab.core.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of (true class, predicted class); rows are true classes. All metrics of design §6 derive
 * from it, so the GUI, the CLI and the diagnostics agree by construction. Immutable.
 */
public record ConfusionMatrix(List<String> labels, int[][] counts) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    public static ConfusionMatrix of(List<String> labels, int[] actual, int[] predicted) {
        int[][] counts = new int[labels.size()][labels.size()];
        for (int i = 0; i < actual.length; i++) {
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    public int size() {
        return labels.size();
    }

    public int total() {
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).sum();
    }

    public int[] actualCounts() {
        return Arrays.stream(counts).mapToInt(row -> Arrays.stream(row).sum()).toArray();
    }

    public int[] predictedCounts() {
        int[] predicted = new int[size()];
        for (int[] row : counts) {
            for (int j = 0; j < row.length; j++) {
                predicted[j] += row[j];
            }
        }
        return predicted;
    }

    public double accuracy() {
        int total = total();
        if (total == 0) {
            return 0;
        }
        int correct = 0;
        for (int i = 0; i < size(); i++) {
            correct += counts[i][i];
        }
        return (double) correct / total;
    }

    /** Recall of class {@code c}; NaN when it has no examples. */
    public double recall(int c) {
        int actual = Arrays.stream(counts[c]).sum();
        return actual == 0 ? Double.NaN : (double) counts[c][c] / actual;
    }

    public double precision(int c) {
        int predicted = predictedCounts()[c];
        return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
    }

    /** Mean recall over classes present in the data. */
    public double balancedAccuracy() {
        return Arrays.stream(range()).mapToDouble(this::recall).filter(r -> !Double.isNaN(r)).average().orElse(0);
    }

    /** Mean F1 over classes present in the data; a class never predicted scores 0. */
    public double macroF1() {
        return Arrays.stream(range()).filter(c -> !Double.isNaN(recall(c))).mapToDouble(c -> {
            double p = precision(c);
            double r = recall(c);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }).average().orElse(0);
    }

    /** Share of predictions taken by the most-predicted class (design §6). */
    public double predictionShare() {
        int total = total();
        return total == 0 ? 0 : (double) Arrays.stream(predictedCounts()).max().orElse(0) / total;
    }

    public int dominantPrediction() {
        int[] predicted = predictedCounts();
        int best = 0;
        for (int i = 1; i < predicted.length; i++) {
            if (predicted[i] > predicted[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Accuracy of always answering the most frequent true class. */
    public double majorityBaseline() {
        int total = total();
        return total == 0 ? 0 : (double) Arrays.stream(actualCounts()).max().orElse(0) / total;
    }

    /** Classes present in the data that were never predicted. */
    public List<String> neverPredicted() {
        int[] predicted = predictedCounts();
        int[] actual = actualCounts();
        List<String> never = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (predicted[i] == 0 && actual[i] > 0) {
                never.add(labels.get(i));
            }
        }
        return never;
    }

    /** Design §6: collapsed when predictionShare ≥ 0.95 and balancedAccuracy ≤ 1/C + 0.05. */
    public boolean isCollapsed() {
        return total() > 0 && predictionShare() >= 0.95 && balancedAccuracy() <= 1.0 / size() + 0.05;
    }

    private int[] range() {
        int[] r = new int[size()];
        Arrays.setAll(r, i -> i);
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && labels.equals(m.labels) && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + Arrays.deepHashCode(counts);
    }
}
