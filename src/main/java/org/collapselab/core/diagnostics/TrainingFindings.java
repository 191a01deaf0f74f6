package org.collapselab.core.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapselab.core.model.Balance;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;

/** The findings every run reports about its outcome: collapse, never-predicted classes and NaN loss. Pure. */
public final class TrainingFindings {
    private TrainingFindings() {
    }

    public static List<Finding> outcome(ExperimentConfig config, TrainingResult result) {
        List<Finding> findings = new ArrayList<>();
        if (result.status() == RunStatus.DIVERGED) {
            findings.add(new Finding("nan-loss", Severity.CRITICAL, 0, "The loss became NaN or infinite",
                    "Once the loss is not a number, the weights are too, and the network outputs the same thing for every "
                            + "input. This almost always means the learning rate is too high for this network and data "
                            + "(or inputs are not normalized). " + (result.message() == null ? "" : result.message()),
                    new Evidence(Double.NaN, 0, "any non-finite loss; DL4J tuning guide"),
                    new Fix("Lower the learning rate tenfold", Map.of(ConfigPaths.LEARNING_RATE,
                            config.training().learningRate() / 10), null)));
        }
        EpochMetrics last = result.lastEpoch();
        if (last == null) {
            return findings;
        }
        ConfusionMatrix confusion = last.confusion();
        int classes = confusion.size();
        if (last.collapsed()) {
            String dominant = confusion.labels().get(confusion.dominantPrediction());
            findings.add(new Finding("collapsed-predictions", Severity.CRITICAL, 0,
                    String.format("%.0f%% of predictions are '%s'", 100 * confusion.predictionShare(), dominant),
                    "The model answers '" + dominant + "' for almost every image, so its accuracy is roughly the share of '"
                            + dominant + "' in the data and its balanced accuracy sits at chance ("
                            + String.format("%.2f", 1.0 / classes) + "). The diagnostics rank the likely causes.",
                    new Evidence(confusion.predictionShare(), 0.95,
                            "design §6: predictionShare ≥ 0.95 and balancedAccuracy ≤ 1/C + 0.05"),
                    config.data().balance() == Balance.NONE && confusion.majorityBaseline() > 0.6
                            ? new Fix("Weight the loss by inverse class frequency", Map.of(ConfigPaths.BALANCE, "class-weights"), null)
                            : null));
        }
        List<String> never = confusion.neverPredicted();
        if (!never.isEmpty() && !last.collapsed()) {
            findings.add(new Finding("never-predicted-classes", Severity.WARNING, 0,
                    "Never predicted: " + String.join(", ", never),
                    "No validation image was assigned to these classes, so their recall is zero. The model has not "
                            + "learned them, usually because they are rare or look like another class.",
                    new Evidence(never.size(), 0, "any class present in validation but never predicted"),
                    config.data().balance() == Balance.NONE
                            ? new Fix("Oversample rare classes", Map.of(ConfigPaths.BALANCE, "oversample"), null) : null));
        }
        return findings;
    }

    public static boolean hasCritical(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
    }
}
