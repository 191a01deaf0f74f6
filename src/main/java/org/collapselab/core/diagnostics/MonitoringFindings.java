package org.collapselab.core.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.LayerSample;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.training.TrainingResult;

/**
 * Findings from what the monitor sampled during training (design §7, training): dead ReLUs,
 * update:parameter ratios, gradient flow, saturation, and the shape of the learning curves.
 * Each threshold names its source; they were checked against a healthy run of the defaults on the
 * bundled sample (no warning there). Pure.
 */
public final class MonitoringFindings {
    /** Share of a ReLU layer's units (conv: filters) silent on every probe image. */
    public static final double DEAD_RELU = 0.9;
    /** Median update:parameter ratio across layers; ~1e-3 is healthy (Karpathy, CS231n). */
    public static final double RATIO_HIGH = 1e-2;
    public static final double RATIO_LOW = 1e-4;
    /** First weight layer's gradient norm over the last one's. */
    public static final double VANISHING = 1e-4;
    public static final double EXPLODING_NORM = 1e3;
    public static final double SATURATED = 0.9;
    /** Train minus validation accuracy, with a validation loss that rose from its minimum. */
    public static final double OVERFIT_GAP = 0.2;
    /** The samples of the last part of the run that the checks summarise. */
    static final int RECENT = 5;

    private MonitoringFindings() {
    }

    public static List<Finding> of(ExperimentConfig config, TrainingResult result) {
        List<Finding> findings = new ArrayList<>();
        List<LayerStatistics> history = result.layerHistory();
        boolean collapsed = result.collapse().collapsed();
        if (!history.isEmpty()) {
            List<LayerStatistics> recent = history.subList(Math.max(0, history.size() - RECENT), history.size());
            deadRelu(recent, collapsed, findings);
            updateRatios(config, result, recent, findings);
            gradients(recent, findings);
            saturation(recent, findings);
        }
        curves(result, findings);
        return findings;
    }

    private static void deadRelu(List<LayerStatistics> recent, boolean collapsed, List<Finding> findings) {
        LayerStatistics last = recent.get(recent.size() - 1);
        for (LayerSample layer : last.layers()) {
            double dead = median(recent, layer.layer(), LayerSample::deadFraction);
            if (dead >= DEAD_RELU) {
                findings.add(new Finding("dead-relu", collapsed ? Severity.CRITICAL : Severity.WARNING, 0,
                        String.format("%.0f%% of the units in layer %s never fire", 100 * dead, layer.name()),
                        "A ReLU unit whose input stays negative outputs zero and gets zero gradient, so it never recovers. "
                                + "When most units of a layer die, the layers after it see (almost) the same input for "
                                + "every image and the network can only answer one class. Usually caused by a learning "
                                + "rate that is too high or a large early loss spike.",
                        new Evidence(dead, DEAD_RELU, "share of units silent on a fixed probe batch; Adam at 0.05 on the "
                                + "sample data measured 91–100% (platform facts); healthy default run below 70%"),
                        new Fix("Use leaky ReLU and a lower learning rate", Map.of("training.learningRate", 3e-4), null)));
                return;
            }
        }
    }

    private static void updateRatios(ExperimentConfig config, TrainingResult result, List<LayerStatistics> recent,
                                     List<Finding> findings) {
        double[] perLayer = recent.get(0).layers().stream().mapToDouble(l -> median(recent, l.layer(), LayerSample::updateRatio))
                .filter(v -> Double.isFinite(v) && v > 0).toArray();
        if (perLayer.length == 0) {
            return;
        }
        double ratio = median(perLayer);
        double lr = config.training().learningRate();
        if (ratio > RATIO_HIGH) {
            findings.add(new Finding("learning-rate-too-high", Severity.WARNING, 0,
                    String.format("Weights change by %.1e of their size per step", ratio),
                    "Each update moves the weights by more than 1% of their magnitude, so training jumps around "
                            + "instead of descending; units die and predictions drift to the most common class.",
                    new Evidence(ratio, RATIO_HIGH, "median update:parameter ratio across layers; ~1e-3 is healthy "
                            + "(Karpathy, CS231n); above 1e-2 is too high (SageMaker Debugger / AUTOTRAINER)"),
                    new Fix("Lower the learning rate tenfold", Map.of("training.learningRate", lr / 10), null)));
        } else if (ratio < RATIO_LOW && relativeImprovement(result) < 0.05) {
            findings.add(new Finding("learning-rate-too-low", Severity.WARNING, 0,
                    String.format("Weights change by only %.1e of their size per step", ratio),
                    "The updates are so small that the network barely moves from its initial state in the planned "
                            + "epochs; the loss stays flat and predictions stay near the class prior.",
                    new Evidence(ratio, RATIO_LOW, "median update:parameter ratio below 1e-4 with the training loss "
                            + "improving by less than 5% (Karpathy, CS231n)"),
                    new Fix("Raise the learning rate tenfold", Map.of("training.learningRate", Math.min(1e-2, lr * 10)), null)));
        }
    }

