package org.collapselab.core.training.samediff;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.training.TrialRunner.RangeTest;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The diagnostics' direct experiments on the SameDiff graph: the loss of an untrained network and the
 * learning-rate range test (the rate rises through an exponential per-iteration schedule inside one
 * {@code fit}). Same protocol as {@code MultiLayerProbes}. Blocking.
 */
public final class SameDiffProbes {
    private SameDiffProbes() {
    }

    /** Mean loss of a freshly initialised graph on {@code view}. */
    public static double initialLoss(ExperimentConfig config, DataView train, DataView view) {
        int classes = train.dataset().classCount();
        boolean single = org.collapselab.core.model.OutputUnits.single(config.model(), classes);
        Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
        SameDiffGraph graph = SameDiffGraph.build(config, classes, null, single);
        return new SameDiffTrainedModel(graph, config, train.dataset().classes(), normalizer, single, null,
                InputFingerprint.of(view)).loss(view);
    }

    /** Minibatch loss while the rate rises from minLr to maxLr; stops once the loss is not finite or explodes. */
    public static RangeTest learningRateRange(ExperimentConfig config, DataView train, double minLr, double maxLr,
                                              int iterations, CancellationToken cancel) {
        int classes = train.dataset().classCount();
        boolean single = org.collapselab.core.model.OutputUnits.single(config.model(), classes);
        SameDiffGraph graph = SameDiffGraph.build(config, classes, null, single);
        double gamma = Math.pow(maxLr / minLr, 1.0 / Math.max(1, iterations - 1));
        ISchedule schedule = new ExponentialSchedule(ScheduleType.ITERATION, minLr, gamma);
        IUpdater updater = switch (config.training().optimizer()) {
            case ADAM -> new Adam(schedule);
            case SGD -> new Sgd(schedule);
            case NESTEROVS -> new Nesterovs(schedule, 0.9);
            case RMSPROP -> new RmsProp(schedule);
        };
        SameDiff sd = graph.sd;
        sd.setTrainingConfig(TrainingConfig.builder().updater(updater)
                .dataSetFeatureMapping(graph.trainingInput()).dataSetLabelMapping(SameDiffGraph.LABEL)
                .trainEvaluation(SameDiffGraph.LOSS, 0, new LossProbe()).build());
        Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
        Sweep sweep = new Sweep(graph, train, new BatchFactory(normalizer, null, single, BatchFactory.Layout.NHWC),
                Math.min(config.training().batchSize(), train.count()), iterations, cancel,
                new Random(config.data().seed()));
        graph.listen(sweep);
        GradientFunction.create(sd);
        if (sweep.hasNext()) {
            sd.fit(sweep, 1);
        }
        sd.setListeners();
        int done = sweep.losses.size();
        double[] lrs = new double[done];
        double[] losses = new double[done];
        for (int i = 0; i < done; i++) {
            lrs[i] = minLr * Math.pow(gamma, i);
            losses[i] = sweep.losses.get(i);
        }
        return new RangeTest(lrs, losses);
    }

    /** Batches for the sweep (reshuffled when used up) and the listener that records each step's loss. */
    private static final class Sweep extends BaseListener implements OnePassIterator {
        private final SameDiffGraph graph;
        private final DataView train;
        private final BatchFactory batches;
        private final int batchSize;
        private final int iterations;
        private final CancellationToken cancel;
        private final Random random;
        private final int[] order;
        private final List<Double> losses = new ArrayList<>();
        private int from;
        private boolean stop;
        private double best = Double.POSITIVE_INFINITY;
        private double smoothed;

        Sweep(SameDiffGraph graph, DataView train, BatchFactory batches, int batchSize, int iterations, CancellationToken cancel,
              Random random) {
            this.graph = graph;
            this.train = train;
            this.batches = batches;
            this.batchSize = batchSize;
            this.iterations = iterations;
            this.cancel = cancel;
            this.random = random;
            this.order = train.indices().clone();
            this.from = order.length;
        }

        @Override
        public boolean hasNext() {
            return !stop && losses.size() < iterations && batchSize > 0 && !cancel.isCancelled();
        }

        @Override
        public MultiDataSet next() {
            if (from + batchSize > order.length) {
                shuffle();
                from = 0;
            }
            DataSet batch = batches.batch(train.dataset(), order, from, from + batchSize, random);
            from += batchSize;
            return new org.nd4j.linalg.dataset.MultiDataSet(graph.trainingFeatures(batch.getFeatures()), batch.getLabels());
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
            double value = loss.totalLoss();
            losses.add(value);
            int i = losses.size() - 1;
            if (!Double.isFinite(value)) {
                stop = true;
                return;
            }
            smoothed = 0.9 * smoothed + 0.1 * value;
            double corrected = smoothed / (1 - Math.pow(0.9, i + 1));
            best = Math.min(best, corrected);
            if (i > 10 && corrected > 4 * best) {
                stop = true;
            }
        }

        private void shuffle() {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }

    }
}
