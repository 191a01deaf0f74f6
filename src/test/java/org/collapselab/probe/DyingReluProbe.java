package org.collapselab.probe;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.Scenarios;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.*;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.junit.jupiter.api.Test;

class DyingReluProbe {
    @Test
    void probe() throws Exception {
        ExperimentConfig base = Scenarios.config("healthy-default");
        ImageDataset data = new DatasetLoader().load(Path.of("sample-data", "shapes"), 24, 1, ProgressObserver.NONE, CancellationToken.none());
        DataView[] v = ExperimentRunner.views(base, data, null);
        Dl4jTrainingEngine e = new Dl4jTrainingEngine();
        String[][] cands = {{"training.learningRate=0.003", "training.epochs=12"}, {"training.learningRate=0.002", "training.epochs=12"},
                {"training.optimizer=nesterovs", "training.learningRate=0.01", "training.epochs=12"}, {"training.learningRate=0.1"}};
        for (String[] c : cands) {
            for (boolean leaky : new boolean[]{false}) {
                List<String> o = new java.util.ArrayList<>(List.of(c));
                if (leaky) { o.add("model.layers[0].activation=leakyrelu"); o.add("model.layers[2].activation=leakyrelu"); }
                ExperimentConfig cfg = ConfigCodec.withOverrides(base, o);
                TrainingResult r = e.train(new TrainingRequest(cfg, v[0], v[1], MonitoringOptions.DEFAULT), TrainingObserver.NONE, CancellationToken.none());
                List<LayerStatistics> h = r.layerHistory();
                String dead = h.isEmpty() ? "-" : h.get(h.size() - 1).layers().stream().map(l -> String.format("%.2f", l.deadFraction())).toList().toString();
                String ratio = h.isEmpty() ? "-" : h.get(0).layers().stream().map(l -> String.format("%.0e", l.updateRatio())).toList().toString();
                System.out.printf("PROBE %-60s leaky=%s bal=%.2f status=%s dead=%s ratio0=%s %.1fs%n", o.subList(0, c.length), leaky,
                        r.lastEpoch() == null ? 0 : r.lastEpoch().balancedAccuracy(), r.status(), dead, ratio, r.seconds());
            }
        }
    }
}