    private static void gradients(List<LayerStatistics> recent, List<Finding> findings) {
        List<LayerSample> weighted = recent.get(recent.size() - 1).layers().stream()
                .filter(l -> Double.isFinite(l.gradientNorm())).toList();
        if (weighted.size() < 3) {
            return;
        }
        double first = median(recent, weighted.get(0).layer(), LayerSample::gradientNorm);
        double lastNorm = median(recent, weighted.get(weighted.size() - 1).layer(), LayerSample::gradientNorm);
        if (lastNorm > 0 && first / lastNorm < VANISHING) {
            findings.add(new Finding("vanishing-gradient", Severity.WARNING, 0,
                    String.format("The first layer gets %.1e of the last layer's gradient", first / lastNorm),
                    "The gradient shrinks on its way back through the layers, so the early layers that should learn "
                            + "features stay random and the output layer can only learn the class prior.",
                    new Evidence(first / lastNorm, VANISHING, "gradient-norm ratio first/last weight layer (DeepDiagnosis "
                            + "ICSE'22 uses the same comparison)"),
                    new Fix("Use ReLU activations and ReLU (He) initialisation", Map.of("model.weightInit", "relu"), null)));
        }
        double max = weighted.stream().mapToDouble(l -> median(recent, l.layer(), LayerSample::gradientNorm)).max().orElse(0);
        if (max > EXPLODING_NORM) {
            findings.add(new Finding("exploding-gradient", Severity.WARNING, 0,
                    String.format("Gradient norms reach %.1e", max),
                    "Huge gradients make single steps overshoot; the loss spikes and the network can end up answering "
                            + "one class or producing NaN.",
                    new Evidence(max, EXPLODING_NORM, "largest per-layer gradient L2 norm (SageMaker Debugger "
                            + "exploding_tensor rule)"),
                    new Fix("Normalize inputs and lower the learning rate", Map.of("data.normalization", "standardize"), null)));
        }
    }

    private static void saturation(List<LayerStatistics> recent, List<Finding> findings) {
        for (LayerSample layer : recent.get(recent.size() - 1).layers()) {
            double saturated = median(recent, layer.layer(), LayerSample::saturatedFraction);
            if (saturated >= SATURATED) {
                findings.add(new Finding("saturated-activations", Severity.WARNING, 0,
                        String.format("%.0f%% of the activations of layer %s are saturated", 100 * saturated, layer.name()),
                        "Sigmoid and tanh units pinned at their limits have almost zero slope, so no gradient passes "
                                + "and the layer stops learning.",
                        new Evidence(saturated, SATURATED, "share of sigmoid outputs below 0.01 or above 0.99 (tanh: "
                                + "|x| > 0.99) on the probe batch (TheDeepChecker)"),
                        new Fix("Use ReLU activations", Map.of("model.weightInit", "relu"), null)));
                return;
            }
        }
    }

    private static void curves(TrainingResult result, List<Finding> findings) {
        List<EpochMetrics> epochs = result.epochs();
        if (epochs.size() < 3) {
            return;
        }
        EpochMetrics last = epochs.get(epochs.size() - 1);
        double bestLoss = epochs.stream().mapToDouble(EpochMetrics::validationLoss).min().orElse(Double.NaN);
        double previous = epochs.get(epochs.size() - 3).validationLoss();
        if (last.validationLoss() <= bestLoss && previous - last.validationLoss() > 0.02 * previous) {
            findings.add(new Finding("still-improving", Severity.INFO, 0,
                    "The validation loss was still falling at the last epoch",
                    "The run stopped while the model was still getting better; more epochs would likely help. A run "
                            + "that ends too early often still favours the majority class.",
                    new Evidence((previous - last.validationLoss()) / previous, 0.02, "relative drop of the validation "
                            + "loss over the last two epochs, ending at its minimum"),
                    new Fix("Train twice as long", Map.of("training.epochs", Math.min(1000, 2 * epochs.size())), null)));
        }
        double gap = last.trainAccuracy() - last.validationAccuracy();
        if (gap > OVERFIT_GAP && last.validationLoss() > 1.2 * bestLoss) {
            findings.add(new Finding("overfitting", Severity.WARNING, 0,
                    String.format("Training accuracy is %.0f points above validation", 100 * gap),
                    "The network memorises the training images instead of learning what separates the classes; on "
                            + "new images it falls back to guessing, often the majority class.",
                    new Evidence(gap, OVERFIT_GAP, "train − validation accuracy, with the validation loss 20% above its "
                            + "minimum (Karpathy's recipe)"),
                    new Fix("Add augmentation and L2", Map.of("data.augmentation.flip", true, "training.l2", 1e-4), null)));
        }
    }

    private static double relativeImprovement(TrainingResult result) {
        List<EpochMetrics> epochs = result.epochs();
        if (epochs.size() < 2) {
            return 1;
        }
        double first = epochs.get(0).trainLoss();
        double last = epochs.get(epochs.size() - 1).trainLoss();
        return first <= 0 ? 0 : (first - last) / first;
    }

    private static double median(List<LayerStatistics> recent, int layer, java.util.function.ToDoubleFunction<LayerSample> value) {
        double[] values = recent.stream().flatMap(s -> s.layers().stream()).filter(l -> l.layer() == layer)
                .mapToDouble(value).filter(Double::isFinite).toArray();
        return values.length == 0 ? Double.NaN : median(values);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

}
