package org.collapselab.core.training;

/**
 * Callbacks from a training run, all on the training thread, in order: started, then iterations,
 * layer statistics and epochs interleaved, then finished once. Implementations must be quick;
 * a UI should buffer and coalesce (at most ~10 screen updates per second).
 */
public interface TrainingObserver {
    TrainingObserver NONE = new TrainingObserver() { };

    default void onStarted(RunStarted started) { }

    default void onIteration(IterationSample sample) { }

    default void onLayerStatistics(LayerStatistics statistics) { }

    default void onEpoch(EpochMetrics metrics) { }

    default void onFinished(TrainingResult result) { }

    /** Calls every observer in turn. */
    static TrainingObserver all(TrainingObserver... observers) {
        return new TrainingObserver() {
            @Override public void onStarted(RunStarted s) { for (TrainingObserver o : observers) o.onStarted(s); }
            @Override public void onIteration(IterationSample s) { for (TrainingObserver o : observers) o.onIteration(s); }
            @Override public void onLayerStatistics(LayerStatistics s) { for (TrainingObserver o : observers) o.onLayerStatistics(s); }
            @Override public void onEpoch(EpochMetrics m) { for (TrainingObserver o : observers) o.onEpoch(m); }
            @Override public void onFinished(TrainingResult r) { for (TrainingObserver o : observers) o.onFinished(r); }
        };
    }
}
