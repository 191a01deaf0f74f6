package org.collapselab.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.training.RunStarted;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;

/**
 * Collects training events on the training thread; the FX pump drains them in batches, so the UI
 * is updated a few times per second however fast iterations arrive. Lock-free and thread-safe.
 */
final class TrainingBuffer implements TrainingObserver {
    private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();

    @Override
    public void onStarted(RunStarted started) {
        events.add(started);
    }

    @Override
    public void onIteration(IterationSample sample) {
        events.add(sample);
    }

    @Override
    public void onLayerStatistics(LayerStatistics statistics) {
        events.add(statistics);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        events.add(metrics);
    }

    @Override
    public void onFinished(TrainingResult result) {
        events.add(result);
    }

    /** Everything received since the last drain, in order. */
    List<Object> drain() {
        List<Object> out = new ArrayList<>();
        for (Object e = events.poll(); e != null; e = events.poll()) {
            out.add(e);
        }
        return out;
    }
}
