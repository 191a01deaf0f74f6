package org.collapselab.core.training.dl4j;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.data.csv.TableFingerprint;
import org.collapselab.core.data.csv.TableKind;
import org.collapselab.core.data.csv.TableStandardizer;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.Losses;
import org.collapselab.core.training.TableModel;
import org.collapselab.core.util.DeserializationGuard;
import org.collapselab.core.util.Json;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A {@link MultiLayerNetwork} trained on CSV rows, with what prediction needs besides the weights: the config, the
 * classes, the columns it was trained on (one-hot levels included), the training-split standardizer and the feature
 * fingerprint of the training rows. It predicts views of {@link TableDataset} rows (aligned to its columns with
 * {@link TableDataset#alignedTo}). Single-threaded.
 */
public final class TableTrainedModel implements TableModel {
    /** The table metadata entry; its presence tells a table model from an image one. */
    static final String TABLE_ENTRY = "collapselab-table.json";

    private final MultiLayerNetwork network;
    private final ExperimentConfig config;
    private final Metadata metadata;
    private volatile Standardized lastStandardized;

    private record Standardized(TableDataset raw, TableDataset seen) {
    }

    /** What besides the network and config a table model zip holds. */
    record Metadata(List<String> classes, String kind, int channels, List<String> featureNames,
                    List<String> featureColumns, TableStandardizer standardizer, boolean singleOutput,
                    double[] classWeights, TableFingerprint fingerprint) {
    }

    TableTrainedModel(MultiLayerNetwork network, ExperimentConfig config, TableDataset trainedOn,
                      TableStandardizer standardizerOrNull, boolean singleOutput, double[] classWeights,
                      TableFingerprint fingerprint) {
        this(network, config, new Metadata(trainedOn.classes(), trainedOn.kind().json(), trainedOn.channels(),
                trainedOn.featureNames(), trainedOn.featureColumns(), standardizerOrNull, singleOutput, classWeights,
                fingerprint));
    }

    private TableTrainedModel(MultiLayerNetwork network, ExperimentConfig config, Metadata metadata) {
        this.network = network;
        this.config = config;
        this.metadata = metadata;
    }

    @Override
    public ExperimentConfig config() {
        return config;
    }

    @Override
    public List<String> classes() {
        return metadata.classes();
    }

    @Override
    public TableKind kind() {
        return TableKind.fromJson(metadata.kind());
    }

    @Override
    public int channels() {
        return metadata.channels();
    }

    @Override
    public List<String> featureNames() {
        return metadata.featureNames();
    }

    @Override
    public List<String> featureColumns() {
        return metadata.featureColumns();
    }

    @Override
    public TableFingerprint tableFingerprint() {
        return metadata.fingerprint();
    }

    /** Tables have no pixel normalizer; their transform is {@link #standardizer()}. */
    @Override
    public Normalizer normalizer() {
        return null;
    }

    /** The training-split standardizer, or null when {@code data.normalization} was none. */
    public TableStandardizer standardizer() {
        return metadata.standardizer();
    }

    /** Tables have no pixel fingerprint; see {@link #tableFingerprint()}. */
    @Override
    public InputFingerprint trainingFingerprint() {
        return null;
    }

    @Override
    public float[][] predictProbabilities(DataView view) {
        if (!(view.data() instanceof TableDataset rows)) {
            throw new IllegalArgumentException("this model was trained on CSV rows, not images");
        }
        TableDataset seen = standardized(rows);
        return TableTrainer.probabilities(network, seen, view.indices(), metadata.singleOutput());
    }

    /**
     * The rows as the network saw them in training. The last table is kept: the epoch loop asks twice an epoch
     * (training sample, validation rows) about the same table, which would otherwise be standardized each time.
     */
    private TableDataset standardized(TableDataset rows) {
        if (metadata.standardizer() == null) {
            return rows;
        }
        Standardized last = lastStandardized;
        if (last == null || last.raw() != rows) {
            last = new Standardized(rows, rows.standardized(metadata.standardizer()));
            lastStandardized = last;
        }
        return last.seen();
    }

    @Override
    public double loss(DataView view) {
        int[] actual = Arrays.stream(view.indices()).map(view.data()::label).toArray();
        return Losses.meanLoss(config.model().loss(), predictProbabilities(view), actual, metadata.classWeights(),
                metadata.singleOutput());
    }

    @Override
    public long parameterCount() {
        return network.numParams();
    }

    @Override
    public void save(Path zip) throws IOException {
        Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
        ModelSerializer.writeModel(network, tmp.toFile(), true);
        try (FileSystem fs = FileSystems.newFileSystem(tmp)) {
            Files.writeString(fs.getPath(Dl4jTrainedModel.CONFIG_ENTRY), ConfigCodec.toJson(config));
            Files.write(fs.getPath(TABLE_ENTRY), Json.MAPPER.writeValueAsBytes(metadata));
        }
        Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether the zip (already verified) holds a table model. */
    static boolean isTableModel(Path zip) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            return Files.exists(fs.getPath(TABLE_ENTRY));
        }
    }

    static TableTrainedModel load(Path zip) throws IOException {
        ExperimentConfig config;
        Metadata metadata;
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            config = ConfigCodec.parse(Files.readString(fs.getPath(Dl4jTrainedModel.CONFIG_ENTRY)));
            metadata = Json.MAPPER.readValue(Files.readAllBytes(fs.getPath(TABLE_ENTRY)), Metadata.class);
        } catch (ConfigException e) {
            throw new IOException("the model's config is invalid: " + e.getMessage(), e);
        }
        MultiLayerNetwork network;
        try {
            network = DeserializationGuard.whileLoadingModel(
                    () -> ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false));
        } catch (RuntimeException e) {
            throw new IOException("cannot read the network in " + zip + ": " + e.getMessage(), e);
        }
        int features = metadata.featureNames().size();
        InputType input = TableKind.fromJson(metadata.kind()) == TableKind.SEQUENCE
                ? InputType.recurrent(metadata.channels(), features / metadata.channels())
                : InputType.feedForward(features);
        Dl4jTrainedModel.checkLayerSizes(zip, network,
                NetworkFactory.build(config, metadata.classes().size(), metadata.classWeights(), input));
        return new TableTrainedModel(network, config, metadata);
    }
}
