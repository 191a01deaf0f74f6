package org.collapselab.core.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.ImageAugmenter;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.LabelledData;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.Balance;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.CancelledException;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epoch loop shared by the engines: sampling and balancing, minibatches, cancellation between minibatches,
 * per-iteration loss, NaN/Inf → {@link RunStatus#DIVERGED} with rollback to the last good parameters, early stopping
 * with restore of the best, layer statistics at the sampling interval and per-epoch {@link EpochMetrics}. The graph
 * API sits behind a {@link Session}. Blocking; runs on the caller's thread.
 */
public final class EpochLoop {
    /** Layer statistics are sampled at most this many times per epoch (at least every layerInterval steps). */
    static final int SAMPLES_PER_EPOCH = 4;
    private static final Logger LOG = LoggerFactory.getLogger(EpochLoop.class);
    /** Training accuracy is measured on at most this many training images per epoch, to keep epochs cheap. */
    public static final int TRAIN_ACCURACY_SAMPLE = 512;

    /** Everything an engine needs to build the network of a run. */
    public record Setup(ExperimentConfig config, DataView train, Normalizer normalizer, double[] classWeights,
                        boolean singleOutput, InputFingerprint fingerprint, DataView probeOrNull, int layerInterval) {
    }

    /**
     * The kind of data a run trains on (images, CSV rows): how its minibatches are built, and the normalizer and
     * fingerprint the engine's {@link Setup} carries.
     */
    public interface Feed {
        /** The pixel normalizer fitted on the training images; null when the feed transforms its own inputs. */
        Normalizer normalizer();

        /** The training images' fingerprint; null for data that keeps its own (CSV rows). */
        InputFingerprint fingerprint();

        /** Samples {@code order[from, to)} as a minibatch. Called on the prefetch thread: must not touch the network. */
        DataSet batch(int[] order, int from, int to, Random random);
    }

    /** Opens the {@link Feed} of a run once its training view, output kind and class weights are known. */
    @FunctionalInterface
    public interface FeedFactory {
        Feed open(DataView train, boolean singleOutput, double[] classWeightsOrNull);
    }

    /** The image feed: pixels normalized as {@code data.normalization} says, augmented, in {@code layout}. */
    public static FeedFactory images(ExperimentConfig config, BatchFactory.Layout layout) {
        return images(config, layout, false);
    }

    /**
     * As above; with {@code rowWeightsForSingleOutput} a single-sigmoid run's class weights reach each row as a
     * labels mask (see {@link #rowWeighted}), for networks whose loss weights whole output columns (MultiLayerNetwork).
     */
    public static FeedFactory images(ExperimentConfig config, BatchFactory.Layout layout,
                                     boolean rowWeightsForSingleOutput) {
        return (train, single, weights) -> {
            double[] rowWeights = rowWeightsForSingleOutput && single ? weights : null;
            Normalizer normalizer = Normalizer.fit(config.data().normalization(), train);
            BatchFactory factory = new BatchFactory(normalizer, ImageAugmenter.from(config.data().augmentation()),
                    single, layout);
            ImageDataset data = train.dataset();
            InputFingerprint fingerprint = InputFingerprint.of(train);
            return new Feed() {
                @Override
                public Normalizer normalizer() {
                    return normalizer;
                }

                @Override
                public InputFingerprint fingerprint() {
                    return fingerprint;
                }

                @Override
                public DataSet batch(int[] order, int from, int to, Random random) {
                    DataSet batch = factory.batch(data, order, from, to, random);
                    return rowWeights == null ? batch : rowWeighted(batch, rowWeights);
                }
            };
        };
    }

    /**
     * The batch with each row's loss weighted by its class through a labels mask ({@code [n, 1]}, single output).
     * DL4J's loss weight for one sigmoid column scales every row alike, negatives too, which Adam's normalised
     * steps cancel: the weighted and unweighted runs trained identically.
     */
    public static DataSet rowWeighted(DataSet batch, double[] classWeights) {
        float[] labels = batch.getLabels().toFloatVector();
        float[] mask = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            mask[i] = (float) classWeights[labels[i] > 0.5f ? 1 : 0];
        }
        batch.setLabelsMaskArray(org.collapselab.core.util.FloatArrays.of(mask, labels.length, 1));
        return batch;
    }

    /** Builds the network of a run. */
    @FunctionalInterface
    public interface SessionFactory {
        Session open(Setup setup);
    }

    /** Sees every optimisation step; returns false to stop the epoch (divergence). */
    @FunctionalInterface
    public interface StepObserver {
        boolean step(double loss);
    }

    /** One network being trained, behind the loop. Training thread only. */
    public interface Session {
        /** The model; its predictions follow the current parameters. */
        TrainedModel model();

        long parameterCount();

        /**
         * Trains on {@code batches} until it runs dry, reporting each step's loss to {@code steps} and returning
         * early when a step returns false. {@code Iterator.next()} is called right before each optimisation step.
         */
        void fitEpoch(Iterator<DataSet> batches, StepObserver steps);

        /**
         * Turns a minibatch into what {@link #fitEpoch} feeds the network. Called on the loop's prefetch
         * thread, one batch ahead of training, so it must not touch the network.
         */
        default DataSet prepare(DataSet batch) {
            return batch;
        }

        /** Between epochs, after the timed minibatch loop: housekeeping such as freeing native memory. */
        default void endEpoch() {
        }

        /** Called before each step; {@code sampled} says whether this step's gradients and updates are wanted. */
        void beginIteration(long iteration, boolean sampled);

        /** After a sampled step (outside the fit): probe activations and the captured gradients/updates. */
        LayerStatistics collect(long iteration, int epoch);

        /** A copy of the parameters, for rollback and early stopping. */
        Object snapshot();

        void restore(Object snapshot);

        /** The run has ended (listeners may be removed); the model stays usable. */
        default void finish() {
        }
    }

    private EpochLoop() {
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

    /**
     * Runs a whole training run. Never throws for training failures: they come back as {@link RunStatus#FAILED}.
     *
     * @param backend describes the backend; called first, so a backend that cannot start fails with its explanation
     */
    public static TrainingResult train(TrainingRequest request, TrainingObserver observer, CancellationToken cancel,
                                       java.util.function.Supplier<BackendInfo> backend, BatchFactory.Layout layout,
                                       SessionFactory sessions) {
        return train(request, observer, cancel, backend, images(request.config(), layout), sessions);
    }

    /** As above, on any kind of data: {@code feeds} builds its minibatches (CSV rows, for instance). */
    public static TrainingResult train(TrainingRequest request, TrainingObserver observer, CancellationToken cancel,
                                       java.util.function.Supplier<BackendInfo> backend, FeedFactory feeds,
                                       SessionFactory sessions) {
        long start = System.nanoTime();
        ExecutorService prefetcher = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "batch-prefetch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return new Run(request, observer, cancel, start, feeds, prefetcher).execute(backend.get(), sessions);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("training failed", e);
            String reason = e instanceof BackendUnavailableException ? e.getMessage() : e.toString();
            TrainingResult failed = new TrainingResult(RunStatus.FAILED, List.of(), CollapseVerdict.NONE, null,
                    "training failed: " + reason, List.of(), List.of(), seconds(start));
            observer.onFinished(failed);
            return failed;
        } finally {
            prefetcher.shutdownNow();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** State of one training run. */
    private static final class Run {
        private final TrainingRequest request;
        private final TrainingObserver observer;
        private final CancellationToken cancel;
        private final long start;
        private final FeedFactory feeds;
        private final ExperimentConfig config;
        private final List<EpochMetrics> epochs = new ArrayList<>();
        private final List<IterationSample> iterations = new ArrayList<>();
        private final List<LayerStatistics> layerHistory = new ArrayList<>();
        private final org.collapselab.core.util.NativeMemoryGuard memory =
                org.collapselab.core.util.NativeMemoryGuard.startingNow(org.collapselab.core.util.NativeMemoryGuard.DEFAULT_HEADROOM);
        private RunStatus status = RunStatus.COMPLETED;
        private String message;
        private long iteration;
        /** Builds the next minibatch while the current one trains (one thread: batches stay in order). */
        private final ExecutorService prefetcher;

        Run(TrainingRequest request, TrainingObserver observer, CancellationToken cancel, long start,
            FeedFactory feeds, ExecutorService prefetcher) {
            this.prefetcher = prefetcher;
            this.request = request;
            this.observer = observer;
            this.cancel = cancel;
            this.start = start;
            this.feeds = feeds;
            this.config = request.config();
        }

        TrainingResult execute(BackendInfo backend, SessionFactory sessions) {
            DataView train = request.train();
            DataView validation = request.validation() != null && request.validation().count() > 0
                    ? request.validation() : train;
            LabelledData data = train.data();
            double[] weights = config.data().balance() == Balance.CLASS_WEIGHTS ? classWeights(train.classCounts()) : null;
            boolean single = org.collapselab.core.model.OutputUnits.single(config.model(),
                    data.classCount());
            MonitoringOptions monitoring = request.monitoring() == null ? MonitoringOptions.DEFAULT : request.monitoring();
            boolean monitored = monitoring.enabled() && train.count() > 0;
            DataView probe = monitored ? sampleOf(train, monitoring.probeBatchSize(), config.data().seed() + 1) : null;
            EpochSampler sampler = new EpochSampler(train, config.data().balance(), config.data().seed());
            Random random = sampler.random();
            int batchSize = config.training().batchSize();
            int epochSize = sampler.nextEpoch().length;
            int iterationsPerEpoch = (epochSize + batchSize - 1) / batchSize;
            // At least every `layerInterval` steps, but no more than SAMPLES_PER_EPOCH times an epoch: each sample runs
            // the probe batch forward, which cost 15–35% of training time on 3,000 images at every 10th step.
            int interval = Math.max(Math.max(1, monitoring.layerInterval()), iterationsPerEpoch / SAMPLES_PER_EPOCH);
            Feed feed = feeds.open(train, single, weights);
            Session session = sessions.open(new Setup(config, train, feed.normalizer(), weights, single,
                    feed.fingerprint(), probe, interval));
            DataView trainSample = request.trainAccuracy() ? sampleOf(train, TRAIN_ACCURACY_SAMPLE, config.data().seed())
                    : null;
            observer.onStarted(new RunStarted(config, backend, data.classes(), train.count(), request.validation() == null
                    ? 0 : request.validation().count(), iterationsPerEpoch, session.parameterCount()));

            Object lastGood = session.snapshot();
            Object best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            int sinceBest = 0;
            int patience = config.training().earlyStoppingPatience();
            double learningRate = config.training().learningRate();

            for (int epoch = 1; epoch <= config.training().epochs(); epoch++) {
                long epochStart = System.nanoTime();
                EpochBatches batches = new EpochBatches(session, sampler.nextEpoch(), batchSize, feed, random, epoch, monitored, interval, learningRate);
                try {
                    if (batches.hasNext()) {
                        session.fitEpoch(batches, batches::step);
                    }
                } finally {
                    batches.close();
                }
                batches.flushSample();
                if (batches.diverged) {
                    session.restore(lastGood);
                    break;
                }
                if (batches.cancelled) {
                    break;
                }
                // Epoch seconds count the minibatch loop only, so throughput compares with other frameworks' loops
                // (torch_ref.py times its loop the same way); evaluation and housekeeping come after.
                double trainSeconds = seconds(epochStart);
                session.endEpoch();
                EpochMetrics metrics = evaluate(session.model(), weights, single, epoch,
                        batches.lossSum / Math.max(1, batches.seen), trainSample, validation, trainSeconds);
                epochs.add(metrics);
                observer.onEpoch(metrics);
                if (!Double.isFinite(metrics.validationLoss())) {
                    status = RunStatus.DIVERGED;
                    message = "the validation loss became " + metrics.validationLoss() + " in epoch " + epoch;
                    session.restore(lastGood);
                    break;
                }
                lastGood = session.snapshot();
                if (request.targetReached(metrics.validationAccuracy())) {
                    message = String.format(java.util.Locale.ROOT, "stopped after epoch %d: validation accuracy %.3f "
                            + "reached the target %.3f", epoch, metrics.validationAccuracy(),
                            request.stopAtValidationAccuracy());
                    break;
                }
                if (patience > 0) {
                    if (metrics.validationLoss() < bestLoss - 1e-6) {
                        bestLoss = metrics.validationLoss();
                        best = lastGood;
                        sinceBest = 0;
                    } else if (++sinceBest >= patience) {
                        message = "early stopping: the validation loss has not improved for " + patience
                                + " epochs; restored the model of epoch " + (epoch - sinceBest);
                        session.restore(best);
                        break;
                    }
                }
            }
            session.finish();
            TrainingResult result = new TrainingResult(status, epochs, CollapseVerdict.of(epochs), session.model(),
                    message, iterations, layerHistory, seconds(start));
            observer.onFinished(result);
            return result;
        }

        /** The minibatches of one epoch, pulled by the session; also the step observer of that epoch. */
        private final class EpochBatches implements Iterator<DataSet> {
            private final Session session;
            private final int[] order;
            private final int batchSize;
            private final Feed feed;
            private final Random random;
            private final int epoch;
            private final boolean monitored;
            private final int interval;
            private final double learningRate;
            private int from;
            private Future<DataSet> prefetched; // the batch starting at `from`, being built on the prefetch thread
            private int currentSize;
            private boolean sampled;
            private boolean pendingSample;
            boolean diverged;
            boolean cancelled;
            double lossSum;
            int seen;

            EpochBatches(Session session, int[] order, int batchSize, Feed feed, Random random, int epoch, boolean monitored, int interval, double learningRate) {
                this.session = session;
                this.order = order;
                this.batchSize = batchSize;
                this.feed = feed;
                this.random = random;
                this.epoch = epoch;
                this.monitored = monitored;
                this.interval = interval;
                this.learningRate = learningRate;
            }

            @Override
            public boolean hasNext() {
                flushSample();
                if (diverged || cancelled || from >= order.length) {
                    return false;
                }
                if (cancel.isCancelled()) {
                    cancelled = true;
                    status = RunStatus.STOPPED;
                    message = "stopped by the user in epoch " + epoch;
                    return false;
                }
                return true;
            }

            @Override
            public DataSet next() {
                if (from >= order.length) {
                    throw new NoSuchElementException();
                }
                memory.check();
                int to = Math.min(order.length, from + batchSize);
                DataSet batch = prefetched != null ? await(prefetched) : build(from, to);
                prefetched = null;
                currentSize = to - from;
                from = to;
                if (to < order.length) { // the next batch is built while this one trains
                    int end = Math.min(order.length, to + batchSize);
                    prefetched = prefetcher.submit(() -> build(to, end));
                }
                iteration++;
                sampled = monitored && iteration % interval == 0;
                session.beginIteration(iteration, sampled);
                return batch;
            }

            private DataSet build(int start, int end) {
                return session.prepare(feed.batch(order, start, end, random));
            }

            /**
             * Waits for a batch still being built: the random generator is shared with the next epoch. (Not
             * cancelled: a running FutureTask reports cancelled at once and carries on using the generator.)
             */
            void close() {
                if (prefetched != null) {
                    try {
                        prefetched.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException ignored) {
                        // the batch is not used any more
                    }
                    prefetched = null;
                }
            }

            private DataSet await(Future<DataSet> batch) {
                try {
                    return batch.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }

            boolean step(double loss) {
                IterationSample sample = new IterationSample(iteration, epoch, loss, learningRate);
                iterations.add(sample);
                observer.onIteration(sample);
                if (!Double.isFinite(loss)) {
                    diverged = true;
                    status = RunStatus.DIVERGED;
                    message = "the loss became " + loss + " at iteration " + iteration + " (epoch " + epoch
                            + "); the model was rolled back to the end of epoch " + (epoch - 1);
                    return false;
                }
                lossSum += loss * currentSize;
                seen += currentSize;
                pendingSample = sampled;
                return true;
            }

            /** Probe statistics of the last sampled step, taken between steps (never inside a fit's callbacks). */
            void flushSample() {
                if (pendingSample) {
                    pendingSample = false;
                    LayerStatistics statistics = session.collect(iteration, epoch);
                    layerHistory.add(statistics);
                    observer.onLayerStatistics(statistics);
                }
            }
        }

        private EpochMetrics evaluate(TrainedModel model, double[] weights, boolean single, int epoch, double trainLoss,
                                      DataView trainSample, DataView validation, double seconds) {
            double trainAccuracy = Double.NaN; // not asked for: no forward pass over the training sample
            if (trainSample != null) {
                int[] trainPredicted = model.predict(trainSample);
                int correct = 0;
                for (int i = 0; i < trainPredicted.length; i++) {
                    correct += trainPredicted[i] == trainSample.label(i) ? 1 : 0;
                }
                trainAccuracy = trainSample.count() == 0 ? 0 : (double) correct / trainSample.count();
            }
            float[][] probabilities = model.predictProbabilities(validation);
            int[] actual = new int[validation.count()];
            int[] predicted = new int[validation.count()];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = validation.label(i);
                predicted[i] = argmax(probabilities[i]);
            }
            double validationLoss = Losses.meanLoss(config.model().loss(), probabilities, actual, weights, single);
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

    /** A fixed random subset of at most {@code limit} samples of the view. */
    public static DataView sampleOf(DataView view, int limit, long seed) {
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
        return new DataView(view.data(), chosen);
    }
}
