package org.collapselab.core.training.dl4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageAugmenter;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.Balance;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.LayerStatistics;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.training.RunStarted;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.training.TrainingEngine;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains with DL4J's {@link MultiLayerNetwork}: an explicit minibatch loop so cancellation is
 * checked between minibatches (latency = one minibatch), NaN is caught in the iteration it
 * appears, and monitoring is sampled cheaply. Blocking; call from one worker thread.
 */
public final class Dl4jTrainingEngine implements TrainingEngine {
    private static final Logger LOG = LoggerFactory.getLogger(Dl4jTrainingEngine.class);
    /** Training accuracy is measured on at most this many training images per epoch, to keep epochs cheap. */
    static final int TRAIN_ACCURACY_SAMPLE = 512;

    @Override
    public BackendInfo backend() {
        return Backends.describe();
    }

    @Override
    public TrainedModel load(Path zip) throws IOException {
        return Dl4jTrainedModel.load(zip);
    }

    @Override
    public TrainingResult train(TrainingRequest request, TrainingObserver observer, CancellationToken cancel) {
        long start = System.nanoTime();
        try {
            return new Run(request, observer, cancel, start).execute();
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("training failed", e);
            String reason = e instanceof org.collapselab.core.training.BackendUnavailableException ? e.getMessage() : e.toString();
            TrainingResult failed = new TrainingResult(RunStatus.FAILED, List.of(), CollapseVerdict.NONE, null,
                    "training failed: " + reason, List.of(), List.of(), seconds(start));
            observer.onFinished(failed);
            return failed;
        }
    }

    /** Class weights n / (C × n_c), so a balanced dataset gets weight 1 everywhere. */
    public static double[] classWeights(int[] counts) {
        int present = (int) Arrays.stream(counts).filter(c -> c > 0).count();
        long total = Arrays.stream(counts).sum();
        double[] weights = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            weights[c] = counts[c] == 0 ? 0 : (double) total / ((double) present * counts[c]);
        }
        return weights;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** State of one training run. */
    private final class Run {
        private final TrainingRequest request;
        private final TrainingObserver observer;
        private final CancellationToken cancel;
        private final long start;
        private final ExperimentConfig config;
        private final List<EpochMetrics> epochs = new ArrayList<>();
        private final List<IterationSample> iterations = new ArrayList<>();
        private final List<LayerStatistics> layerHistory = new ArrayList<>();

        Run(TrainingRequest request, TrainingObserver observer, CancellationToken cancel, long start) {
            this.request = request;
            this.observer = observer;
            this.cancel = cancel;
            this.start = start;
            this.config = request.config();
        }

