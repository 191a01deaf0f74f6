package org.collapselab.core.experiment.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.Dl4jTrainingEngineTest;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sweeps, one Spark context after the other in one JVM (as a local master runs them): each trains on its own data. */
@Tag("slow")
class SparkContextsTest {
    @Test
    void aSecondContextDoesNotTrainOnTheFirstContextsData(@TempDir Path dir) throws Exception {
        assertEquals(24, trainedImages(InMemoryData.bars(16, 1, 5, 12, 12), dir.resolve("first")));
        assertEquals(40, trainedImages(InMemoryData.bars(16, 1, 5, 20, 20), dir.resolve("second")));
    }

    private static int trainedImages(ImageDataset data, Path folder) throws Exception {
        List<SparkTrialResult> results = new ArrayList<>();
        try (SparkTrials spark = new SparkTrials("local[1]", 1)) {
            String config = ConfigCodec.toJson(Dl4jTrainingEngineTest.tiny("training.epochs=1"));
            spark.run(data, null, List.of(new SparkTrialTask("trial-001", config, false)), results::add,
                    new CancellationToken());
        }
        assertNull(results.get(0).failure());
        results.get(0).unpackInto(folder);
        RunReport report = RunReport.read(folder);
        return report.dataset().train() + report.dataset().validation();
    }
}
