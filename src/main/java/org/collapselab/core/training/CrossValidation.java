package org.collapselab.core.training;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of k-fold cross-validation ({@code data.folds} ≥ 2): each fold's final metrics, and the mean, standard
 * deviation (sample, n − 1) and range of each metric across the folds. Every image is validated in exactly one fold,
 * so on a small dataset this measures far more images than one split does. Immutable.
 */
public record CrossValidation(int folds, List<Fold> results, Spread validationAccuracy, Spread balancedAccuracy,
                              Spread macroF1) {

    public CrossValidation {
        results = List.copyOf(results);
    }

    /** One fold: its number (1-based), sizes, epochs trained, status and final validation metrics. */
    public record Fold(int fold, int train, int validation, int epochs, String status, double validationAccuracy,
                       double balancedAccuracy, double macroF1) {
        /** Fold {@code fold}'s figures from its run; metrics are NaN when it finished no epoch. */
        public static Fold of(int fold, int train, int validation, TrainingResult result) {
            EpochMetrics last = result.lastEpoch();
            return new Fold(fold, train, validation, result.epochs().size(), result.status().json(),
                    last == null ? Double.NaN : last.validationAccuracy(),
                    last == null ? Double.NaN : last.balancedAccuracy(), last == null ? Double.NaN : last.macroF1());
        }
    }

    /** Mean, standard deviation and range of one metric across the folds that finished an epoch. */
    public record Spread(double mean, double std, double min, double max) {
        public static Spread of(double[] values) {
            double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
            if (finite.length == 0) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double mean = Arrays.stream(finite).average().orElseThrow();
            double squares = Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum();
            double std = finite.length < 2 ? 0 : Math.sqrt(squares / (finite.length - 1));
            return new Spread(mean, std, Arrays.stream(finite).min().orElseThrow(), Arrays.stream(finite).max().orElseThrow());
        }

        /** "0.81 ± 0.06 (0.72–0.90)" */
        public String describe() {
            return String.format(Locale.ROOT, "%.2f ± %.2f (%.2f–%.2f)", mean, std, min, max);
        }

        /** "81% ± 6 (72–90%)" */
        public String percent() {
            return String.format(Locale.ROOT, "%.1f%% ± %.1f (%.0f–%.0f%%)", 100 * mean, 100 * std, 100 * min, 100 * max);
        }
    }

    public static CrossValidation of(List<Fold> results) {
        return new CrossValidation(results.size(), results,
                Spread.of(results.stream().mapToDouble(Fold::validationAccuracy).toArray()),
                Spread.of(results.stream().mapToDouble(Fold::balancedAccuracy).toArray()),
                Spread.of(results.stream().mapToDouble(Fold::macroF1).toArray()));
    }

    /** "5-fold cross-validation: balanced accuracy 0.81 ± 0.06 (0.72–0.90), accuracy …, macro-F1 …" */
    public String summary() {
        return folds + "-fold cross-validation: balanced accuracy " + balancedAccuracy.describe() + ", accuracy "
                + validationAccuracy.describe() + ", macro-F1 " + macroF1.describe() + " (mean ± std (min–max))";
    }
}