        TrainingResult execute() {
            BackendInfo backend = backend(); // fails with an explanation before any ND4J error can escape
            DataView train = request.train();
            DataView validation = request.validation() != null && request.validation().count() > 0
                    ? request.validation() : train;
            ImageDataset data = train.dataset();
            Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
            double[] weights = config.data().balance() == Balance.CLASS_WEIGHTS ? classWeights(train.classCounts()) : null;
            MultiLayerNetwork network = NetworkFactory.build(config, data.classCount(), weights);
            boolean single = NetworkFactory.usesSingleOutput(config.model(), data.classCount());
            Dl4jTrainedModel model = new Dl4jTrainedModel(network, config, data.classes(), normalizer, single, weights,
                    InputFingerprint.of(train));

            EpochSampler sampler = new EpochSampler(train, config.data().balance(), config.data().seed());
            Random random = sampler.random();
            BatchFactory trainBatches = new BatchFactory(normalizer, ImageAugmenter.from(config.data().augmentation()), single);
            int batchSize = config.training().batchSize();
            int epochSize = sampler.nextEpoch().length;
            int iterationsPerEpoch = (epochSize + batchSize - 1) / batchSize;
            DataView trainSample = sampleOf(train, TRAIN_ACCURACY_SAMPLE, config.data().seed());

            MonitoringOptions monitoring = request.monitoring() == null ? MonitoringOptions.DEFAULT : request.monitoring();
            LayerMonitor monitor = null;
            if (monitoring.enabled() && train.count() > 0) {
                DataView probe = sampleOf(train, monitoring.probeBatchSize(), config.data().seed() + 1);
                INDArray probeFeatures = BatchFactory.whole(probe, normalizer, single).getFeatures();
                monitor = new LayerMonitor(network, config.model(), probeFeatures, monitoring.layerInterval());
                network.setListeners(monitor);
            }
            observer.onStarted(new RunStarted(config, backend, data.classes(), train.count(), request.validation() == null
                    ? 0 : request.validation().count(), iterationsPerEpoch, network.numParams()));

            INDArray lastGood = network.params().dup();
            INDArray best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            int sinceBest = 0;
            int patience = config.training().earlyStoppingPatience();
            RunStatus status = RunStatus.COMPLETED;
            String message = null;
            long iteration = 0;
            double learningRate = config.training().learningRate();

            epochLoop:
            for (int epoch = 1; epoch <= config.training().epochs(); epoch++) {
                long epochStart = System.nanoTime();
                int[] order = sampler.nextEpoch();
                double lossSum = 0;
                int seen = 0;
                for (int from = 0; from < order.length; from += batchSize) {
                    if (cancel.isCancelled()) {
                        status = RunStatus.STOPPED;
                        message = "stopped by the user in epoch " + epoch;
                        break epochLoop;
                    }
                    int to = Math.min(order.length, from + batchSize);
                    DataSet batch = trainBatches.batch(data, order, from, to, random);
                    iteration++;
                    if (monitor != null) {
                        monitor.beginIteration(iteration);
                    }
                    network.fit(batch);
                    double loss = network.score();
                    IterationSample sample = new IterationSample(iteration, epoch, loss, learningRate);
                    iterations.add(sample);
                    observer.onIteration(sample);
                    if (!Double.isFinite(loss)) {
                        status = RunStatus.DIVERGED;
                        message = "the loss became " + loss + " at iteration " + iteration + " (epoch " + epoch
                                + "); the model was rolled back to the end of epoch " + (epoch - 1);
                        network.setParams(lastGood);
                        break epochLoop;
                    }
                    lossSum += loss * (to - from);
                    seen += to - from;
                    if (monitor != null && monitor.sampling()) {
                        LayerStatistics statistics = monitor.collect(iteration, epoch);
                        layerHistory.add(statistics);
                        observer.onLayerStatistics(statistics);
                    }
                }
                // Epoch seconds count the minibatch loop only, so throughput compares with other frameworks' loops.
                double trainSeconds = seconds(epochStart);
                EpochMetrics metrics = evaluate(model, epoch, lossSum / Math.max(1, seen), trainSample, validation,
                        trainSeconds);
                if (!Double.isFinite(metrics.validationLoss())) {
                    epochs.add(metrics);
                    observer.onEpoch(metrics);
                    status = RunStatus.DIVERGED;
                    message = "the validation loss became " + metrics.validationLoss() + " in epoch " + epoch;
                    network.setParams(lastGood);
                    break;
                }
                epochs.add(metrics);
                observer.onEpoch(metrics);
                lastGood = network.params().dup();
                if (patience > 0) {
                    if (metrics.validationLoss() < bestLoss - 1e-6) {
                        bestLoss = metrics.validationLoss();
                        best = lastGood;
                        sinceBest = 0;
                    } else if (++sinceBest >= patience) {
                        message = "early stopping: the validation loss has not improved for " + patience
                                + " epochs; restored the model of epoch " + (epoch - sinceBest);
                        network.setParams(best);
                        break;
                    }
                }
            }
            network.setListeners();
            TrainingResult result = new TrainingResult(status, epochs, CollapseVerdict.of(epochs), model, message,
                    iterations, layerHistory, seconds(start));
            observer.onFinished(result);
            return result;
        }

        private EpochMetrics evaluate(Dl4jTrainedModel model, int epoch, double trainLoss, DataView trainSample,
                                      DataView validation, double seconds) {
            int[] trainPredicted = model.predict(trainSample);
            int correct = 0;
            for (int i = 0; i < trainPredicted.length; i++) {
                correct += trainPredicted[i] == trainSample.label(i) ? 1 : 0;
            }
            double trainAccuracy = trainSample.count() == 0 ? 0 : (double) correct / trainSample.count();
            float[][] probabilities = model.predictProbabilities(validation);
            int[] actual = new int[validation.count()];
            int[] predicted = new int[validation.count()];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = validation.label(i);
                predicted[i] = argmax(probabilities[i]);
            }
            double validationLoss = Dl4jTrainedModel.meanLoss(config.model().loss(), probabilities, actual,
                    model.classWeightsOrNull(), model.singleOutput());
            ConfusionMatrix confusion = ConfusionMatrix.of(model.classes(), actual, predicted);
            return new EpochMetrics(epoch, trainLoss, validationLoss, trainAccuracy, confusion.accuracy(),
                    confusion.balancedAccuracy(), confusion.macroF1(), confusion.predictionShare(),
                    confusion.majorityBaseline(), seconds + 0.0, confusion);
        }
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** A fixed random subset of at most {@code limit} images of the view. */
    static DataView sampleOf(DataView view, int limit, long seed) {
        if (view.count() <= limit) {
            return view;
        }
        int[] indices = view.indices().clone();
        Random random = new Random(seed);
        for (int i = indices.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = indices[i];
            indices[i] = indices[j];
            indices[j] = t;
        }
        int[] chosen = Arrays.copyOf(indices, limit);
        Arrays.sort(chosen);
        return new DataView(view.dataset(), chosen);
    }
}
