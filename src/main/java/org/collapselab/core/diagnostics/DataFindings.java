package org.collapselab.core.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapselab.core.data.DatasetStatistics;
import org.collapselab.core.data.ImageDataset;

/** Findings about the data alone, before any training (design §7, data). Pure and fast. */
public final class DataFindings {
    /** Design §7: largest/smallest above this is a strong imbalance. */
    public static final double IMBALANCE_RATIO = 10;
    /** Design §7: normalized label entropy below this is a strong imbalance. */
    public static final double IMBALANCE_ENTROPY = 0.5;
    /** Fewer training images than this in a class leaves too little to learn it from. */
    public static final int TINY_CLASS = 10;

    private DataFindings() {
    }

    public static List<Finding> of(ImageDataset data, DatasetStatistics stats) {
        List<Finding> findings = new ArrayList<>();
        if (!stats.skipped().isEmpty()) {
            findings.add(new Finding("unreadable-files", Severity.INFO, 0,
                    stats.skipped().size() + " files were skipped",
                    "These files could not be read as images or were not in a class folder. They are left out of "
                            + "training; check that none of them was meant to be data.",
                    new Evidence(stats.skipped().size(), 0, "any skipped file"), null));
        }
        if (stats.imbalanceRatio() > IMBALANCE_RATIO || stats.labelEntropy() < IMBALANCE_ENTROPY) {
            int largest = 0;
            for (int c = 1; c < stats.counts().length; c++) {
                if (stats.counts()[c] > stats.counts()[largest]) {
                    largest = c;
                }
            }
            String big = stats.classes().get(largest);
            double share = (double) stats.counts()[largest] / stats.total();
            findings.add(new Finding("class-imbalance", Severity.CRITICAL, 0,
                    String.format("Classes are imbalanced %.0f:1", stats.imbalanceRatio()),
                    String.format("'%s' holds %.0f%% of the images. Predicting '%s' for everything already scores %.0f%% "
                            + "accuracy, so an unweighted loss rewards the network for ignoring the rare classes — the "
                            + "classic road to a model that predicts one class.", big, 100 * share, big, 100 * share),
                    new Evidence(stats.imbalanceRatio(), IMBALANCE_RATIO,
                            "design §7: largest/smallest > 10 or normalized label entropy < 0.5 (entropy here "
                                    + String.format("%.2f", stats.labelEntropy()) + ")"),
                    new Fix("Weight the loss by inverse class frequency", Map.of("data.balance", "class-weights"), null)));
        }
        for (int c = 0; c < stats.counts().length; c++) {
            if (stats.counts()[c] < TINY_CLASS) {
                findings.add(new Finding("tiny-class", Severity.WARNING, 0,
                        "Class '" + stats.classes().get(c) + "' has only " + stats.counts()[c] + " images",
                        "With so few examples the class barely moves the loss, and the validation split may hold one "
                                + "image of it or none; the network can ignore it at almost no cost.",
                        new Evidence(stats.counts()[c], TINY_CLASS, "rule of thumb: at least 10 images per class"),
                        new Fix("Oversample rare classes", Map.of("data.balance", "oversample"), null)));
            }
        }
        return findings;
    }
}
