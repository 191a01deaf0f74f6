package org.collapselab.cli;

import java.io.PrintStream;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.RunStarted;
import org.collapselab.core.training.TrainingObserver;

/** Prints one line per epoch, so a terminal user sees the run progress and the collapse as it happens. */
final class ConsoleObserver implements TrainingObserver {
    private final PrintStream out;
    private int totalEpochs;

    ConsoleObserver(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStarted(RunStarted started) {
        totalEpochs = started.config().training().epochs();
        out.printf("Training on %s: %d train / %d validation %s, %d classes, %,d parameters%n",
                started.backend().fullSummary(), started.trainCount(), started.validationCount(),
                started.config().data().kind().isTable() ? "rows" : "images", started.classes().size(),
                started.parameterCount());
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        out.printf("epoch %3d/%d  loss %.4f  val loss %.4f  train acc %.3f  val acc %.3f  balanced %.3f  "
                        + "top-class share %.2f%s  (%.1f s)%n",
                m.epoch(), totalEpochs, m.trainLoss(), m.validationLoss(), m.trainAccuracy(), m.validationAccuracy(),
                m.balancedAccuracy(), m.predictionShare(), m.collapsed() ? "  COLLAPSED" : "", m.seconds());
    }
}
