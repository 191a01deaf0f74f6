package org.collapselab.core.training;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * 95% intervals of a confusion matrix's metrics: the Wilson score interval for accuracy (a proportion of images
 * classified correctly), and a seeded percentile bootstrap for balanced accuracy and macro-F1, which are not
 * proportions. The bootstrap resamples the validation images with replacement within each true class (so every class
 * keeps its count and balanced accuracy stays defined); it needs only the confusion counts, since an image is its
 * (true, predicted) pair. The same counts and seed always give the same interval. Pure; any thread.
 */
public record MetricIntervals(Interval accuracy, Interval balancedAccuracy, Interval macroF1, int resamples) {
    /** Bootstrap resamples: 1,000 is the usual minimum for 95% percentile intervals (Efron and Tibshirani 1993, §13). */
    public static final int RESAMPLES = 1000;
    /** Fixed, so a report's intervals can be recomputed from its confusion counts. */
    public static final long SEED = 42;
    /** The two-sided 95% quantile of the standard normal distribution. */
    public static final double Z95 = 1.959963984540054;

    /** A closed interval [low, high] around a metric. */
    public record Interval(double low, double high) {
        /** Whether {@code threshold} lies strictly inside: the data cannot tell on which side the metric is. */
        public boolean spans(double threshold) {
            return low < threshold && threshold < high;
        }

        /** "86–94%" */
        public String percent() {
            return String.format(Locale.ROOT, "%.0f–%.0f%%", 100 * low, 100 * high);
        }

        /** "0.86–0.94" */
        public String decimals() {
            return String.format(Locale.ROOT, "%.2f–%.2f", low, high);
        }
    }

    /** The intervals of {@code m} with {@link #RESAMPLES} resamples and {@link #SEED}; null for an empty matrix. */
    public static MetricIntervals of(ConfusionMatrix m) {
        return of(m, RESAMPLES, SEED);
    }

    public static MetricIntervals of(ConfusionMatrix m, int resamples, long seed) {
        if (m == null || m.total() == 0) {
            return null;
        }
        int correct = 0;
        for (int i = 0; i < m.size(); i++) {
            correct += m.counts()[i][i];
        }
        Interval[] boot = bootstrap(m, resamples, seed);
        return new MetricIntervals(wilson(correct, m.total()), boot[0], boot[1], resamples);
    }

    /** Wilson's score interval (Wilson 1927; Newcombe 1998, method 3) for {@code successes} of {@code n}, at 95%. */
    public static Interval wilson(int successes, int n) {
        if (n <= 0) {
            return new Interval(0, 1);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Percentile intervals of balanced accuracy [0] and macro-F1 [1] over class-stratified resamples. */
    static Interval[] bootstrap(ConfusionMatrix m, int resamples, long seed) {
        int c = m.size();
        int[][] counts = m.counts();
        int[] rowTotals = m.actualCounts();
        // Each class row as a cumulative distribution over the predicted classes.
        int[][] cumulative = new int[c][c];
        for (int i = 0; i < c; i++) {
            int sum = 0;
            for (int j = 0; j < c; j++) {
                sum += counts[i][j];
                cumulative[i][j] = sum;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] balanced = new double[resamples];
        double[] f1 = new double[resamples];
        int[][] sample = new int[c][c];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < c; i++) {
                Arrays.fill(sample[i], 0);
                for (int k = 0; k < rowTotals[i]; k++) {
                    int draw = random.nextInt(rowTotals[i]);
                    int j = 0;
                    while (cumulative[i][j] <= draw) {
                        j++;
                    }
                    sample[i][j]++;
                }
            }
            ConfusionMatrix resampled = new ConfusionMatrix(m.labels(), sample);
            balanced[r] = resampled.balancedAccuracy();
            f1[r] = resampled.macroF1();
        }
        return new Interval[] {percentiles(balanced), percentiles(f1)};
    }

    /** The 2.5th and 97.5th percentiles (nearest rank). */
    private static Interval percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int low = (int) Math.floor(0.025 * (n - 1));
        int high = (int) Math.ceil(0.975 * (n - 1));
        return new Interval(sorted[low], sorted[high]);
    }
}
