package org.collapselab.core.training.samediff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.EpochLoop;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.training.ModelArchive;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.training.Backends;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.NativeThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Trains a SameDiff graph (NHWC; oneDNN on CPUs with AVX2) inside the shared {@link EpochLoop}. Each epoch is one
 * {@code fit(iterator, 1)} over an iterator that the loop feeds minibatch by minibatch; a listener reports each step's
 * loss back to the loop, which stops the iterator on cancellation or divergence. Configs with batch normalisation are
 * refused ({@link #unsupportedReason}); {@code Engines} sends them to MultiLayerNetwork. Blocking; one worker thread.
 *
 * @implNote {@code fit(DataSet)} in a loop grew the heap of native memory to 5 GiB in an earlier trial, while
 * {@code fit(iterator, 1)} stayed flat, hence the iterator.
 */
public final class SameDiffTrainingEngine implements TrainingEngine {
    public static final String NAME = "samediff";

    /** Null when this engine can train the config, else why not. */
    public static String unsupportedReason(org.collapselab.core.model.ModelConfig model) {
        return SameDiffGraph.unsupported(model);
    }

    @Override
    public BackendInfo backend() {
        return Backends.describe().withEngine(NAME);
    }

    @Override
    public TrainedModel load(Path zip) throws IOException {
        return loadModel(zip);
    }

    /** Loads a model zip written by this engine; see {@link SameDiffTrainedModel#isSameDiffModel}. */
    public static TrainedModel loadModel(Path zip) throws IOException {
        ModelArchive.verify(zip, SameDiffTrainedModel.ENTRIES);
        return SameDiffTrainedModel.load(zip);
    }

    @Override
    public TrainingResult train(TrainingRequest request, TrainingObserver observer, CancellationToken cancel) {
        var data = request.config().data();
        try (var threads = NativeThreads.limit(NativeThreads.forImage(data.imageSize(), data.channels()))) {
            return EpochLoop.train(request, observer, cancel, this::backend, BatchFactory.Layout.NHWC, Session::new);
        }
    }

    /** One graph being trained. */
    private static final class Session implements EpochLoop.Session {
        private final SameDiffGraph graph;
        private final SameDiffTrainedModel model;
        private final SameDiffMonitor monitor;

        Session(EpochLoop.Setup setup) {
            var data = setup.train().dataset();
            graph = SameDiffGraph.build(setup.config(), data.classCount(), setup.classWeights(), setup.singleOutput());
            model = new SameDiffTrainedModel(graph, setup.config(), data.classes(), setup.normalizer(),
                    setup.singleOutput(), setup.classWeights(), setup.fingerprint());
            INDArray probe = setup.probeOrNull() == null ? null : BatchFactory.whole(setup.probeOrNull(),
                    setup.normalizer(), setup.singleOutput(), BatchFactory.Layout.NHWC).getFeatures();
            monitor = new SameDiffMonitor(graph, probe);
            graph.listen(monitor);
        }

        @Override
        public TrainedModel model() {
            return model;
        }

        @Override
        public long parameterCount() {
            return graph.parameterCount();
        }

        @Override
        public void fitEpoch(Iterator<DataSet> batches, EpochLoop.StepObserver steps) {
            monitor.steps(steps);
            try {
                graph.sd.fit(new Batches(batches), 1);
            } finally {
                monitor.steps(null);
            }
        }

        @Override
        public void endEpoch() {
            // Each fit call trains in a new session whose array cache (up to a quarter of JavaCPP's maxBytes)
            // is freed only when the session is collected; with a small heap that can take epochs.
            System.gc();
        }

        @Override
        public DataSet prepare(DataSet batch) {
            return new DataSet(graph.trainingFeatures(batch.getFeatures()), batch.getLabels());
        }

        @Override
        public void beginIteration(long iteration, boolean sampled) {
            monitor.beginIteration(sampled);
        }

        @Override
        public LayerStatistics collect(long iteration, int epoch) {
            return monitor.collect(iteration, epoch);
        }

        @Override
        public Object snapshot() {
            return graph.copyParameters();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void restore(Object snapshot) {
            graph.setParameters((Map<String, INDArray>) snapshot);
        }

        @Override
        public void finish() {
            graph.sd.setListeners();
            graph.releaseSessions();
        }
    }

    /** The loop's minibatches as a (non-resettable, synchronous) iterator for {@code SameDiff.fit}. */
    private static final class Batches implements OnePassIterator {
        private final Iterator<DataSet> batches;

        Batches(Iterator<DataSet> batches) {
            this.batches = batches;
        }

        @Override
        public boolean hasNext() {
            return batches.hasNext();
        }

        @Override
        public MultiDataSet next() {
            DataSet batch = batches.next();
            return new org.nd4j.linalg.dataset.MultiDataSet(batch.getFeatures(), batch.getLabels());
        }

    }
}
