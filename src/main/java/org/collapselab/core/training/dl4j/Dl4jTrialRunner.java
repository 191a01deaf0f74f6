package org.collapselab.core.training.dl4j;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.diagnostics.TrialBudget;
import org.collapselab.core.diagnostics.TrialRunner;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * {@link TrialRunner} on DL4J: trials through a {@link TrainingEngine}, the untrained loss and the
 * learning-rate range test directly on the engine's network: a SameDiff graph ({@code SameDiffTrials}) unless the
 * engine is MultiLayerNetwork or the config needs it, else a {@link MultiLayerNetwork}. Identical trial requests are
 * answered from a cache (which may be shared between sessions on the same data, e.g. the scorecard).
 * Blocking; one worker thread.
 */
public final class Dl4jTrialRunner implements TrialRunner {
    private final TrainingEngine engine;
    private final TrialBudget budget;
    private final Map<String, TrainingResult> cache;

    public Dl4jTrialRunner(TrainingEngine engine, TrialBudget budget) {
        this(engine, budget, new ConcurrentHashMap<>());
    }

    public Dl4jTrialRunner(TrainingEngine engine, TrialBudget budget, Map<String, TrainingResult> sharedCache) {
        this.engine = engine;
        this.budget = budget;
        this.cache = sharedCache;
    }

    @Override
    public TrialBudget budget() {
        return budget;
    }

    private static String key(ExperimentConfig config, DataView train, DataView validation, MonitoringOptions m) {
        return ConfigCodec.toJson(config.withName("trial")) + "|" + System.identityHashCode(train.dataset()) + ":"
                + Arrays.hashCode(train.indices()) + "|" + System.identityHashCode(validation.dataset()) + ":"
                + Arrays.hashCode(validation.indices()) + "|" + m;
    }

    @Override
    public TrainingResult train(ExperimentConfig config, DataView train, DataView validation, MonitoringOptions monitoring,
                                CancellationToken cancel) {
        String key = key(config, train, validation, monitoring);
        TrainingResult cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        budget.require("a trial run");
        TrainingResult result = engine.train(new TrainingRequest(config, train, validation, monitoring),
                TrainingObserver.NONE, cancel);
        if (!cancel.isCancelled()) {
            cache.put(key, withoutModel(result));
        }
        return result;
    }

    /** Cached results drop the network so a long session does not hold every trial's weights. */
    private static TrainingResult withoutModel(TrainingResult r) {
        return new TrainingResult(r.status(), r.epochs(), r.collapse(), null, r.message(), r.iterations(), r.layerHistory(),
                r.seconds());
    }

    @Override
    public double initialLoss(ExperimentConfig config, DataView train, DataView view) {
        if (sameDiff(config)) {
            return org.collapselab.core.training.samediff.SameDiffTrials.initialLoss(config, train, view);
        }
        int classes = train.dataset().classCount();
        MultiLayerNetwork network = NetworkFactory.build(config, classes, null);
        boolean single = NetworkFactory.usesSingleOutput(config.model(), classes);
        Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
        Dl4jTrainedModel model = new Dl4jTrainedModel(network, config, train.dataset().classes(), normalizer, single, null,
                InputFingerprint.of(view));
        return model.loss(view);
    }

    @Override
    public RangeTest learningRateRange(ExperimentConfig config, DataView train, double minLr, double maxLr,
                                       int iterations, CancellationToken cancel) {
        budget.require("the learning-rate range test");
        if (sameDiff(config)) {
            return org.collapselab.core.training.samediff.SameDiffTrials.learningRateRange(config, train, minLr, maxLr,
                    iterations, cancel);
        }
        int classes = train.dataset().classCount();
        MultiLayerNetwork network = NetworkFactory.build(config, classes, null);
        boolean single = NetworkFactory.usesSingleOutput(config.model(), classes);
        Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
        BatchFactory batches = new BatchFactory(normalizer, null, single);
        Random random = new Random(config.data().seed());
        int[] order = train.indices().clone();
        int batchSize = Math.min(config.training().batchSize(), order.length);
        double[] lrs = new double[iterations];
        double[] losses = new double[iterations];
        int done = 0;
        int from = order.length;
        double best = Double.POSITIVE_INFINITY;
        double smoothed = 0;
        for (int i = 0; i < iterations && !cancel.isCancelled(); i++) {
            if (from + batchSize > order.length) {
                shuffle(order, random);
                from = 0;
            }
            double lr = minLr * Math.pow(maxLr / minLr, (double) i / Math.max(1, iterations - 1));
            network.setLearningRate(lr);
            DataSet batch = batches.batch(train.dataset(), order, from, from + batchSize, random);
            from += batchSize;
            network.fit(batch);
            double loss = network.score();
            lrs[i] = lr;
            losses[i] = loss;
            done = i + 1;
            if (!Double.isFinite(loss)) {
                break;
            }
            smoothed = 0.9 * smoothed + 0.1 * loss;
            double corrected = smoothed / (1 - Math.pow(0.9, i + 1));
            best = Math.min(best, corrected);
            if (i > 10 && corrected > 4 * best) {
                break;
            }
        }
        return new RangeTest(Arrays.copyOf(lrs, done), Arrays.copyOf(losses, done));
    }

    /** The direct experiments run on the graph the engine trains: SameDiff unless MultiLayerNetwork is forced or needed. */
    private boolean sameDiff(ExperimentConfig config) {
        return !(engine instanceof Dl4jTrainingEngine)
                && org.collapselab.core.training.samediff.SameDiffTrainingEngine.unsupportedReason(config.model()) == null;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
