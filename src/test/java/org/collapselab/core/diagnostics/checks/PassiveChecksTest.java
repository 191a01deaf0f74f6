package org.collapselab.core.diagnostics.checks;

import static org.collapselab.core.diagnostics.checks.Facts.bars;
import static org.collapselab.core.diagnostics.checks.Facts.config;
import static org.collapselab.core.diagnostics.checks.Facts.confusion;
import static org.collapselab.core.diagnostics.checks.Facts.ctx;
import static org.collapselab.core.diagnostics.checks.Facts.epoch;
import static org.collapselab.core.diagnostics.checks.Facts.falling;
import static org.collapselab.core.diagnostics.checks.Facts.layer;
import static org.collapselab.core.diagnostics.checks.Facts.result;
import static org.collapselab.core.diagnostics.checks.Facts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.junit.jupiter.api.Test;

/** Each passive check on hand-built facts: it fires on the failure it describes and stays quiet on healthy facts. */
class PassiveChecksTest {
    private static final ImageDataset BALANCED = bars(30, 30, 30);

    private static void assertSingle(List<Finding> findings, String id, Severity severity) {
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(id, f.id());
        assertEquals(severity, f.severity());
        assertNotNull(f.evidence());
        assertTrue(f.evidence().source() != null && !f.evidence().source().isBlank(), "evidence has a source");
        assertTrue(f.explanation().length() > 40, "plain-language explanation");
    }

    @Test
    void flagsImbalanceWhenLargestClassExceedsRatio() throws Exception {
        DiagnosticContext c = ctx(config(), bars(120, 10, 10), null);
        List<Finding> f = run(new ClassImbalanceCheck(), c);
        assertSingle(f, "class-imbalance", Severity.CRITICAL);
        assertEquals("class-weights", f.get(0).fix().set().get("data.balance"));
        assertEquals(12, f.get(0).evidence().measured(), 1e-9);
    }

