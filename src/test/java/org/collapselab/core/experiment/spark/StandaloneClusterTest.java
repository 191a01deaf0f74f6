package org.collapselab.core.experiment.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.Dl4jTrainingEngineTest;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.collapselab.testsupport.LocalSparkCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials on a standalone Spark cluster of two workers, each a separate JVM on 127.0.0.1, with one worker and its
 * executor killed in the middle of the sweep: Spark runs the lost trial again on the other worker and every trial
 * comes back once.
 */
@Tag("reliability")
class StandaloneClusterTest {
    @Test
    void aKilledWorkersTrialIsRetriedAndTheSweepCompletes(@TempDir Path dir) throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 5, 24, 24);
        List<SparkTrialTask> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(new SparkTrialTask(String.format("trial-%03d", i), ConfigCodec.toJson(Dl4jTrainingEngineTest.tiny(
                    "training.epochs=6", "training.learningRate=" + (0.0005 * (i + 1)))), false));
        }
        List<SparkTrialResult> results = new ArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        try (LocalSparkCluster cluster = LocalSparkCluster.start(dir.resolve("spark"), 2, 1);
             SparkTrials spark = new SparkTrials(cluster.masterUrl(), 1, LocalSparkCluster.driverConf())) {
            Thread killer = new Thread(() -> {
                // Kill a worker while a trial runs on its executor: once both executors train, a moment into their trials.
                long deadline = System.nanoTime() + 300_000_000_000L;
                while (System.nanoTime() < deadline && !killed.get()) {
                    List<ProcessHandle> executors = cluster.executors();
                    if (executors.size() >= 2 && spark.runningTasks() >= 2) {
                        try {
                            Thread.sleep(2000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        cluster.killWorker(0);
                        killed.set(true);
                        return;
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            killer.start();
            spark.run(data, null, tasks, results::add, new CancellationToken());
            killer.join();
        }
        assertTrue(killed.get(), "a worker was killed mid-sweep");
        assertEquals(6, results.size());
        Set<String> ids = new HashSet<>();
        int retried = 0;
        for (SparkTrialResult result : results) {
            assertNull(result.failure(), result.id());
            assertTrue(ids.add(result.id()), "each trial once");
            retried += result.attempt() > 0 ? 1 : 0;
            Path folder = dir.resolve(result.id());
            result.unpackInto(folder);
            assertEquals(RunStatus.COMPLETED, RunReport.read(folder).status());
        }
        assertTrue(retried >= 1, "the killed executor's trial ran again: " + results);
    }
}
