package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.collapselab.testsupport.InMemoryData;

/** Hand-built facts for the passive checks: configs, tiny datasets and monitoring histories, no DL4J. */
final class Facts {
    private Facts() {
    }

    static ExperimentConfig config(String... overrides) throws Exception {
        return ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of(overrides));
    }

    static ImageDataset bars(int... perClass) {
        return InMemoryData.bars(8, 1, 1, perClass);
    }

    static DiagnosticContext ctx(ExperimentConfig config, ImageDataset data, TrainingResult result) {
        return DiagnosticContext.builder(config, data).trainingResult(result).build();
    }

    /** Runs {@code check}; fails when it emits a finding id it does not declare or cites an internal document. */
    static List<Finding> run(BaseCheck check, DiagnosticContext ctx) {
        List<Finding> findings = check.run(ctx, ProgressObserver.NONE, CancellationToken.none());
        org.collapselab.testsupport.CatalogAssertions.declaredAndCited(check, findings);
        return findings;
    }

    /** A healthy-looking confusion for 3 classes with the given share correct. */
    static ConfusionMatrix confusion(int correctPerClass, int wrongPerClass) {
        int[][] counts = new int[3][3];
        for (int c = 0; c < 3; c++) {
            counts[c][c] = correctPerClass;
            counts[c][(c + 1) % 3] = wrongPerClass;
        }
        return new ConfusionMatrix(List.of("a", "b", "c"), counts);
    }

    static EpochMetrics epoch(int n, double trainLoss, double validationLoss, double trainAcc, ConfusionMatrix m) {
        return new EpochMetrics(n, trainLoss, validationLoss, trainAcc, m.accuracy(), m.balancedAccuracy(), m.macroF1(),
                m.predictionShare(), m.majorityBaseline(), 1, m);
    }

    /** A layer sample with only the named quantity set (others NaN). */
    static LayerSample layer(int index, double updateRatio, double gradientNorm, double dead, double saturated) {
        return new LayerSample(index, "layer " + index, updateRatio, gradientNorm, 0, 1, dead, saturated);
    }

    static TrainingResult result(RunStatus status, List<EpochMetrics> epochs, double[] losses,
                                 List<List<LayerSample>> layerSamples) {
        List<IterationSample> iterations = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            iterations.add(new IterationSample(i + 1, 1, losses[i], 1e-3));
        }
        List<LayerStatistics> history = new ArrayList<>();
        for (int k = 0; k < layerSamples.size(); k++) {
            history.add(new LayerStatistics(10L * (k + 1), 1, layerSamples.get(k)));
        }
        return new TrainingResult(status, epochs, CollapseVerdict.of(epochs), null, null, iterations, history, 1);
    }

    static double[] falling(int n, double from, double to) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = from + (to - from) * i / (n - 1.0);
        }
        return l;
    }
}
