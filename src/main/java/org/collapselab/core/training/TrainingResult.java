package org.collapselab.core.training;

import java.util.List;

/**
 * The outcome of a run. {@code model} is the final model, the best one when early stopping
 * restored it, or the last good one when the run diverged; null only when training never started.
 * {@code iterations} and {@code layerHistory} are the monitoring history used by the diagnostics.
 */
public record TrainingResult(RunStatus status, List<EpochMetrics> epochs, CollapseVerdict collapse, TrainedModel model,
                             String message, List<IterationSample> iterations, List<LayerStatistics> layerHistory,
                             double seconds) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
        iterations = List.copyOf(iterations);
        layerHistory = List.copyOf(layerHistory);
    }

    public EpochMetrics lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
