package org.collapselab.core.training.dl4j;

import org.collapselab.core.training.Backends;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.EpochLoop;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.training.ModelArchive;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains with DL4J's {@link MultiLayerNetwork} inside the shared {@link EpochLoop}: one {@code fit} per minibatch,
 * so cancellation is checked between minibatches (latency = one minibatch) and NaN is caught in the iteration it
 * appears. The fallback engine for what the SameDiff engine does not build (batch normalisation). Blocking; call
 * from one worker thread.
 */
public final class Dl4jTrainingEngine implements TrainingEngine {
    public static final String NAME = "multilayer";
    /** Training accuracy is measured on at most this many training images per epoch, to keep epochs cheap. */
    static final int TRAIN_ACCURACY_SAMPLE = EpochLoop.TRAIN_ACCURACY_SAMPLE;
    private final String engineNote;

    public Dl4jTrainingEngine() {
        this(NAME);
    }

    /** @param engineNote how reports name this engine, e.g. "multilayer (batchnorm: not in the SameDiff engine)" */
    public Dl4jTrainingEngine(String engineNote) {
        this.engineNote = engineNote;
    }

    @Override
    public BackendInfo backend() {
        BackendInfo info = Backends.describe();
        if (info.oneDnn()) {
            // M2.1's layer-level oneDNN helpers are unreachable: MultiLayerNetwork runs on the binary, not on oneDNN.
            info = new BackendInfo(info.device(), info.name(), info.blas(),
                    info.description() + " (not used by MultiLayerNetwork)", true, null, info.nativeBinary());
        }
        return info.withEngine(engineNote);
    }

    @Override
    public TrainedModel load(Path zip) throws IOException {
        ModelArchive.verify(zip, Dl4jTrainedModel.ENTRIES);
        return TableTrainedModel.isTableModel(zip) ? TableTrainedModel.load(zip) : Dl4jTrainedModel.load(zip);
    }

    @Override
    public TrainingResult train(TrainingRequest request, TrainingObserver observer, CancellationToken cancel) {
        return EpochLoop.train(request, observer, cancel, this::backend,
                EpochLoop.images(request.config(), BatchFactory.Layout.NCHW, true), Session::forImages);
    }

    /** Class weights n / (C × n_c), so a balanced dataset gets weight 1 everywhere. */
    public static double[] classWeights(int[] counts) {
        return EpochLoop.classWeights(counts);
    }

    /** A fixed random subset of at most {@code limit} images of the view. */
    static DataView sampleOf(DataView view, int limit, long seed) {
        return EpochLoop.sampleOf(view, limit, seed);
    }

    /** One MultiLayerNetwork being trained, on images or on CSV rows ({@link TableTrainer}). */
    static final class Session implements EpochLoop.Session {
        private final MultiLayerNetwork network;
        private final TrainedModel model;
        private final LayerMonitor monitor;

        /** @param probeFeaturesOrNull the probe batch's inputs as the network takes them; null: no monitoring */
        Session(MultiLayerNetwork network, TrainedModel model, ExperimentConfig config, INDArray probeFeaturesOrNull) {
            this.network = network;
            this.model = model;
            if (probeFeaturesOrNull != null) {
                monitor = new LayerMonitor(network, config.model(), probeFeaturesOrNull);
                network.setListeners(monitor);
            } else {
                monitor = null;
            }
        }

        static Session forImages(EpochLoop.Setup setup) {
            ExperimentConfig config = setup.config();
            int classes = setup.train().dataset().classCount();
            // One sigmoid output: the feed weights rows through the labels mask instead (EpochLoop.rowWeighted).
            MultiLayerNetwork network = NetworkFactory.build(config, classes,
                    setup.singleOutput() ? null : setup.classWeights());
            Dl4jTrainedModel model = new Dl4jTrainedModel(network, config, setup.train().dataset().classes(),
                    setup.normalizer(), setup.singleOutput(), setup.classWeights(), setup.fingerprint());
            INDArray probe = setup.probeOrNull() == null ? null
                    : BatchFactory.whole(setup.probeOrNull(), setup.normalizer(), setup.singleOutput()).getFeatures();
            return new Session(network, model, config, probe);
        }

        @Override
        public TrainedModel model() {
            return model;
        }

        @Override
        public long parameterCount() {
            return network.numParams();
        }

        @Override
        public void fitEpoch(Iterator<DataSet> batches, EpochLoop.StepObserver steps) {
            while (batches.hasNext()) {
                network.fit(batches.next());
                if (!steps.step(network.score())) {
                    return;
                }
            }
        }

        @Override
        public void beginIteration(long iteration, boolean sampled) {
            if (monitor != null) {
                monitor.beginIteration(sampled);
            }
        }

        @Override
        public LayerStatistics collect(long iteration, int epoch) {
            return monitor.collect(iteration, epoch);
        }

        @Override
        public Object snapshot() {
            return network.params().dup();
        }

        @Override
        public void restore(Object snapshot) {
            network.setParams((INDArray) snapshot);
        }

        @Override
        public void finish() {
            network.setListeners();
        }
    }
}
