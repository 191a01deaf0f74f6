package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.junit.jupiter.api.Test;

class MonitoringFindingsTest {
    private static final ExperimentConfig CONFIG = ConfigCodec.defaults();
    private static final ConfusionMatrix OK = new ConfusionMatrix(List.of("a", "b"), new int[][]{{9, 1}, {1, 9}});

    /** Three weight layers with the given ratio, dead share, gradient norms first→last and saturation. */
    private static List<LayerStatistics> history(double ratio, double dead, double firstGradient, double saturated) {
        List<LayerStatistics> history = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            history.add(new LayerStatistics(i * 10, 1, List.of(
                    new LayerSample(0, "0 conv", ratio, firstGradient, 0.3, 0.4, dead, Double.NaN),
                    new LayerSample(1, "1 dense", ratio, 0.5, 0.3, 0.4, 0.1, saturated),
                    new LayerSample(2, "2 output", ratio, 1.0, 0.3, 0.4, Double.NaN, Double.NaN))));
        }
        return history;
    }

    private static List<EpochMetrics> epochs(double... validationLosses) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 0; i < validationLosses.length; i++) {
            epochs.add(new EpochMetrics(i + 1, 1.0 - 0.05 * i, validationLosses[i], 0.9, 0.9, 0.9, 0.9, 0.5, 0.5, 1, OK));
        }
        return epochs;
    }

    private static List<String> ids(List<LayerStatistics> history, List<EpochMetrics> epochs) {
        TrainingResult result = new TrainingResult(RunStatus.COMPLETED, epochs, CollapseVerdict.of(epochs), null, null,
                List.of(), history, 1);
        return MonitoringFindings.of(CONFIG, result).stream().map(Finding::id).toList();
    }

    @Test
    void healthyNumbersRaiseNothing() {
        assertEquals(List.of(), ids(history(1e-3, 0.3, 0.1, 0.1), epochs(1.0, 0.8, 0.8, 0.81)));
    }

    @Test
    void flagsDeadReluAndHighUpdateRatios() {
        List<String> found = ids(history(5e-2, 0.97, 0.1, 0.1), epochs(1.0, 1.0, 1.0));
        assertTrue(found.contains("dead-relu"), found.toString());
        assertTrue(found.contains("learning-rate-too-high"), found.toString());
    }

    @Test
    void flagsTinyUpdatesOnlyWhenTheLossIsFlat() {
        List<EpochMetrics> flat = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            flat.add(new EpochMetrics(i + 1, 1.0986, 1.0986, 0.5, 0.5, 0.5, 0.3, 0.5, 0.5, 1, OK));
        }
        assertTrue(ids(history(1e-6, 0.1, 0.1, 0.1), flat).contains("learning-rate-too-low"));
        assertTrue(!ids(history(1e-6, 0.1, 0.1, 0.1), epochs(1.0, 0.7, 0.5, 0.49)).contains("learning-rate-too-low"));
    }

    @Test
    void flagsVanishingGradientsAndSaturation() {
        List<String> found = ids(history(1e-3, 0.1, 1e-6, 0.95), epochs(1.0, 0.9, 0.9));
        assertTrue(found.contains("vanishing-gradient"), found.toString());
        assertTrue(found.contains("saturated-activations"), found.toString());
    }

    @Test
    void readsTheLearningCurves() {
        assertTrue(ids(List.of(), epochs(1.0, 0.8, 0.6, 0.5)).contains("still-improving"));
        List<EpochMetrics> overfit = new ArrayList<>(epochs(1.0, 0.5, 0.6));
        overfit.add(new EpochMetrics(4, 0.01, 0.9, 1.0, 0.7, 0.7, 0.7, 0.5, 0.5, 1, OK));
        assertTrue(ids(List.of(), overfit).contains("overfitting"));
    }
}