    @Test
    void findingTextsPrintNumbersWithADecimalPointUnderAGermanLocale() throws Exception {
        java.util.Locale previous = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.GERMANY);
        try {
            Finding f = run(new ClassImbalanceCheck(), ctx(config(), bars(120, 10, 10), null)).get(0);
            String source = f.evidence().source();
            assertTrue(source.matches(".*entropy \\d\\.\\d\\d.*"), source);
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @Test
    void imbalanceIsOnlyInfoWhenTheConfigAlreadyBalances() throws Exception {
        assertSingle(run(new ClassImbalanceCheck(), ctx(config("data.balance=class-weights"), bars(120, 10, 10), null)),
                "class-imbalance", Severity.INFO);
        assertTrue(run(new ClassImbalanceCheck(), ctx(config(), BALANCED, null)).isEmpty());
    }

    @Test
    void flagsTinyClasses() throws Exception {
        assertSingle(run(new TinyClassCheck(), ctx(config(), bars(30, 30, 5), null)), "tiny-class", Severity.WARNING);
        assertTrue(run(new TinyClassCheck(), ctx(config(), BALANCED, null)).isEmpty());
    }

    @Test
    void flagsRawPixelInputs() throws Exception {
        assertSingle(run(new InputsNotNormalizedCheck(), ctx(config("data.normalization=none"), BALANCED, null)),
                "inputs-not-normalized", Severity.WARNING);
        assertTrue(run(new InputsNotNormalizedCheck(), ctx(config(), BALANCED, null)).isEmpty());
    }

    @Test
    void shortcutProbeFindsBrightnessThatDecidesTheClass() throws Exception {
        ImageDataset shortcut = org.collapselab.testsupport.ScenarioData.of(
                org.collapselab.testsupport.ScenarioData.Kind.BRIGHTNESS_SHORTCUT, 8, 3);
        List<Finding> f = run(new ShortcutProbeCheck(), ctx(config("data.imageSize=8", "data.channels=1",
                "model.layers=[]"), shortcut, null));
        // Without a trained model the probe only says the shortcut is available (ShortcutRelianceTest judges models).
        assertSingle(f, "spurious-feature", Severity.INFO);
        // Image facts that say nothing about the class (same brightness, size and format everywhere).
        assertTrue(run(new ShortcutProbeCheck(), ctx(config(), BALANCED, null)).isEmpty());
    }

    @Test
    void flagsOutputActivationAndLossMismatches() throws Exception {
        assertSingle(run(new OutputActivationCheck(), ctx(config("model.outputActivation=identity"), BALANCED, null)),
                "output-activation-mismatch", Severity.CRITICAL);
        assertSingle(run(new OutputActivationCheck(), ctx(config("model.outputActivation=sigmoid"), BALANCED, null)),
                "output-activation-mismatch", Severity.CRITICAL);
        assertSingle(run(new OutputActivationCheck(), ctx(config("model.loss=mse"), BALANCED, null)),
                "output-activation-mismatch", Severity.WARNING);
        assertTrue(run(new OutputActivationCheck(), ctx(config(), BALANCED, null)).isEmpty());
        // Two classes with sigmoid + binary cross-entropy is the documented single-unit setup.
        assertTrue(run(new OutputActivationCheck(), ctx(config("model.outputActivation=sigmoid", "model.loss=xent"),
                bars(20, 20), null)).isEmpty());
    }

    @Test
    void flagsSymmetricInitAndProposesRandomInit() throws Exception {
        List<Finding> f = run(new SymmetricInitCheck(), ctx(config("model.weightInit=zero"), BALANCED, null));
        assertSingle(f, "symmetric-init", Severity.CRITICAL);
        assertEquals("relu", f.get(0).fix().set().get("model.weightInit"));
        assertTrue(run(new SymmetricInitCheck(), ctx(config(), BALANCED, null)).isEmpty());
    }

    @Test
    void flagsLinearHiddenLayers() throws Exception {
        List<Finding> f = run(new LinearHiddenActivationCheck(),
                ctx(config("model.layers[4].activation=identity"), BALANCED, null));
        assertSingle(f, "linear-hidden-activation", Severity.WARNING);
        assertEquals("relu", f.get(0).fix().set().get("model.layers[4].activation"));
    }

    @Test
    void flagsLearningRatesOutsideTheOptimizersRange() throws Exception {
        assertSingle(run(new LearningRateConfigCheck(), ctx(config("training.learningRate=0.1"), BALANCED, null)),
                "learning-rate-out-of-range", Severity.WARNING);
        assertSingle(run(new LearningRateConfigCheck(), ctx(config("training.optimizer=sgd",
                "training.learningRate=0.00001"), BALANCED, null)), "learning-rate-out-of-range", Severity.WARNING);
        assertTrue(run(new LearningRateConfigCheck(), ctx(config(), BALANCED, null)).isEmpty());
    }

    @Test
    void lossThatRisesMeansLearningRateTooHigh() throws Exception {
        double[] rising = falling(60, 1.1, 3.0);
        TrainingResult r = result(RunStatus.COMPLETED, List.of(epoch(1, 3, 3, 0.3, confusion(10, 0))), rising, List.of());
        assertSingle(run(new LossDynamicsCheck(), ctx(config("training.learningRate=0.05"), BALANCED, r)),
                "learning-rate-too-high", Severity.CRITICAL);
        TrainingResult healthy = result(RunStatus.COMPLETED, List.of(epoch(1, 0.3, 0.3, 0.9, confusion(10, 1))),
                falling(60, 1.1, 0.2), List.of());
        assertTrue(run(new LossDynamicsCheck(), ctx(config("training.learningRate=0.05"), BALANCED, healthy)).isEmpty());
    }

    @Test
    void aRunThatLearnsAndFallsBackToOneClassMeansLearningRateTooHigh() throws Exception {
        // The binary CSV run at Adam 0.1: balanced accuracy 0.50, 0.87, 0.50, 0.88 with a loss that still falls.
        ConfusionMatrix collapsed = new ConfusionMatrix(List.of("a", "b", "c"), new int[][]{{10, 0, 0}, {10, 0, 0},
                {10, 0, 0}});
        ConfusionMatrix learned = confusion(9, 1);
        List<EpochMetrics> swinging = List.of(epoch(1, 1, 1, 0.3, collapsed), epoch(2, 0.5, 0.5, 0.9, learned),
                epoch(3, 0.5, 0.5, 0.9, collapsed), epoch(4, 0.4, 0.4, 0.9, learned));
        List<Finding> once = run(new LossDynamicsCheck(), ctx(config("training.learningRate=0.05"), BALANCED,
                result(RunStatus.COMPLETED, swinging, falling(60, 1.1, 0.5), List.of())));
        assertSingle(once, "learning-rate-too-high", Severity.WARNING);
        assertTrue(once.get(0).title().contains("fell back to one class 1 time (epoch 3)"), once.get(0).title());
        assertEquals(0.001, once.get(0).fix().set().get("training.learningRate"));
        // Ending collapsed after having learned is critical: where the run stopped was luck.
        List<EpochMetrics> endsCollapsed = new ArrayList<>(swinging);
        endsCollapsed.add(epoch(5, 0.4, 0.4, 0.9, collapsed));
        assertSingle(run(new LossDynamicsCheck(), ctx(config("training.learningRate=0.05"), BALANCED,
                result(RunStatus.COMPLETED, endsCollapsed, falling(60, 1.1, 0.5), List.of()))),
                "learning-rate-too-high", Severity.CRITICAL);
        // A run that climbs out of collapse once and stays there, or one that never learned, is no relapse.
        List<EpochMetrics> climbing = List.of(epoch(1, 1, 1, 0.3, collapsed), epoch(2, 0.5, 0.5, 0.9, confusion(7, 3)),
                epoch(3, 0.4, 0.4, 0.9, learned));
        assertTrue(run(new LossDynamicsCheck(), ctx(config("training.learningRate=0.05"), BALANCED,
                result(RunStatus.COMPLETED, climbing, falling(60, 1.1, 0.5), List.of()))).isEmpty());
        List<EpochMetrics> weak = List.of(epoch(1, 1, 1, 0.3, confusion(4, 6)), epoch(2, 1, 1, 0.3, collapsed));
        assertTrue(run(new LossDynamicsCheck(), ctx(config("training.learningRate=0.05"), BALANCED,
                result(RunStatus.COMPLETED, weak, falling(60, 1.1, 0.5), List.of()))).isEmpty());
    }

    @Test
    void divergedRunMeansLearningRateTooHigh() throws Exception {
        TrainingResult r = result(RunStatus.DIVERGED, List.of(), new double[]{1, 5, Double.NaN}, List.of());
        assertSingle(run(new LossDynamicsCheck(), ctx(config("training.learningRate=0.05"), BALANCED, r)),
                "learning-rate-too-high", Severity.CRITICAL);
    }

    private static List<List<LayerSample>> samples(int count, LayerSample... layers) {
        List<List<LayerSample>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(List.of(layers));
        }
        return all;
    }

