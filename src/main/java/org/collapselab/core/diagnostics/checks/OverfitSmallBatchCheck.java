package org.collapselab.core.diagnostics.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.core.data.DataView;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.Phase;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.model.AugmentationConfig;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * {@code cannot-overfit-small-batch}: a few images (or CSV rows) per class, trained on repeatedly with the user's
 * config, must be memorised to at most 5% error. If not, the network or its training cannot learn
 * at all, whatever the data. The trial stops at the first step that reaches the target: the answer is then known.
 */
public final class OverfitSmallBatchCheck extends BaseCheck {
    public static final int PER_CLASS = 5;
    public static final int STEPS = 40;
    /**
     * Rows get more steps: the tabular defaults take Adam steps of 0.001 (the image scenarios' 0.002 set the 40), and
     * the real Iris rows, 5 per class, need 48-58 full-batch steps to be memorised (3 seeds; 7% error at step 40).
     * A dense network on 15 rows costs little per step, and a network that cannot learn does not learn in 120 either.
     */
    public static final int ROW_STEPS = 120;
    public static final double MAX_ERROR = 0.05;

    public OverfitSmallBatchCheck() {
        super("overfit-small-batch", List.of("cannot-overfit-small-batch"), "Overfit a small batch",
                "Trains on " + PER_CLASS + " images (or rows) per class until it should know them by heart.", Phase.PREFLIGHT, true);
    }

    @Override
    public boolean reportsSymptoms() {
        return true;
    }

    @Override
    public String notApplicable(DiagnosticContext ctx) {
        return needsTrials(ctx);
    }

    static DataView smallBatch(DataView train, int perClass) {
        int classes = train.data().classCount();
        int[] taken = new int[classes];
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < train.count(); i++) {
            int label = train.label(i);
            if (taken[label] < perClass) {
                taken[label]++;
                chosen.add(train.indices()[i]);
            }
        }
        return new DataView(train.data(), chosen.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public List<Finding> run(DiagnosticContext ctx, ProgressObserver progress, CancellationToken cancel) {
        DataView batch = smallBatch(ctx.train(), PER_CLASS);
        ExperimentConfig base = ctx.config();
        int steps = steps(batch);
        String unit = batch.isImages() ? "images" : "rows";
        ExperimentConfig config = base
                .withData(base.data().withAugmentation(AugmentationConfig.NONE))
                .withTraining(base.training().withEpochs(steps).withBatchSize(batch.count()).withEarlyStoppingPatience(0));
        // The question is answered once the batch is memorised: stop there instead of running out the steps.
        TrainingResult result = ctx.trials().trainUntil(config, batch, batch, MonitoringOptions.OFF, 1 - MAX_ERROR,
                cancel);
        double best = result.epochs().stream().mapToDouble(EpochMetrics::validationAccuracy).max().orElse(0);
        double error = 1 - best;
        List<ChartData.Point> loss = new ArrayList<>();
        List<ChartData.Point> accuracy = new ArrayList<>();
        for (EpochMetrics m : result.epochs()) {
            loss.add(ChartData.Point.xy(m.epoch(), m.trainLoss()));
            accuracy.add(ChartData.Point.xy(m.epoch(), m.validationAccuracy()));
        }
        ctx.chart(id(), ChartData.line("overfit-small-batch", "Training on " + batch.count() + " " + unit, "step",
                        "loss / accuracy")
                .series("loss", loss)
                .series("accuracy on the batch", accuracy)
                .marker(String.format(Locale.ROOT, "target accuracy %.0f%%", 100 * (1 - MAX_ERROR)), ChartData.Axis.Y, 1 - MAX_ERROR)
                .build());
        // The trial stops at the first epoch that reaches 1 - MAX_ERROR; 1 - 0.95 is 0.05000000000000004 in doubles.
        if (error <= MAX_ERROR + 1e-9) {
            return List.of();
        }
        return List.of(finding("cannot-overfit-small-batch", Severity.WARNING,
                String.format(Locale.ROOT, "Could not memorise %d %s: %.0f%% error after %d steps", batch.count(), unit,
                        100 * error, steps),
                "A healthy network learns a handful of " + unit + " by heart within a few dozen steps. This one could not, so "
                        + "the problem is in the model or its training settings (output layer, initialisation, learning "
                        + "rate, activations), not in the amount or quality of data. A network that cannot fit even this "
                        + "falls back to the answer that is right most often.",
                error, MAX_ERROR, "Karpathy's recipe 'overfit one batch'; TheDeepChecker; ≤ 5% error within "
                        + steps + " full-batch steps (" + STEPS + " for images, tuned on the bundled scenarios; " + ROW_STEPS
                        + " for rows, measured on the real Iris rows)", null));
    }

    /** The step budget for this batch: {@link #STEPS} for images, {@link #ROW_STEPS} for CSV rows. */
    static int steps(DataView batch) {
        return batch.isImages() ? STEPS : ROW_STEPS;
    }
}
