package org.collapselab.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class RunFolderTest {
    static final List<String> TINY = List.of("data.imageSize=16", "data.channels=1", "training.batchSize=16",
            "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},{\"type\":\"pool\",\"size\":2},"
                    + "{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\"}]");

    static ExperimentConfig tiny(int epochs) throws Exception {
        List<String> sets = new java.util.ArrayList<>(TINY);
        sets.add("training.epochs=" + epochs);
        return ConfigCodec.withOverrides(ConfigCodec.defaults(), sets);
    }

    private final Dl4jTrainingEngine engine = new Dl4jTrainingEngine();

    @Test
    void completedRunFolderHoldsConfigMetricsReportAndAReloadableModel(@TempDir Path dir) throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 3, 20, 20);
        ExperimentConfig config = tiny(2);
        RunOutcome outcome = new ExperimentRunner(engine).run(config, data, null, dir, TrainingObserver.NONE,
                CancellationToken.none());

        assertEquals(config, ConfigCodec.read(dir.resolve("config.json")));
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(3, csv.size(), "header + one row per epoch: " + csv);
        assertTrue(csv.get(0).startsWith("epoch,trainLoss,validationLoss"), csv.get(0));
        RunReport report = RunReport.read(dir);
        assertEquals(RunStatus.COMPLETED, report.status());
        assertEquals("completed", report.displayStatus(dir));
        assertEquals(2, report.epochs().size());
        assertEquals(List.of("horizontal", "vertical"), report.dataset().classes());
        assertEquals(outcome.result().lastEpoch().balancedAccuracy(), report.finalResult().balancedAccuracy(), 1e-12);
        String json = Files.readString(dir.resolve("report.json"));
        for (String field : List.of("\"schema\"", "\"final\"", "\"collapse\"", "\"findings\"", "\"predictionShare\"",
                "\"majorityBaseline\"", "\"neverPredicted\"", "\"confusion\"", "\"backend\"")) {
            assertTrue(json.contains(field), "report.json lacks " + field);
        }
        assertFalse(Files.exists(dir.resolve("run.lock")), "lock released");
        // Each epoch keeps its own confusion matrix, so a reopened run replays them rather than the last one.
        List<EpochMetrics> reopened = org.collapselab.ui.runs.RunHistory.epochs(report);
        for (int e = 0; e < 2; e++) {
            assertArrayEquals(outcome.result().epochs().get(e).confusion().counts(), reopened.get(e).confusion().counts(),
                    "epoch " + (e + 1));
        }

        TrainedModel reloaded = engine.load(dir.resolve("model.zip"));
        DataView all = new DataView(data, org.collapselab.core.data.Split.all(data.count()).train());
        assertArrayEquals(outcome.result().model().predict(all), reloaded.predict(all));
        assertEquals(outcome.result().model().normalizer(), reloaded.normalizer());
    }

    @Test
    void stopMidRunEndsWithinASecondAndLeavesAStoppedRunFolder(@TempDir Path dir) throws Exception {
        ImageDataset data = InMemoryData.bars(16, 1, 4, 30, 30);
        CancellationToken cancel = new CancellationToken();
        AtomicLong cancelledAt = new AtomicLong();
        TrainingObserver stopAfterFirstEpoch = new TrainingObserver() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                cancelledAt.set(System.nanoTime());
                cancel.cancel();
            }
        };
        RunOutcome outcome = new ExperimentRunner(engine).run(tiny(50), data, null, dir, stopAfterFirstEpoch, cancel);
        double latency = (System.nanoTime() - cancelledAt.get()) / 1e9;
        System.out.printf("stop latency %.3f s%n", latency);
        assertTrue(latency < 1.0, "stopped after " + latency + " s");
        assertEquals(RunStatus.STOPPED, outcome.result().status());
        RunReport report = RunReport.read(dir);
        assertEquals(RunStatus.STOPPED, report.status());
        assertEquals(1, report.epochs().size());
        assertTrue(Files.exists(dir.resolve("model.zip")));
        assertEquals(2, Files.readAllLines(dir.resolve("metrics.csv")).size());
    }
}