    @Test
    void updateRatioBandsSeparateTooHighFromTooLow() throws Exception {
        List<EpochMetrics> epochs = List.of(epoch(1, 1.1, 1.1, 0.3, confusion(10, 0)));
        TrainingResult high = result(RunStatus.COMPLETED, epochs, falling(40, 1.1, 1.0),
                samples(5, layer(0, 0.3, 1, Double.NaN, Double.NaN), layer(1, 0.2, 1, Double.NaN, Double.NaN)));
        assertSingle(run(new UpdateRatioCheck(), ctx(config("training.learningRate=0.05"), BALANCED, high)),
                "learning-rate-too-high", Severity.CRITICAL);
        TrainingResult low = result(RunStatus.COMPLETED, epochs, falling(40, 1.1, 1.09),
                samples(5, layer(0, 1e-6, 1, Double.NaN, Double.NaN), layer(1, 2e-6, 1, Double.NaN, Double.NaN)));
        assertSingle(run(new UpdateRatioCheck(), ctx(config("training.optimizer=sgd", "training.learningRate=0.00001"),
                BALANCED, low)), "learning-rate-too-low", Severity.CRITICAL);
        TrainingResult healthy = result(RunStatus.COMPLETED, epochs, falling(40, 1.1, 0.2),
                samples(5, layer(0, 2e-3, 1, Double.NaN, Double.NaN), layer(1, 1e-2, 1, Double.NaN, Double.NaN)));
        assertTrue(run(new UpdateRatioCheck(), ctx(config(), BALANCED, healthy)).isEmpty());
    }

    @Test
    void deadReluAboveHalfTheUnits() throws Exception {
        List<EpochMetrics> epochs = List.of(epoch(1, 1.1, 1.1, 0.3, confusion(10, 0)));
        TrainingResult dead = result(RunStatus.COMPLETED, epochs, falling(40, 1.1, 1.1),
                samples(4, layer(0, 1e-3, 1, 0.95, Double.NaN), layer(1, 1e-3, 1, 0.2, Double.NaN)));
        List<Finding> f = run(new DeadReluCheck(), ctx(config(), BALANCED, dead));
        assertSingle(f, "dead-relu", Severity.CRITICAL);
        assertEquals("leakyrelu", f.get(0).fix().set().get("model.layers[0].activation"));
        TrainingResult alive = result(RunStatus.COMPLETED, epochs, falling(40, 1.1, 0.2),
                samples(4, layer(0, 1e-3, 1, 0.3, Double.NaN)));
        assertTrue(run(new DeadReluCheck(), ctx(config(), BALANCED, alive)).isEmpty());
    }

