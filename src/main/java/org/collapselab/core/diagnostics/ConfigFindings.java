package org.collapselab.core.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.model.Activation;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerSpec;
import org.collapselab.core.model.LayerType;
import org.collapselab.core.model.LossFunction;
import org.collapselab.core.model.ModelConfig;
import org.collapselab.core.model.Optimizer;
import org.collapselab.core.model.OutputActivation;
import org.collapselab.core.model.WeightInit;

/** Findings about the config alone, before any training (design §7, config). Pure and instant. */
public final class ConfigFindings {
    /** Adam and RMSProp: outside [1e-5, 1e-2] training is either frozen or unstable on small CNNs. */
    public static final double ADAPTIVE_MIN = 1e-5;
    public static final double ADAPTIVE_MAX = 1e-2;
    /** SGD and Nesterov momentum: outside [1e-4, 0.5]. */
    public static final double SGD_MIN = 1e-4;
    public static final double SGD_MAX = 0.5;

    private ConfigFindings() {
    }

    public static List<Finding> of(ExperimentConfig config, int classCount) {
        List<Finding> findings = new ArrayList<>();
        outputMismatch(config.model(), classCount, findings);
        symmetricInit(config.model(), findings);
        linearHidden(config.model(), findings);
        learningRate(config, findings);
        return findings;
    }

    private static void outputMismatch(ModelConfig model, int classCount, List<Finding> findings) {
        OutputActivation out = model.outputActivation();
        LossFunction loss = model.loss();
        boolean crossEntropy = loss == LossFunction.MCXENT || loss == LossFunction.NLL || loss == LossFunction.XENT;
        String problem = null;
        if (out == OutputActivation.SOFTMAX && !(loss == LossFunction.MCXENT || loss == LossFunction.NLL)) {
            problem = "A softmax output is meant for the multi-class cross-entropy (mcxent/nll), not " + loss + ".";
        } else if (out == OutputActivation.IDENTITY && crossEntropy) {
            problem = "An identity output produces unbounded scores, but " + loss + " expects probabilities: the loss "
                    + "is meaningless (or NaN) and the gradients push every output the same way.";
        } else if (out == OutputActivation.SIGMOID && loss == LossFunction.MCXENT && classCount > 2) {
            problem = "Sigmoid outputs are independent per class and do not sum to one, so mcxent over " + classCount
                    + " classes can be lowered by raising every output at once instead of separating the classes.";
        }
        if (problem != null) {
            findings.add(new Finding("output-activation-mismatch", Severity.CRITICAL, 0,
                    "Output activation '" + out + "' does not match the loss '" + loss + "'",
                    problem + " A mismatched pair often drives every image to the same output.",
                    new Evidence(1, 0, "design §7; DL4J tuning guide (softmax + MCXENT for single-label classification)"),
                    new Fix("Use softmax with multi-class cross-entropy",
                            Map.of("model.outputActivation", "softmax", "model.loss", "mcxent"), null)));
        }
    }

    private static void symmetricInit(ModelConfig model, List<Finding> findings) {
        if (model.weightInit() == WeightInit.ZERO || model.weightInit() == WeightInit.CONSTANT) {
            boolean relu = model.layers().stream().anyMatch(l -> l.activation() == Activation.RELU);
            findings.add(new Finding("symmetric-init", Severity.CRITICAL, 0,
                    "All weights start equal ('" + model.weightInit() + "' initialisation)",
                    "When every weight starts with the same value, every unit of a layer computes the same thing and "
                            + "receives the same gradient, so they stay identical forever: the network cannot tell "
                            + "classes apart and typically outputs one class.",
                    new Evidence(1, 0, "symmetry breaking (Goodfellow et al., Deep Learning §8.4)"),
                    new Fix("Use random initialisation", Map.of("model.weightInit", relu ? "relu" : "xavier"), null)));
        }
    }

    private static void linearHidden(ModelConfig model, List<Finding> findings) {
        Map<String, Object> fix = new LinkedHashMap<>();
        List<LayerSpec> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if ((layer.type() == LayerType.CONV || layer.type() == LayerType.DENSE) && layer.activation() == Activation.IDENTITY) {
                fix.put("model.layers[" + i + "].activation", "relu");
            }
        }
        if (!fix.isEmpty()) {
            findings.add(new Finding("linear-hidden-activation", Severity.WARNING, 0,
                    fix.size() + " hidden layer" + (fix.size() == 1 ? " has" : "s have") + " no non-linearity",
                    "Stacked layers with identity activations collapse into one linear map, which cannot separate "
                            + "classes that are not linearly separable in pixel space.",
                    new Evidence(fix.size(), 0, "any conv/dense layer with an identity activation"),
                    new Fix("Use ReLU in the hidden layers", fix, null)));
        }
    }

    private static void learningRate(ExperimentConfig config, List<Finding> findings) {
        double lr = config.training().learningRate();
        boolean adaptive = config.training().optimizer() == Optimizer.ADAM || config.training().optimizer() == Optimizer.RMSPROP;
        double min = adaptive ? ADAPTIVE_MIN : SGD_MIN;
        double max = adaptive ? ADAPTIVE_MAX : SGD_MAX;
        if (lr < min || lr > max) {
            boolean high = lr > max;
            double suggested = adaptive ? 1e-3 : 0.01;
            findings.add(new Finding("learning-rate-out-of-range", Severity.WARNING, 0,
                    String.format("Learning rate %s is %s for %s", lr, high ? "very high" : "very low",
                            config.training().optimizer()),
                    high ? "Too large a step overshoots: the loss jumps, ReLU units die and the network settles on "
                            + "predicting the most common class."
                            : "Too small a step barely moves the weights: after the planned epochs the network is still "
                            + "close to its starting point, which usually favours one class.",
                    new Evidence(lr, high ? max : min, String.format("usual range %.0e–%.0e for %s (Karpathy's recipe: "
                            + "3e-4 for Adam; DL4J tuning guide)", min, max, config.training().optimizer())),
                    new Fix("Use learning rate " + suggested, Map.of("training.learningRate", suggested), null)));
        }
    }
}
