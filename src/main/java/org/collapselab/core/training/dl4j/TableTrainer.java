package org.collapselab.core.training.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.collapselab.core.data.csv.PreparedTable;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.data.csv.TableStandardizer;
import org.collapselab.core.data.csv.TableFingerprint;
import org.collapselab.core.data.Split;
import org.collapselab.core.training.TrialRunner;
import org.collapselab.core.model.Balance;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerShapes;
import org.collapselab.core.model.Normalization;
import org.collapselab.core.model.OutputUnits;
import org.collapselab.core.training.Backends;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.EpochLoop;
import org.collapselab.core.training.EpochMetrics;
import org.collapselab.core.training.EpochSampler;
import org.collapselab.core.training.IterationSample;
import org.collapselab.core.training.Losses;
import org.collapselab.core.training.RunStarted;
import org.collapselab.core.training.RunStatus;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.FloatArrays;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link MultiLayerNetwork} on CSV rows: dense layers on feature vectors, Convolution1D / Subsampling1D /
 * GlobalPooling on series (DL4J's NCW layout, {@code [n, channels, length]}). The same sampling, class weights, single
 * sigmoid output, per-epoch metrics, early stopping and collapse verdict as the image loop, without layer monitoring. This is the
 * first step of training on tables (docs/decisions/0010-csv-data.md); the image {@code EpochLoop} is not yet shared.
 * Blocking; never throws for training failures (they come back as {@link RunStatus#FAILED}).
 */
public final class TableTrainer {
    /** How reports name this engine. */
    public static final String ENGINE = Dl4jTrainingEngine.NAME + " (CSV data: MultiLayerNetwork has Convolution1D,"
            + " Subsampling1D and GlobalPooling layers and feed-forward input; the SameDiff graph is built for images only)";
    private static final Logger LOG = LoggerFactory.getLogger(TableTrainer.class);

    private TableTrainer() {
    }

    /**
     * @param table the split rows; standardized with its training-split fit unless {@code data.normalization} is none
     */
    public static TrainingResult train(ExperimentConfig config, PreparedTable table, TrainingObserver observer,
                                       CancellationToken cancel) {
        long start = System.nanoTime();
        try {
            return run(config, table, observer, cancel, start);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("training failed", e);
            TrainingResult failed = new TrainingResult(RunStatus.FAILED, List.of(), CollapseVerdict.NONE, null,
                    "training failed: " + (e instanceof IllegalArgumentException ? e.getMessage() : e.toString()),
                    List.of(), List.of(), seconds(start));
            observer.onFinished(failed);
            return failed;
        }
    }

    /**
     * A trial run: trains on rows {@code train} of {@code trainData} and validates on rows {@code validation} of
     * {@code validationData} (the same table, or a changed copy such as shuffled labels), standardized with a fit
     * on the training rows.
     */
    public static TrainingResult train(ExperimentConfig config, TableDataset trainData, int[] train,
                                       TableDataset validationData, int[] validation, TrainingObserver observer,
                                       CancellationToken cancel) {
        return train(config, onRows(trainData, train, validationData, validation), observer, cancel);
    }

    /** Both row sets in one table (validation rows appended when they come from another table), fitted on train. */
    static PreparedTable onRows(TableDataset trainData, int[] train, TableDataset validationData, int[] validation) {
        TableDataset data = trainData;
        Split split = new Split(train.clone(), validation.clone());
        if (validationData != trainData) {
            data = TableDataset.join(trainData.subset(train), validationData.subset(validation));
            int[] trainRows = java.util.stream.IntStream.range(0, train.length).toArray();
            int[] validationRows = java.util.stream.IntStream.range(train.length, train.length + validation.length)
                    .toArray();
            split = new Split(trainRows, validationRows);
        }
        return new PreparedTable(data, split, TableStandardizer.fit(data, split.train()));
    }

    /** Mean loss of a freshly initialised network on {@code rows}, standardized with a fit on {@code train}. */
    public static double initialLoss(ExperimentConfig config, TableDataset data, int[] train, int[] rows) {
        PreparedTable table = new PreparedTable(data, new Split(train, rows), TableStandardizer.fit(data, train));
        TableDataset seen = config.data().normalization() == Normalization.NONE ? data : table.standardized();
        boolean single = OutputUnits.single(config.model(), data.classCount());
        MultiLayerNetwork network = NetworkFactory.build(config, data.classCount(), null, inputType(data));
        float[][] probabilities = probabilities(network, seen, rows, single);
        int[] actual = Arrays.stream(rows).map(data::label).toArray();
        return Losses.meanLoss(config.model().loss(), probabilities, actual, null, single);
    }

    /** Minibatch loss while the learning rate rises exponentially from {@code minLr} to {@code maxLr}. */
    public static TrialRunner.RangeTest learningRateRange(ExperimentConfig config, TableDataset data, int[] train,
                                                          double minLr, double maxLr, int iterations,
                                                          CancellationToken cancel) {
        TableDataset seen = config.data().normalization() == Normalization.NONE ? data
                : data.standardized(TableStandardizer.fit(data, train));
        boolean single = OutputUnits.single(config.model(), data.classCount());
        MultiLayerNetwork network = NetworkFactory.build(config, data.classCount(), null, inputType(data));
        return RangeTestLoop.run(network, train, config.training().batchSize(), config.data().seed(), minLr, maxLr,
                iterations, cancel, (order, from, to, random) -> batch(seen, Arrays.copyOfRange(order, from, to), single));
    }


    /** DL4J's input type for the table: feed-forward for tabular rows, recurrent (NCW) for series. */
    public static InputType inputType(TableDataset data) {
        return data.kind() == TableKind.SEQUENCE
                ? InputType.recurrent(data.channels(), data.sequenceLength())
                : InputType.feedForward(data.featureCount());
    }

    private static TrainingResult run(ExperimentConfig config, PreparedTable table, TrainingObserver observer,
                                      CancellationToken cancel, long start) {
        TableDataset data = config.data().normalization() == Normalization.NONE ? table.data() : table.standardized();
        int[] train = table.split().train();
        int[] validation = table.split().validation().length > 0 ? table.split().validation() : train;
        if (data.kind() == TableKind.SEQUENCE) {
            int tooShort = LayerShapes.firstTooShort(data.sequenceLength(), data.channels(), config.model().layers());
            if (tooShort >= 0) {
                throw new IllegalArgumentException(ConfigPaths.layerName(tooShort) + " (" + config.model().layers().get(tooShort)
                        .describe() + ") has no time step left of a series of " + data.sequenceLength()
                        + "; use smaller kernels or fewer pool1d layers");
            }
        }
        int classCount = data.classCount();
        int[] trainCounts = new int[classCount];
        for (int row : train) {
            trainCounts[data.label(row)]++;
        }
        double[] weights = config.data().balance() == Balance.CLASS_WEIGHTS ? EpochLoop.classWeights(trainCounts) : null;
        boolean single = OutputUnits.single(config.model(), classCount);
        // DL4J weights a loss per output column, which for one sigmoid unit scales every row alike and changes
        // nothing under Adam; so the single-output case weights each row by its class through the labels mask.
        double[] rowWeights = single ? weights : null;
        MultiLayerNetwork network = NetworkFactory.build(config, classCount, single ? null : weights, inputType(data));
        EpochSampler sampler = new EpochSampler(data.labels(), classCount, train, config.data().balance(),
                config.data().seed());
        int batchSize = config.training().batchSize();
        int[] firstEpoch = sampler.nextEpoch();
        int iterationsPerEpoch = (firstEpoch.length + batchSize - 1) / batchSize;
        observer.onStarted(new RunStarted(config, Backends.describe().withEngine(ENGINE), data.classes(), train.length,
                table.split().validation().length, iterationsPerEpoch, network.numParams()));
        int[] trainSample = sampleOf(train, EpochLoop.TRAIN_ACCURACY_SAMPLE, config.data().seed());

        List<EpochMetrics> epochs = new ArrayList<>();
        List<IterationSample> iterations = new ArrayList<>();
        RunStatus status = RunStatus.COMPLETED;
        String message = null;
        INDArray lastGood = network.params().dup();
        long iteration = 0;
        int[] order = firstEpoch;
        int patience = config.training().earlyStoppingPatience();
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray best = null;
        int sinceBest = 0;
        epochLoop:
        for (int epoch = 1; epoch <= config.training().epochs(); epoch++) {
            long epochStart = System.nanoTime();
            if (epoch > 1) {
                order = sampler.nextEpoch();
            }
            double lossSum = 0;
            int seen = 0;
            for (int from = 0; from < order.length; from += batchSize) {
                if (cancel.isCancelled()) {
                    status = RunStatus.STOPPED;
                    message = "stopped by the user in epoch " + epoch;
                    break epochLoop;
                }
                int to = Math.min(order.length, from + batchSize);
                network.fit(batch(data, Arrays.copyOfRange(order, from, to), single, rowWeights));
                double loss = network.score();
                iteration++;
                IterationSample sample = new IterationSample(iteration, epoch, loss, config.training().learningRate());
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
            }
            double trainSeconds = seconds(epochStart);
            EpochMetrics metrics = evaluate(config, network, data, single, weights, epoch, lossSum / Math.max(1, seen),
                    trainSample, validation, trainSeconds);
            epochs.add(metrics);
            observer.onEpoch(metrics);
            lastGood = network.params().dup();
            if (patience > 0) {
                // As in the image loop: keep the best validation loss's parameters and stop after `patience` worse epochs.
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
        TableTrainedModel model = new TableTrainedModel(network, config, data,
                config.data().normalization() == Normalization.NONE ? null : table.standardizer(), single, weights,
                TableFingerprint.of(table.data(), train));
        TrainingResult result = new TrainingResult(status, epochs, CollapseVerdict.of(epochs), model, message,
                iterations, List.of(), seconds(start));
        observer.onFinished(result);
        return result;
    }

    /** The rows as a minibatch: {@code [n, features]}, or {@code [n, channels, length]} for series. */
    static DataSet batch(TableDataset data, int[] rows, boolean single) {
        return batch(data, rows, single, null);
    }

    /** As above; with {@code rowWeightsOrNull} each row's loss is weighted by its class (a labels mask of weights). */
    static DataSet batch(TableDataset data, int[] rows, boolean single, double[] rowWeightsOrNull) {
        DataSet batch = unweighted(data, rows, single);
        if (rowWeightsOrNull != null) {
            float[] mask = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                mask[i] = (float) rowWeightsOrNull[data.label(rows[i])];
            }
            batch.setLabelsMaskArray(FloatArrays.of(mask, rows.length, 1));
        }
        return batch;
    }

    private static DataSet unweighted(TableDataset data, int[] rows, boolean single) {
        int n = rows.length;
        int f = data.featureCount();
        float[] features = new float[n * f];
        int outputs = single ? 1 : data.classCount();
        float[] labels = new float[n * outputs];
        boolean sequence = data.kind() == TableKind.SEQUENCE;
        int channels = data.channels();
        int length = sequence ? data.sequenceLength() : f;
        for (int i = 0; i < n; i++) {
            float[] row = data.row(rows[i]);
            if (sequence) {
                // Stored time-major (t0c0, t0c1, t1c0...); DL4J's Convolution1D takes channel-major NCW.
                for (int t = 0; t < length; t++) {
                    for (int c = 0; c < channels; c++) {
                        features[i * f + c * length + t] = row[t * channels + c];
                    }
                }
            } else {
                System.arraycopy(row, 0, features, i * f, f);
            }
            int label = data.label(rows[i]);
            if (single) {
                labels[i] = label;
            } else {
                labels[i * outputs + label] = 1f;
            }
        }
        INDArray x = sequence ? FloatArrays.of(features, n, channels, length) : FloatArrays.of(features, n, f);
        return new DataSet(x, FloatArrays.of(labels, n, outputs));
    }

    /** Class probabilities of the rows, two columns for a single sigmoid output. */
    static float[][] probabilities(MultiLayerNetwork network, TableDataset data, int[] rows, boolean single) {
        float[][] out = new float[rows.length][];
        int chunk = 256;
        for (int from = 0; from < rows.length; from += chunk) {
            int[] part = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + chunk));
            float[][] raw = network.output(batch(data, part, single).getFeatures(), false).toFloatMatrix();
            System.arraycopy(Losses.probabilities(raw, single), 0, out, from, part.length);
        }
        return out;
    }

    private static EpochMetrics evaluate(ExperimentConfig config, MultiLayerNetwork network, TableDataset data,
                                         boolean single, double[] weights, int epoch, double trainLoss, int[] trainSample,
                                         int[] validation, double seconds) {
        float[][] trainProbabilities = probabilities(network, data, trainSample, single);
        int correct = 0;
        for (int i = 0; i < trainSample.length; i++) {
            correct += argmax(trainProbabilities[i]) == data.label(trainSample[i]) ? 1 : 0;
        }
        double trainAccuracy = trainSample.length == 0 ? 0 : (double) correct / trainSample.length;
        float[][] probabilities = probabilities(network, data, validation, single);
        int[] actual = new int[validation.length];
        int[] predicted = new int[validation.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = data.label(validation[i]);
            predicted[i] = argmax(probabilities[i]);
        }
        double validationLoss = Losses.meanLoss(config.model().loss(), probabilities, actual, weights, single);
        ConfusionMatrix confusion = ConfusionMatrix.of(data.classes(), actual, predicted);
        return new EpochMetrics(epoch, trainLoss, validationLoss, trainAccuracy, confusion.accuracy(),
                confusion.balancedAccuracy(), confusion.macroF1(), confusion.predictionShare(),
                confusion.majorityBaseline(), seconds, confusion);
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int[] sampleOf(int[] rows, int limit, long seed) {
        if (rows.length <= limit) {
            return rows;
        }
        int[] shuffled = rows.clone();
        java.util.Random random = new java.util.Random(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        int[] chosen = Arrays.copyOf(shuffled, limit);
        Arrays.sort(chosen);
        return chosen;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
