package org.collapselab.core.training.dl4j;

import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.OutputUnits;
import org.collapselab.core.training.TrialRunner.RangeTest;
import org.collapselab.core.util.CancellationToken;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The diagnostics' direct experiments on a {@link MultiLayerNetwork}: the loss of an untrained network and the
 * learning-rate range test (the rate rises exponentially per minibatch; stops once the smoothed loss explodes).
 * Same protocol as {@code SameDiffProbes}. Blocking.
 */
public final class MultiLayerProbes {
    private MultiLayerProbes() {
    }

    /** Mean loss of a freshly initialised network on {@code view}. */
    public static double initialLoss(ExperimentConfig config, DataView train, DataView view) {
        int classes = train.dataset().classCount();
        MultiLayerNetwork network = NetworkFactory.build(config, classes, null);
        boolean single = OutputUnits.single(config.model(), classes);
        Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
        Dl4jTrainedModel model = new Dl4jTrainedModel(network, config, train.dataset().classes(), normalizer, single, null,
                InputFingerprint.of(view));
        return model.loss(view);
    }

    /** Minibatch loss while the learning rate rises from {@code minLr} to {@code maxLr}. */
    public static RangeTest learningRateRange(ExperimentConfig config, DataView train, double minLr, double maxLr,
                                              int iterations, CancellationToken cancel) {
        int classes = train.dataset().classCount();
        MultiLayerNetwork network = NetworkFactory.build(config, classes, null);
        boolean single = OutputUnits.single(config.model(), classes);
        Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
        BatchFactory batches = new BatchFactory(normalizer, null, single);
        return RangeTestLoop.run(network, train.indices(), config.training().batchSize(), config.data().seed(), minLr,
                maxLr, iterations, cancel, (order, from, to, random) -> batches.batch(train.dataset(), order, from, to, random));
    }

}
