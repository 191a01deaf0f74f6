package org.collapselab.core.training.dl4j;

import java.util.Arrays;
import java.util.List;
import org.collapselab.core.data.csv.PreparedTable;
import org.collapselab.core.training.TrainingRequest;
import org.collapselab.core.training.MonitoringOptions;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.data.csv.TableStandardizer;
import org.collapselab.core.data.csv.TableFingerprint;
import org.collapselab.core.data.Split;
import org.collapselab.core.training.TrialRunner;
import org.collapselab.core.model.ConfigPaths;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.LayerShapes;
import org.collapselab.core.model.Normalization;
import org.collapselab.core.model.OutputUnits;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.EpochLoop;
import org.collapselab.core.training.Losses;
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
 * GlobalPooling on series (DL4J's NCW layout, {@code [n, channels, length]}). The rows are one more {@link
 * EpochLoop.Feed} of the image runs' {@link EpochLoop}, so CSV runs get the same sampling, class weights,
 * cancellation, divergence rollback, early stopping, per-epoch metrics, layer monitoring and collapse verdict.
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
        return train(config, table, observer, cancel, MonitoringOptions.DEFAULT);
    }

    /** As above, sampling layer statistics as {@code monitoring} says. */
    public static TrainingResult train(ExperimentConfig config, PreparedTable table, TrainingObserver observer,
                                       CancellationToken cancel, MonitoringOptions monitoring) {
        long start = System.nanoTime();
        try {
            return run(config, table, observer, cancel, monitoring, start);
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
                                       TableDataset validationData, int[] validation, MonitoringOptions monitoring,
                                       TrainingObserver observer, CancellationToken cancel) {
        return train(config, onRows(trainData, train, validationData, validation), observer, cancel, monitoring);
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
                                      CancellationToken cancel, MonitoringOptions monitoring, long start) {
        TableStandardizer standardizer = config.data().normalization() == Normalization.NONE ? null
                : table.standardizer();
        TableDataset seen = standardizer == null ? table.data() : table.standardized();
        int[] train = table.split().train();
        if (seen.kind() == TableKind.SEQUENCE) {
            int tooShort = LayerShapes.firstTooShort(seen.sequenceLength(), seen.channels(), config.model().layers());
            if (tooShort >= 0) {
                throw new IllegalArgumentException(ConfigPaths.layerName(tooShort) + " (" + config.model().layers().get(tooShort)
                        .describe() + ") has no time step left of a series of " + seen.sequenceLength()
                        + "; use smaller kernels or fewer pool1d layers");
            }
        }
        // The loop sees the raw rows (the model standardizes what it predicts); minibatches come from `seen`.
        TrainingRequest request = new TrainingRequest(config, new DataView(table.data(), train),
                new DataView(table.data(), table.split().validation()), monitoring);
        TableFingerprint fingerprint = TableFingerprint.of(table.data(), train);
        EpochLoop.FeedFactory feeds = (view, single, weights) -> new EpochLoop.Feed() {
            // DL4J weights a loss per output column, which for one sigmoid unit scales every row alike and changes
            // nothing under Adam; so the single-output case weights each row by its class through the labels mask.
            private final double[] rowWeights = single ? weights : null;

            @Override
            public Normalizer normalizer() {
                return null;
            }

            @Override
            public InputFingerprint fingerprint() {
                return null;
            }

            @Override
            public DataSet batch(int[] order, int from, int to, java.util.Random random) {
                return TableTrainer.batch(seen, Arrays.copyOfRange(order, from, to), single, rowWeights);
            }
        };
        EpochLoop.SessionFactory sessions = setup -> {
            boolean single = setup.singleOutput();
            double[] weights = setup.classWeights();
            MultiLayerNetwork network = NetworkFactory.build(config, seen.classCount(), single ? null : weights,
                    inputType(seen));
            TableTrainedModel model = new TableTrainedModel(network, config, seen, standardizer, single, weights,
                    fingerprint);
            INDArray probe = setup.probeOrNull() == null ? null
                    : batch(seen, setup.probeOrNull().indices(), single).getFeatures();
            return new Dl4jTrainingEngine.Session(network, model, config, probe);
        };
        return EpochLoop.train(request, observer, cancel, new Dl4jTrainingEngine(ENGINE)::backend, feeds, sessions);
    }

    /** The rows as a minibatch: {@code [n, features]}, or {@code [n, channels, length]} for series. */
    static DataSet batch(TableDataset data, int[] rows, boolean single) {
        return batch(data, rows, single, null);
    }

    /** As above; with {@code rowWeightsOrNull} each row's loss is weighted by its class (a labels mask of weights). */
    static DataSet batch(TableDataset data, int[] rows, boolean single, double[] rowWeightsOrNull) {
        DataSet batch = unweighted(data, rows, single);
        return rowWeightsOrNull == null ? batch : EpochLoop.rowWeighted(batch, rowWeightsOrNull);
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

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
