package org.collapselab.core.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.Scenarios;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Monitoring overhead (issue 4, point 3): the same run with {@link MonitoringOptions#DEFAULT} and with
 * {@link MonitoringOptions#OFF}, alternated and repeated, comparing the best epoch-loop time of each.
 * Prints the figure; fails only on a gross regression (machines here are shared, so timings are noisy).
 */
@Tag("slow")
class MonitoringOverheadTest {
    @Test
    void monitoringCostsLittleTrainingTime() throws Exception {
        ExperimentConfig config = Scenarios.config("healthy-default");
        ImageDataset data = new DatasetLoader().load(Path.of("sample-data", "shapes"), config.data().imageSize(),
                config.data().channels(), ProgressObserver.NONE, CancellationToken.none());
        DataView[] views = ExperimentRunner.views(config, data, null);
        Dl4jTrainingEngine engine = new Dl4jTrainingEngine();
        engine.train(new TrainingRequest(config.withTraining(config.training().withEpochs(1)), views[0], views[1],
                MonitoringOptions.OFF), TrainingObserver.NONE, CancellationToken.none()); // warm-up
        double bestOn = Double.POSITIVE_INFINITY;
        double bestOff = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 3; round++) {
            bestOff = Math.min(bestOff, loopSeconds(engine, config, views, MonitoringOptions.OFF));
            bestOn = Math.min(bestOn, loopSeconds(engine, config, views, MonitoringOptions.DEFAULT));
        }
        double overhead = bestOn / bestOff - 1;
        System.out.printf("monitoring overhead: %.1f%% (epoch loops: off %.2f s, on %.2f s; %d train images %dx%d, "
                        + "%d epochs, layer sampling every %d iterations)%n", 100 * overhead, bestOff, bestOn,
                views[0].count(), config.data().imageSize(), config.data().imageSize(), config.training().epochs(),
                MonitoringOptions.DEFAULT.layerInterval());
        assertTrue(overhead < 0.5, "monitoring overhead " + overhead);
    }

    /** Sum of the epochs' minibatch-loop seconds (evaluation excluded, as in the engine's epoch timing). */
    private static double loopSeconds(Dl4jTrainingEngine engine, ExperimentConfig config, DataView[] views,
                                      MonitoringOptions monitoring) {
        TrainingResult r = engine.train(new TrainingRequest(config, views[0], views[1], monitoring), TrainingObserver.NONE,
                CancellationToken.none());
        return r.epochs().stream().mapToDouble(EpochMetrics::seconds).sum();
    }
}