    @Test
    void gradientRatioFlagsVanishingAndExploding() throws Exception {
        List<EpochMetrics> epochs = List.of(epoch(1, 1.1, 1.1, 0.3, confusion(10, 0)));
        TrainingResult vanishing = result(RunStatus.COMPLETED, epochs, falling(40, 1.1, 1.1),
                samples(4, layer(0, 1e-3, 1e-7, Double.NaN, 0.1), layer(1, 1e-3, 1e-2, Double.NaN, 0.1),
                        layer(2, 1e-3, 1.0, Double.NaN, Double.NaN)));
        assertSingle(run(new GradientFlowCheck(), ctx(config(), BALANCED, vanishing)), "vanishing-gradient",
                Severity.CRITICAL);
        TrainingResult exploding = result(RunStatus.COMPLETED, epochs, falling(40, 1.1, 1.1),
                samples(4, layer(0, 1e-3, 1e5, Double.NaN, Double.NaN), layer(1, 1e-3, 1.0, Double.NaN, Double.NaN)));
        assertSingle(run(new GradientFlowCheck(), ctx(config(), BALANCED, exploding)), "exploding-gradient",
                Severity.CRITICAL);
        TrainingResult healthy = result(RunStatus.COMPLETED, epochs, falling(40, 1.1, 0.2),
                samples(4, layer(0, 1e-3, 0.5, Double.NaN, Double.NaN), layer(1, 1e-3, 1.0, Double.NaN, Double.NaN)));
        assertTrue(run(new GradientFlowCheck(), ctx(config(), BALANCED, healthy)).isEmpty());
    }

    @Test
    void saturatedSigmoidLayers() throws Exception {
        List<EpochMetrics> epochs = List.of(epoch(1, 1.1, 1.1, 0.3, confusion(10, 0)));
        TrainingResult r = result(RunStatus.COMPLETED, epochs, falling(40, 1.1, 1.1),
                samples(4, layer(0, 1e-3, 1, Double.NaN, 0.8)));
        assertSingle(run(new SaturationCheck(), ctx(config("model.layers[4].activation=sigmoid"), BALANCED, r)),
                "saturated-activations", Severity.WARNING);
    }

    @Test
    void stillImprovingWhenTheLossFallsAtTheEndOfAShortRun() throws Exception {
        TrainingResult r = result(RunStatus.COMPLETED, List.of(epoch(1, 1.0, 1.0, 0.5, confusion(5, 5))),
                falling(50, 1.1, 0.5), List.of());
        List<Finding> f = run(new StillImprovingCheck(), ctx(config("training.epochs=1"), BALANCED, r));
        assertSingle(f, "still-improving", Severity.WARNING);
        assertEquals(6, f.get(0).fix().set().get("training.epochs"));
        List<EpochMetrics> converged = List.of(epoch(1, 0.5, 0.5, 0.8, confusion(9, 1)),
                epoch(2, 0.3, 0.3, 0.95, confusion(19, 1)), epoch(3, 0.29, 0.3, 0.96, confusion(19, 1)));
        assertTrue(run(new StillImprovingCheck(), ctx(config(), BALANCED,
                result(RunStatus.COMPLETED, converged, falling(60, 1.1, 0.3), List.of()))).isEmpty());
    }

    @Test
    void notStillImprovingWhenTheValidationLossIsAboveItsBest() throws Exception {
        // The collapsed imbalanced sample: the training loss keeps falling, the validation loss bottomed out at
        // epoch 3 and the last epoch only fell back from a spike.
        double[] validation = {0.5356, 0.3923, 0.3328, 0.3442, 0.3476, 0.3646, 0.3866, 0.4181, 0.4938, 0.4152};
        double[] train = {2.0451, 0.4008, 0.3639, 0.3225, 0.2780, 0.2286, 0.1712, 0.1220, 0.0916, 0.0639};
        List<EpochMetrics> epochs = new java.util.ArrayList<>();
        for (int i = 0; i < validation.length; i++) {
            epochs.add(epoch(i + 1, train[i], validation[i], 0.95, confusion(5, 5)));
        }
        TrainingResult r = result(RunStatus.COMPLETED, epochs, falling(100, 2.0, 0.06), List.of());
        assertTrue(run(new StillImprovingCheck(), ctx(config(), BALANCED, r)).isEmpty());
        // The same run with its last validation loss at a new low is still improving.
        epochs.set(9, epoch(10, 0.0639, 0.30, 0.95, confusion(5, 5)));
        r = result(RunStatus.COMPLETED, epochs, falling(100, 2.0, 0.06), List.of());
        assertSingle(run(new StillImprovingCheck(), ctx(config(), BALANCED, r)), "still-improving", Severity.WARNING);
    }

