package org.collapselab.core.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop during a sweep of real (tiny) trainings: the running trials end within a second, finished ones stay. */
@Tag("slow")
class SweepStopTest {
    @Test
    void stopEndsTheRunningTrialsWithinASecondAndKeepsTheFinishedOnes(@TempDir Path dir) throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 5, 30, 30);
        ExperimentConfig base = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("data.imageSize=16",
                "data.channels=1", "training.batchSize=4", "training.epochs=400",
                "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},"
                        + "{\"type\":\"pool\",\"size\":2},{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}]"));
        SweepSpec spec = new SweepSpec(SweepSpec.SCHEMA, "stop", "/in-memory", "auto", base,
                SweepSpecParser.parse(base, List.of("training.learningRate=1e-3,2e-3,3e-3,4e-3")), SweepSpec.GRID, 0, 1,
                Objective.BALANCED_ACCURACY, false, 3, 1);
        CancellationToken stop = new CancellationToken();
        AtomicLong stoppedAt = new AtomicLong();
        // The first trial trains 1 epoch and finishes; Stop is pressed at the third epoch of the second.
        TrainingObserver pressStop = new TrainingObserver() {
            @Override
            public void onEpoch(EpochMetrics m) {
                if (m.epoch() == 3 && stoppedAt.get() == 0) {
                    stoppedAt.set(System.nanoTime());
                    stop.cancel();
                }
            }
        };
        RunTrialWork work = new RunTrialWork(spec, dir, Engines::defaultEngine,
                (config, cancel) -> new ImageDataset[]{data, null},
                trial -> trial.index() == 2 ? pressStop : TrainingObserver.NONE);
        TrialWork firstIsShort = (trial, cancel) -> work.run(trial.index() == 1
                ? new Trial(trial.index(), trial.rung(), 1, trial.parameters()) : trial, cancel);

        SweepOutcome outcome = SweepRunner.run(spec, dir, new LocalTrialExecutor(1), firstIsShort, SweepListener.NONE, stop);
        double seconds = (System.nanoTime() - stoppedAt.get()) / 1e9;

        assertTrue(stoppedAt.get() > 0, "Stop was pressed");
        assertTrue(seconds < 1.0, "the sweep returned " + seconds + " s after Stop");
        assertFalse(outcome.complete());
        assertEquals(1, outcome.rows().size(), "the finished trial is kept, the stopped one is not recorded");
        assertEquals(1, TrialsCsv.read(dir, spec.parameterPaths()).size());
        System.out.printf("sweep stop latency %.3f s%n", seconds);
    }
}
