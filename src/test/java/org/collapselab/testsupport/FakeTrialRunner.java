package org.collapselab.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.collapselab.core.data.DataView;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.core.training.TrialRunner;
import org.collapselab.core.util.CancellationToken;

/**
 * A {@link TrialRunner} that trains nothing, for testing the active checks in milliseconds. By default a trial's
 * accuracy grows with its training images (0.40 at 6 images, +0.01 per image), the untrained loss is ln C, and the
 * range test's loss falls to a minimum at 1e-2 and explodes after. Each can be replaced; every trial is recorded.
 */
public final class FakeTrialRunner implements TrialRunner {
    /** One call of {@link #train}. */
    public record Request(ExperimentConfig config, DataView train, DataView validation) {
        /** Whether every training image is blank (the zeroed-input baseline). */
        public boolean blankImages() {
            byte[] pixels = new byte[train.dataset().imageBytes()];
            for (int i = 0; i < train.count(); i++) {
                train.dataset().copyPixels(train.indices()[i], pixels, 0);
                for (byte b : pixels) {
                    if (b != 0) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** What a fake trial reaches in its one epoch: balanced (and plain) accuracy and the training loss. */
    public record Outcome(double accuracy, double trainLoss) {
    }

    private Function<Request, Outcome> training = r -> new Outcome(Math.min(1, (40 + r.train().count() - 6) / 100.0), 1.0);
    private Double initialLoss;
    private double lossMinimumAt = 1e-2;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    public FakeTrialRunner training(Function<Request, Outcome> value) {
        this.training = value;
        return this;
    }

    /** The untrained network's loss; ln C when not set. */
    public FakeTrialRunner initialLoss(double value) {
        this.initialLoss = value;
        return this;
    }

    public FakeTrialRunner lossMinimumAt(double learningRate) {
        this.lossMinimumAt = learningRate;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public TrialBudget budget() {
        return TrialBudget.unlimited();
    }

    @Override
    public TrainingResult train(ExperimentConfig config, DataView train, DataView validation,
                                MonitoringOptions monitoring, CancellationToken cancel) {
        Request request = new Request(config, train, validation);
        requests.add(request);
        Outcome outcome = training.apply(request);
        EpochMetrics m = epoch(train.data().classes(), outcome);
        return new TrainingResult(RunStatus.COMPLETED, List.of(m), CollapseVerdict.of(List.of(m)), null, null,
                List.of(), List.of(), 0.1);
    }

    /** One epoch whose every class has {@code accuracy} of its 100 validation images right, the rest on the next class. */
    public static EpochMetrics epoch(List<String> classes, Outcome outcome) {
        int c = classes.size();
        int correct = (int) Math.round(100 * outcome.accuracy());
        int[][] counts = new int[c][c];
        for (int k = 0; k < c; k++) {
            counts[k][k] = correct;
            counts[k][(k + 1) % c] += 100 - correct;
        }
        ConfusionMatrix m = new ConfusionMatrix(classes, counts);
        return new EpochMetrics(1, outcome.trainLoss(), outcome.trainLoss(), m.accuracy(), m.accuracy(),
                m.balancedAccuracy(), m.macroF1(), m.predictionShare(), m.majorityBaseline(), 1, m);
    }

    @Override
    public double initialLoss(ExperimentConfig config, DataView train, DataView view) {
        return initialLoss != null ? initialLoss : Math.log(train.dataset().classCount());
    }

    @Override
    public RangeTest learningRateRange(ExperimentConfig config, DataView train, double minLr, double maxLr,
                                       int iterations, CancellationToken cancel) {
        double[] lrs = new double[iterations];
        double[] losses = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            lrs[i] = minLr * Math.pow(maxLr / minLr, (double) i / (iterations - 1));
            double distance = Math.log10(lrs[i] / lossMinimumAt);
            losses[i] = distance < 0 ? 1.1 - 0.2 * distance : 1.1 + 3 * distance * distance;
        }
        return new RangeTest(lrs, losses);
    }
}
