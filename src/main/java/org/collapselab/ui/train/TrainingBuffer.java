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
 * is updated a few times per second however fast iterations arrive. The first iteration and each
 * epoch also ask for a drain at once ({@code urgent}), so the first chart point and the epoch's
 * metrics do not wait for the pump's next tick. Lock-free and thread-safe.
 */
final class TrainingBuffer implements TrainingObserver {
    private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();
    private final Runnable urgent;
    /** System.nanoTime() when each first event arrived on the training thread; 0 until then. */
    volatile long startedAt;
    volatile long firstIterationAt;
    volatile long firstEpochAt;

    /** @param urgent asks the FX thread to drain now (called on the training thread, rarely) */
    TrainingBuffer(Runnable urgent) {
        this.urgent = urgent;
    }

    TrainingBuffer() {
        this(() -> { });
    }

    @Override
    public void onStarted(RunStarted started) {
        if (startedAt == 0) {
            startedAt = System.nanoTime();
        }
        events.add(started);
    }

    @Override
    public void onIteration(IterationSample sample) {
        events.add(sample);
        if (firstIterationAt == 0) {
            firstIterationAt = System.nanoTime();
            urgent.run();
        }
    }

    @Override
    public void onLayerStatistics(LayerStatistics statistics) {
        events.add(statistics);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        events.add(metrics);
        if (firstEpochAt == 0) {
            firstEpochAt = System.nanoTime();
        }
        urgent.run();
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
