package org.collapselab.core.experiment;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.training.dl4j.TableTrainer;
import org.collapselab.core.training.TrialBudget;
import org.collapselab.core.training.TrialCounts;
import org.collapselab.core.training.TrialRunner;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.dl4j.Dl4jTrainingEngine;
import org.collapselab.core.training.dl4j.MultiLayerProbes;
import org.collapselab.core.training.samediff.SameDiffProbes;
import org.collapselab.core.training.samediff.SameDiffTrainingEngine;
import org.collapselab.core.util.CancellationToken;

/**
 * The {@link TrialRunner} for both engines (rows of a CSV table go to {@link TableTrainer}, which trains them): trial runs through a {@link TrainingEngine}; the untrained loss and the
 * learning-rate range test directly on the network that engine trains ({@link SameDiffProbes} on a SameDiff graph,
 * {@link MultiLayerProbes} on a MultiLayerNetwork). Identical trial requests are
 * answered from a cache (which may be shared between sessions on the same data, e.g. the scorecard).
 * Blocking; one worker thread.
 */
public final class CachingTrialRunner implements TrialRunner {
    private final TrainingEngine engine;
    private final TrialBudget budget;
    private final Map<String, TrainingResult> cache;
    /** Work counted for the per-step figures of a diagnosis (trials, cache hits, epochs, images, probe steps). */
    private final java.util.concurrent.atomic.AtomicReference<TrialCounts> counts =
            new java.util.concurrent.atomic.AtomicReference<>(TrialCounts.NONE);

    public CachingTrialRunner(TrainingEngine engine, TrialBudget budget) {
        this(engine, budget, new ConcurrentHashMap<>());
    }

    public CachingTrialRunner(TrainingEngine engine, TrialBudget budget, Map<String, TrainingResult> sharedCache) {
        this.engine = engine;
        this.budget = budget;
        this.cache = sharedCache;
    }

    @Override
    public TrialBudget budget() {
        return budget;
    }

    private static String key(ExperimentConfig config, DataView train, DataView validation, MonitoringOptions m,
                              double stopAt) {
        return ConfigCodec.toJson(config.withName("trial")) + "|" + System.identityHashCode(train.data()) + ":"
                + Arrays.hashCode(train.indices()) + "|" + System.identityHashCode(validation.data()) + ":"
                + Arrays.hashCode(validation.indices()) + "|" + m + (stopAt > 0 ? "|until " + stopAt : "");
    }

    @Override
    public TrainingResult train(ExperimentConfig config, DataView train, DataView validation, MonitoringOptions monitoring,
                                CancellationToken cancel) {
        return trainUntil(config, train, validation, monitoring, 0, cancel);
    }

    @Override
    public TrainingResult trainUntil(ExperimentConfig config, DataView train, DataView validation,
                                     MonitoringOptions monitoring, double stopAtValidationAccuracy,
                                     CancellationToken cancel) {
        String key = key(config, train, validation, monitoring, stopAtValidationAccuracy);
        TrainingResult cached = cache.get(key);
        if (cached != null) {
            count(new TrialCounts(0, 1, 0, 0, 0));
            return cached;
        }
        budget.require("a trial run");
        TrainingResult result = train.data() instanceof TableDataset table
                ? TableTrainer.train(config, table, train.indices(), (TableDataset) validation.data(),
                        validation.indices(), monitoring, TrainingObserver.NONE, cancel)
                : engine.train(new TrainingRequest(config, train, validation, monitoring, stopAtValidationAccuracy,
                        monitoring.enabled()), TrainingObserver.NONE, cancel);
        count(TrialCounts.ofRun(result, train.count()));
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
    public TrialCounts counts() {
        return counts.get();
    }

    private void count(TrialCounts more) {
        counts.accumulateAndGet(more, TrialCounts::plus);
    }

    @Override
    public double initialLoss(ExperimentConfig config, DataView train, DataView view) {
        count(new TrialCounts(0, 0, 0, view.count(), 1));
        if (train.data() instanceof TableDataset table) {
            return TableTrainer.initialLoss(config, table, train.indices(), view.indices());
        }
        return sameDiff(config) ? SameDiffProbes.initialLoss(config, train, view)
                : MultiLayerProbes.initialLoss(config, train, view);
    }

    @Override
    public RangeTest learningRateRange(ExperimentConfig config, DataView train, double minLr, double maxLr,
                                       int iterations, CancellationToken cancel) {
        budget.require("the learning-rate range test");
        RangeTest test = rangeTest(config, train, minLr, maxLr, iterations, cancel);
        long steps = test.losses().length;
        count(new TrialCounts(0, 0, 0, steps * config.training().batchSize(), steps));
        return test;
    }

    private RangeTest rangeTest(ExperimentConfig config, DataView train, double minLr, double maxLr, int iterations,
                                CancellationToken cancel) {
        if (train.data() instanceof TableDataset table) {
            return TableTrainer.learningRateRange(config, table, train.indices(), minLr, maxLr, iterations, cancel);
        }
        return sameDiff(config) ? SameDiffProbes.learningRateRange(config, train, minLr, maxLr, iterations, cancel)
                : MultiLayerProbes.learningRateRange(config, train, minLr, maxLr, iterations, cancel);
    }

    /** The direct experiments run on the graph the engine trains: SameDiff unless MultiLayerNetwork is forced or needed. */
    private boolean sameDiff(ExperimentConfig config) {
        return !(engine instanceof Dl4jTrainingEngine) && SameDiffTrainingEngine.unsupportedReason(config.model()) == null;
    }
}
