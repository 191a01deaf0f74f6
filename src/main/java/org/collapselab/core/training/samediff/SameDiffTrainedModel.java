package org.collapselab.core.training.samediff;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.data.BatchFactory;
import org.collapselab.core.data.DataView;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.Losses;
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.util.Json;
import org.collapselab.core.util.NativeThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A SameDiff graph with the config, class names and normalizer it was trained with. The zip holds the same config and
 * metadata entries as a MultiLayerNetwork model plus {@value #PARAMS_ENTRY} (the parameters by name); loading rebuilds
 * the graph from the config and assigns them, so no graph file format is involved. Single-threaded.
 */
public final class SameDiffTrainedModel implements TrainedModel {
    /** Same names as the MultiLayerNetwork model's entries, so tools reading them work with both. */
    static final String CONFIG_ENTRY = "collapselab-config.json";
    static final String META_ENTRY = "collapselab-model.json";
    /** The entry that marks a SameDiff model zip. */
    public static final String PARAMS_ENTRY = "samediff-params.bin";
    /** Every entry our zips hold, for the checks before loading. */
    static final java.util.Set<String> ENTRIES = java.util.Set.of(CONFIG_ENTRY, META_ENTRY, PARAMS_ENTRY);
    /** Same as the default training batch and probe size: the inference session caches arrays per shape. */
    private static final int PREDICT_BATCH = 32;

    private final SameDiffGraph graph;
    private final ExperimentConfig config;
    private final List<String> classes;
    private final Normalizer normalizer;
    private final boolean singleOutput;
    private final double[] classWeights;
    private final InputFingerprint fingerprint;

    SameDiffTrainedModel(SameDiffGraph graph, ExperimentConfig config, List<String> classes, Normalizer normalizer,
                         boolean singleOutput, double[] classWeights, InputFingerprint fingerprint) {
        this.graph = graph;
        this.config = config;
        this.classes = List.copyOf(classes);
        this.normalizer = normalizer;
        this.singleOutput = singleOutput;
        this.classWeights = classWeights;
        this.fingerprint = fingerprint;
    }

    SameDiffGraph graph() {
        return graph;
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
    public InputFingerprint trainingFingerprint() {
        return fingerprint;
    }

    @Override
    public long parameterCount() {
        return graph.parameterCount();
    }

    @Override
    public float[][] predictProbabilities(DataView view) {
        float[][] result = new float[view.count()][];
        BatchFactory batches = new BatchFactory(normalizer, null, singleOutput, BatchFactory.Layout.NHWC);
        var data = config.data();
        try (var threads = NativeThreads.limit(NativeThreads.forImage(data.imageSize(), data.channels()))) {
            for (int from = 0; from < view.count(); from += PREDICT_BATCH) {
                int to = Math.min(view.count(), from + PREDICT_BATCH);
                DataSet batch = batches.batch(view.dataset(), view.indices(), from, to, null);
                float[][] rows = Losses.probabilities(output(batch.getFeatures()).toFloatMatrix(), singleOutput);
                System.arraycopy(rows, 0, result, from, rows.length);
            }
        } finally {
            graph.releaseSessions(); // the cache helps within this loop, not while the model waits for the next call
        }
        return result;
    }

    /** Raw outputs of the inference path (no dropout). */
    INDArray output(INDArray features) {
        return graph.sd.output(Map.of(SameDiffGraph.INPUT, features), SameDiffGraph.PROBABILITIES)
                .get(SameDiffGraph.PROBABILITIES);
    }

    @Override
    public double loss(DataView view) {
        try {
            return Losses.meanLoss(this, view, classWeights, singleOutput);
        } finally {
            graph.releaseSessions();
        }
    }

    @Override
    public void save(Path zip) throws IOException {
        Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), Map.of("create", "true"))) {
            Files.writeString(fs.getPath(CONFIG_ENTRY), ConfigCodec.toJson(config));
            Files.write(fs.getPath(META_ENTRY), Json.MAPPER.writeValueAsBytes(
                    new ModelMetadata("samediff", classes, normalizer, singleOutput, classWeights, fingerprint)));
            try (OutputStream raw = Files.newOutputStream(fs.getPath(PARAMS_ENTRY));
                 DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
                Map<String, INDArray> parameters = graph.copyParameters();
                out.writeInt(parameters.size());
                for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
                    out.writeUTF(e.getKey());
                    org.nd4j.linalg.factory.Nd4j.write(e.getValue(), out);
                }
            }
        }
        Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether the zip was written by this class. */
    public static boolean isSameDiffModel(Path zip) throws IOException {
        // ZipFile only reads the directory; the zip file system would refuse a crafted entry name with its own message
        // before the engine's checks (ModelArchive) can say what is wrong.
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
            return file.getEntry(PARAMS_ENTRY) != null;
        } catch (java.util.zip.ZipException e) {
            return false;
        }
    }

    static SameDiffTrainedModel load(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("no model file at " + zip);
        }
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Path configEntry = fs.getPath(CONFIG_ENTRY);
            Path metaEntry = fs.getPath(META_ENTRY);
            Path paramsEntry = fs.getPath(PARAMS_ENTRY);
            if (!Files.exists(configEntry) || !Files.exists(metaEntry) || !Files.exists(paramsEntry)) {
                throw new IOException(zip + " is not a Collapse Lab SameDiff model (no " + PARAMS_ENTRY + ")");
            }
            ExperimentConfig config = ConfigCodec.parse(Files.readString(configEntry));
            ModelMetadata metadata = Json.MAPPER.readValue(Files.readAllBytes(metaEntry), ModelMetadata.class);
            Map<String, INDArray> parameters = new LinkedHashMap<>();
            try (InputStream raw = Files.newInputStream(paramsEntry);
                 DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    String name = in.readUTF();
                    parameters.put(name, org.nd4j.linalg.factory.Nd4j.read(in));
                }
            }
            SameDiffGraph graph = SameDiffGraph.build(config, metadata.classes().size(), metadata.classWeights(),
                    metadata.singleOutput());
            graph.setParameters(parameters);
            return new SameDiffTrainedModel(graph, config, metadata.classes(), metadata.normalizer(),
                    metadata.singleOutput(), metadata.classWeights(), metadata.fingerprint());
        } catch (ConfigException e) {
            throw new IOException("the model's config is invalid: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("cannot read the model " + zip + ": " + e.getMessage(), e);
        }
    }

    /** What besides the parameters a model zip holds; the fields of the MultiLayerNetwork model's entry plus engine. */
    record ModelMetadata(String engine, List<String> classes, Normalizer normalizer, boolean singleOutput,
                         double[] classWeights, InputFingerprint fingerprint) {
    }
}
