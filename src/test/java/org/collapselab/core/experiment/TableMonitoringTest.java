package org.collapselab.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.checks.DeadReluCheck;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV runs go through the shared epoch loop, so they sample layer statistics as image runs do: per-layer dead share,
 * gradient norms and update ratios, which the dead-ReLU, saturation, gradient-flow and update-ratio checks read.
 */
class TableMonitoringTest {
    @TempDir
    Path dir;

    @Test
    void aSequenceRunRecordsStatisticsOfEveryLayerIncludingConv1d() throws Exception {
        // 48 training rows in batches of 8: 24 steps, so the statistics are sampled at steps 10 and 20.
        Path file = series(60, 32);
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(DataKind.SEQUENCE),
                List.of("training.epochs=4", "training.batchSize=8"));
        TableDataset data = TableExperiment.load(file, config);
        List<LayerStatistics> seen = new java.util.ArrayList<>();
        TrainingObserver observer = new TrainingObserver() {
            @Override
            public void onLayerStatistics(LayerStatistics statistics) {
                seen.add(statistics);
            }
        };
        TrainingResult result = TableExperiment.run(config, data, null, observer, CancellationToken.none()).result();
        assertFalse(result.layerHistory().isEmpty(), "no layer statistics on a CSV run: " + result.message());
        assertEquals(result.layerHistory().size(), seen.size(), "the observer sees each sample");
        List<LayerSample> layers = result.layerHistory().get(result.layerHistory().size() - 1).layers();
        // conv1d, pool1d, conv1d, globalpool, dense and the output layer.
        assertEquals(config.model().layers().size() + 1, layers.size(), layers.toString());
        LayerSample firstConv = layers.get(0);
        assertTrue(Double.isFinite(firstConv.deadFraction()), "dead share of the conv1d layer: " + firstConv);
        assertTrue(firstConv.gradientNorm() > 0, "gradient norm of the conv1d layer: " + firstConv);
        assertTrue(firstConv.updateRatio() > 0, "update ratio of the conv1d layer: " + firstConv);
    }

    @Test
    void deadReluJudgesACsvRunWhoseUnitsAnOversizedStepKilled() throws Exception {
        Path file = tabular(300);
        ExperimentConfig base = ConfigCodec.withOverrides(ConfigCodec.defaults(DataKind.TABULAR),
                List.of("training.epochs=4", "training.optimizer=sgd", "training.batchSize=16"));
        TableDataset data = TableExperiment.load(file, base);

        ExperimentConfig healthy = ConfigCodec.withOverrides(base, List.of("training.learningRate=0.05"));
        DiagnosticContext calm = judged(healthy, data);
        assertNull(new DeadReluCheck().notApplicable(calm), "the check must judge a CSV run");
        assertEquals(List.of(), new DeadReluCheck().run(calm, ProgressObserver.NONE, CancellationToken.none()));

        ExperimentConfig oversized = ConfigCodec.withOverrides(base, List.of("training.learningRate=10"));
        DiagnosticContext killed = judged(oversized, data);
        assertNull(new DeadReluCheck().notApplicable(killed));
        List<Finding> findings = new DeadReluCheck().run(killed, ProgressObserver.NONE, CancellationToken.none());
        assertEquals(1, findings.size(), "dead share per layer " + killed.trainingResult().layerHistory());
        assertTrue(findings.get(0).title().contains("are dead"), findings.get(0).title());
    }

    private static DiagnosticContext judged(ExperimentConfig config, TableDataset data) throws Exception {
        TrainingResult result = TableExperiment.run(config, data, null, TrainingObserver.NONE, CancellationToken.none())
                .result();
        return DiagnosticContext.forTable(config, data).trainingResult(result).build();
    }

    /** Two numeric columns whose sum decides the label. */
    private Path tabular(int rows) throws Exception {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < rows; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%s%n", a, b, random.nextGaussian(),
                    a + b > 0 ? "yes" : "no"));
        }
        return Files.writeString(dir.resolve("rows.csv"), csv);
    }

    /** Class "burst" has a block of +3 somewhere in the series; "flat" is noise only. */
    private Path series(int rows, int length) throws Exception {
        Random random = new Random(1);
        StringBuilder csv = new StringBuilder();
        for (int t = 0; t < length; t++) {
            csv.append("t").append(t).append(',');
        }
        csv.append("label\n");
        for (int i = 0; i < rows; i++) {
            boolean burst = i % 2 == 0;
            int at = random.nextInt(length - 6);
            for (int t = 0; t < length; t++) {
                double v = random.nextGaussian() * 0.3 + (burst && t >= at && t < at + 5 ? 3 : 0);
                csv.append(String.format(Locale.ROOT, "%.3f,", v));
            }
            csv.append(burst ? "burst" : "flat").append('\n');
        }
        return Files.writeString(dir.resolve("series.csv"), csv);
    }
}
