package org.collapselab.core.training;

/**
 * Metrics after one epoch (design §6). Validation figures come from the validation split; when a
 * run has no validation images they are computed on the training split.
 */
public record EpochMetrics(int epoch, double trainLoss, double validationLoss, double trainAccuracy,
                           double validationAccuracy, double balancedAccuracy, double macroF1, double predictionShare,
                           double majorityBaseline, double seconds, ConfusionMatrix confusion) {

    public boolean collapsed() {
        return confusion.isCollapsed();
    }
}
