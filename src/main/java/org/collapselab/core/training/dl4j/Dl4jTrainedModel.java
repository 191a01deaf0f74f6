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
import java.util.Set;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.Losses;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.util.DeserializationGuard;
import org.collapselab.core.util.Json;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** A {@link MultiLayerNetwork} with the config, class names and normalizer it was trained with. Single-threaded. */
public final class Dl4jTrainedModel implements TrainedModel {
    // Flat names: DL4J refuses to restore a zip that contains directory entries.
    static final String CONFIG_ENTRY = "collapselab-config.json";
    static final String META_ENTRY = "collapselab-model.json";
    /**
     * Every entry our zips hold: DL4J's network (JSON, raw parameter and updater arrays, the no-parameters marker) and
     * ours. Not DL4J's preprocessor.bin or normalizer.bin, which we never write and which DL4J would read with Java
     * deserialization.
     */
    static final Set<String> ENTRIES = Set.of(ModelSerializer.CONFIGURATION_JSON, ModelSerializer.COEFFICIENTS_BIN,
            ModelSerializer.UPDATER_BIN, ModelSerializer.NO_PARAMS_MARKER, CONFIG_ENTRY, META_ENTRY,
            TableTrainedModel.TABLE_ENTRY);
    private static final int PREDICT_BATCH = 128;

    private final MultiLayerNetwork network;
    private final ExperimentConfig config;
    private final List<String> classes;
    private final Normalizer normalizer;
    private final boolean singleOutput;
    private final double[] classWeights;
    private final InputFingerprint fingerprint;

    Dl4jTrainedModel(MultiLayerNetwork network, ExperimentConfig config, List<String> classes, Normalizer normalizer,
                     boolean singleOutput, double[] classWeights, InputFingerprint fingerprint) {
        this.network = network;
        this.config = config;
        this.classes = List.copyOf(classes);
        this.normalizer = normalizer;
        this.singleOutput = singleOutput;
        this.classWeights = classWeights;
        this.fingerprint = fingerprint;
    }

    @Override
    public InputFingerprint trainingFingerprint() {
        return fingerprint;
    }

    MultiLayerNetwork network() {
        return network;
    }

    public double[] classWeightsOrNull() {
        return classWeights;
    }

    public boolean singleOutput() {
        return singleOutput;
    }

    @Override
    public ExperimentConfig config() {
        return config;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public Normalizer normalizer() {
        return normalizer;
    }

    @Override
    public long parameterCount() {
        return network.numParams();
    }

    @Override
    public float[][] predictProbabilities(DataView view) {
        float[][] result = new float[view.count()][];
        BatchFactory batches = new BatchFactory(normalizer, null, singleOutput);
        for (int from = 0; from < view.count(); from += PREDICT_BATCH) {
            int to = Math.min(view.count(), from + PREDICT_BATCH);
            DataSet batch = batches.batch(view.dataset(), view.indices(), from, to, null);
            INDArray output = network.output(batch.getFeatures(), false);
            float[][] rows = Losses.probabilities(output.toFloatMatrix(), singleOutput);
            System.arraycopy(rows, 0, result, from, rows.length);
        }
        return result;
    }

    @Override
    public double loss(DataView view) {
        return Losses.meanLoss(this, view, classWeights, singleOutput);
    }

    @Override
    public void save(Path zip) throws IOException {
        Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
        ModelSerializer.writeModel(network, tmp.toFile(), true);
        try (FileSystem fs = FileSystems.newFileSystem(tmp)) {
            Files.writeString(fs.getPath(CONFIG_ENTRY), ConfigCodec.toJson(config));
            Files.write(fs.getPath(META_ENTRY), Json.MAPPER.writeValueAsBytes(
                    new ModelMetadata(classes, normalizer, singleOutput, classWeights, fingerprint)));
        }
        Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static Dl4jTrainedModel load(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("no model file at " + zip);
        }
        ExperimentConfig config;
        ModelMetadata metadata;
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Path configEntry = fs.getPath(CONFIG_ENTRY);
            Path metaEntry = fs.getPath(META_ENTRY);
            if (!Files.exists(configEntry) || !Files.exists(metaEntry)) {
                throw new IOException(zip + " is not a Collapse Lab model (no " + CONFIG_ENTRY + ")");
            }
            config = ConfigCodec.parse(Files.readString(configEntry));
            metadata = Json.MAPPER.readValue(Files.readAllBytes(metaEntry), ModelMetadata.class);
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
        checkLayerSizes(zip, network, NetworkFactory.build(config, metadata.classes().size(), metadata.classWeights()));
        return new Dl4jTrainedModel(network, config, metadata.classes(), metadata.normalizer(), metadata.singleOutput(),
                metadata.classWeights(), metadata.fingerprint());
    }

    /**
     * Refuses a network whose layers do not have the parameter shapes that the zip's own config builds, so a zip
     * edited by hand (or mixed from two runs) does not predict with layers the report and the screens do not describe.
     */
    static void checkLayerSizes(Path zip, MultiLayerNetwork loaded, MultiLayerNetwork expected) throws IOException {
        Map<String, INDArray> want = expected.paramTable();
        Map<String, INDArray> have = loaded.paramTable();
        if (!want.keySet().equals(have.keySet())) {
            throw new IOException("refused to load the model " + zip + ": its network has the parameters " + have.keySet()
                    + " but its config builds " + want.keySet());
        }
        for (Map.Entry<String, INDArray> e : want.entrySet()) {
            long[] shape = have.get(e.getKey()).shape();
            if (!Arrays.equals(shape, e.getValue().shape())) {
                throw new IOException("refused to load the model " + zip + ": layer parameter " + e.getKey() + " has shape "
                        + Arrays.toString(shape) + " but its config gives " + Arrays.toString(e.getValue().shape()));
            }
        }
    }

    /** What besides the network a model zip holds. */
    record ModelMetadata(List<String> classes, Normalizer normalizer, boolean singleOutput, double[] classWeights,
                         InputFingerprint fingerprint) {
    }
}