    @Test
    void overfittingWhenTrainingFarAheadAndValidationLossRising() throws Exception {
        // 60 validation images: few enough images would make it inconclusive (UncertaintyTest).
        List<EpochMetrics> epochs = List.of(epoch(1, 0.8, 0.8, 0.7, confusion(12, 8)),
                epoch(2, 0.3, 0.7, 0.9, confusion(12, 8)), epoch(3, 0.05, 1.2, 1.0, confusion(12, 8)));
        assertSingle(run(new OverfittingCheck(), ctx(config(), BALANCED,
                result(RunStatus.COMPLETED, epochs, falling(30, 1, 0.05), List.of()))), "overfitting", Severity.WARNING);
    }

    @Test
    void preprocessingMismatchWhenPredictImagesAreInverted() throws Exception {
        ImageDataset data = org.collapselab.testsupport.ScenarioData.of(
                org.collapselab.testsupport.ScenarioData.Kind.BALANCED, 8, 5);
        ExperimentConfig c = config("data.imageSize=8", "data.channels=1", "model.layers=[]");
        DiagnosticContext mismatch = DiagnosticContext.builder(c, data)
                .predictSet(org.collapselab.testsupport.ScenarioData.inverted(data)).build();
        assertSingle(run(new PreprocessingFingerprintCheck(), mismatch), "preprocessing-mismatch", Severity.CRITICAL);
        DiagnosticContext same = DiagnosticContext.builder(c, data).predictSet(data).build();
        assertTrue(run(new PreprocessingFingerprintCheck(), same).isEmpty());
    }

    private static TrainingResult lastEpochWith(int[][] counts) {
        var confusion = new org.collapselab.core.training.ConfusionMatrix(List.of("a", "b", "c"), counts);
        return result(RunStatus.COMPLETED, List.of(epoch(1, 1.1, 1.1, 0.4, confusion)), falling(10, 1.2, 1.1), List.of());
    }

    @Test
    void nanLossIsCriticalAndLowersTheRateTenfold() throws Exception {
        TrainingResult diverged = result(RunStatus.DIVERGED, List.of(), new double[]{1, 5, Double.NaN}, List.of());
        List<Finding> f = run(new NanLossCheck(), ctx(config("training.learningRate=0.05"), BALANCED, diverged));
        assertSingle(f, "nan-loss", Severity.CRITICAL);
        assertEquals(0.005, ((Number) f.get(0).fix().set().get("training.learningRate")).doubleValue(), 1e-12);
        assertTrue(run(new NanLossCheck(), ctx(config(), BALANCED, lastEpochWith(new int[][]{{9, 1, 0}, {1, 9, 0},
                {0, 1, 9}}))).isEmpty());
    }

    @Test
    void collapseIsCriticalOnlyWhenOneClassTakesTheAnswersAtChance() throws Exception {
        int[][] allA = {{10, 0, 0}, {10, 0, 0}, {10, 0, 0}};
        List<Finding> f = run(new CollapsedPredictionsCheck(), ctx(config(), BALANCED, lastEpochWith(allA)));
        assertSingle(f, "collapsed-predictions", Severity.CRITICAL);
        assertEquals(1.0, f.get(0).evidence().measured(), 1e-12);
        assertTrue(f.get(0).title().contains("'a'"), f.get(0).title());
        assertNull(f.get(0).fix(), "a balanced validation set gives no reason to weight the loss");
        int[][] mostlyA = {{10, 0, 0}, {3, 7, 0}, {3, 0, 7}};
        assertTrue(run(new CollapsedPredictionsCheck(), ctx(config(), BALANCED, lastEpochWith(mostlyA))).isEmpty());
        assertEquals("the run finished no epoch", new CollapsedPredictionsCheck().notApplicable(ctx(config(), BALANCED,
                result(RunStatus.DIVERGED, List.of(), new double[]{Double.NaN}, List.of()))));
    }

    @Test
    void neverPredictedClassesAreAWarningUnlessTheRunCollapsed() throws Exception {
        int[][] neverC = {{10, 0, 0}, {0, 10, 0}, {0, 10, 0}};
        List<Finding> f = run(new NeverPredictedClassesCheck(), ctx(config(), BALANCED, lastEpochWith(neverC)));
        assertSingle(f, "never-predicted-classes", Severity.WARNING);
        assertEquals("Never predicted: c", f.get(0).title());
        assertEquals("oversample", f.get(0).fix().set().get("data.balance"));
        int[][] allA = {{10, 0, 0}, {10, 0, 0}, {10, 0, 0}};
        assertTrue(run(new NeverPredictedClassesCheck(), ctx(config(), BALANCED, lastEpochWith(allA))).isEmpty(),
                "the collapse finding says it already");
    }
}
