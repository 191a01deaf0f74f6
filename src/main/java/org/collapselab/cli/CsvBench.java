package org.collapselab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.data.csv.TableKindDetector;
import org.collapselab.core.experiment.RunOutcome;
import org.collapselab.core.experiment.TableExperiment;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunStarted;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.util.CancellationToken;

/**
 * {@code bench --data FILE.csv}: the reference network for the file's kind (tabular: dense 64 → dense 32; sequence:
 * conv1d 32 k5 → pool1d 2 → conv1d 64 k5 → globalpool → dense 32), Adam 1e-3, batch 32, trained through the same
 * table pipeline as {@code train} (stratified 80/20 split, training-split standardization), without a run folder.
 * Prints one JSON line with the fields of {@code docs/scripts/torch_csv_ref.py}. The table trainer keeps no model
 * for inference, so there is no inference figure.
 */
final class CsvBench {
    private CsvBench() {
    }

    static Map<String, Object> run(Path csv, int epochs) throws Exception {
        TableKind guessed = TableKindDetector.detect(csv).kind();
        DataKind kind = guessed == TableKind.SEQUENCE ? DataKind.SEQUENCE : DataKind.TABULAR;
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(kind), List.of(
                "name=bench", "training.epochs=" + epochs, "data.seed=0"));
        long start = System.nanoTime();
        TableDataset data = TableExperiment.load(csv, config);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        RunStarted[] started = new RunStarted[1];
        TrainingObserver observer = new TrainingObserver() {
            @Override
            public void onStarted(RunStarted s) {
                started[0] = s;
            }
        };
        RunOutcome outcome = TableExperiment.run(config, data, null, observer, new CancellationToken());
        List<EpochMetrics> all = outcome.result().epochs();
        if (all.isEmpty()) {
            throw new IllegalStateException(String.valueOf(outcome.result().message()));
        }
        List<EpochMetrics> steady = all.size() > 1 ? all.subList(1, all.size()) : all;
        double trainSeconds = steady.stream().mapToDouble(EpochMetrics::seconds).sum();
        EpochMetrics last = all.get(all.size() - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine", started[0] == null ? "dl4j" : "dl4j-" + started[0].backend().name() + "-"
                + started[0].backend().blas() + (started[0].backend().oneDnn() ? "-onednn" : ""));
        out.put("kind", kind.json());
        out.put("rows", data.count());
        out.put("features", data.featureCount());
        out.put("classes", data.classCount());
        out.put("load_s", round(loadSeconds, 3));
        out.put("train_rows_per_s", round(started[0].trainCount() * steady.size() / trainSeconds, 1));
        out.put("val_acc", round(last.validationAccuracy(), 4));
        out.put("val_balanced_acc", round(last.balancedAccuracy(), 4));
        return out;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
