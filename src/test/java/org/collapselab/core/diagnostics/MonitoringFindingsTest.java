package org.collapselab.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.Test;

/**
 * The findings a {@code train} report gets from its monitoring come from the same catalogue checks as
 * {@code diagnose}; these feed them hand-made monitoring histories.
 */
class MonitoringFindingsTest {
    private static final ConfusionMatrix OK = new ConfusionMatrix(List.of("a", "b"), new int[][]{{9, 1}, {1, 9}});

    /** Three weight layers with the given ratio, dead share, first-layer gradient norm and saturation. */
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

    private static List<EpochMetrics> epochs(double balancedAccuracy, double... validationLosses) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 0; i < validationLosses.length; i++) {
            epochs.add(new EpochMetrics(i + 1, validationLosses[i], validationLosses[i], balancedAccuracy, balancedAccuracy,
                    balancedAccuracy, balancedAccuracy, 0.5, 0.5, 1, OK));
        }
        return epochs;
    }

    /** Iteration losses falling linearly from {@code first} to {@code last}. */
    private static List<IterationSample> losses(double first, double last) {
        List<IterationSample> samples = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            samples.add(new IterationSample(i + 1, 1 + i / 20, first + (last - first) * i / 59.0, 1e-3));
        }
        return samples;
    }

    private static List<String> ids(String learningRate, List<LayerStatistics> history, List<EpochMetrics> epochs,
                                    List<IterationSample> iterations) throws Exception {
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(),
                List.of("training.learningRate=" + learningRate, "training.epochs=" + epochs.size()));
        TrainingResult result = new TrainingResult(RunStatus.COMPLETED, epochs, CollapseVerdict.of(epochs), null, null,
                iterations, history, 1);
        return MonitoringFindings.of(config, 2, result).stream().map(Finding::id).toList();
    }

    @Test
    void healthyNumbersRaiseNothing() throws Exception {
        assertEquals(List.of(), ids("0.001", history(1e-3, 0.3, 0.1, 0.1), epochs(0.95, 1.0, 0.8, 0.8, 0.81),
                losses(1.0, 0.3)));
    }

    @Test
    void flagsDeadReluAndHighUpdateRatios() throws Exception {
        List<String> found = ids("0.05", history(5e-2, 0.97, 0.1, 0.1), epochs(0.5, 1.0, 1.0, 1.0), losses(1.0, 1.0));
        assertTrue(found.contains("dead-relu"), found.toString());
        assertTrue(found.contains("learning-rate-too-high"), found.toString());
        assertFalse(ids("0.001", history(1e-3, 0.97, 0.1, 0.1), epochs(0.95, 1.0, 0.8, 0.8), losses(1.0, 0.3))
                .contains("learning-rate-too-high"), "ratios in the healthy band");
    }

    @Test
    void flagsTinyUpdatesOnlyWhenTheLossIsFlat() throws Exception {
        List<LayerStatistics> tiny = history(1e-6, 0.1, 0.1, 0.1);
        assertTrue(ids("1e-6", tiny, epochs(0.5, 0.69, 0.69, 0.69), losses(0.69, 0.69)).contains("learning-rate-too-low"));
        assertFalse(ids("1e-6", tiny, epochs(0.5, 0.69, 0.5, 0.4), losses(0.69, 0.3)).contains("learning-rate-too-low"));
    }

    @Test
    void flagsVanishingGradientsAndSaturation() throws Exception {
        List<String> found = ids("0.001", history(1e-3, 0.1, 1e-6, 0.95), epochs(0.5, 0.7, 0.7, 0.7), losses(0.7, 0.7));
        assertTrue(found.contains("vanishing-gradient"), found.toString());
        assertTrue(found.contains("saturated-activations"), found.toString());
    }

    @Test
    void readsTheLearningCurves() throws Exception {
        assertTrue(ids("0.001", List.of(), epochs(0.6, 1.0, 0.8, 0.6, 0.5), losses(1.0, 0.5)).contains("still-improving"));
        assertFalse(ids("0.001", List.of(), epochs(0.95, 1.0, 0.8, 0.6, 0.5), losses(1.0, 0.5)).contains("still-improving"),
                "good enough already");
        List<EpochMetrics> overfit = new ArrayList<>(epochs(0.9, 1.0, 0.5, 0.6));
        overfit.add(new EpochMetrics(4, 0.01, 0.9, 1.0, 0.6, 0.6, 0.6, 0.5, 0.5, 1, OK));
        assertTrue(ids("0.001", List.of(), overfit, losses(1.0, 0.01)).contains("overfitting"));
    }
}
