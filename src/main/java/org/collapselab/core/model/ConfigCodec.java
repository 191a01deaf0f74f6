package org.collapselab.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collapselab.core.util.Json;

/**
 * Reads, writes and overrides experiment configs (design §4). Every entry point validates with
 * {@link ConfigValidator}, so a config that comes out of here can be built and trained.
 */
public final class ConfigCodec {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)((?:\\[\\d+])*)");

    private ConfigCodec() {
    }

    /** The healthy default: the reference CNN with Adam 1e-3, which trains the bundled balanced sample well. */
    public static ExperimentConfig defaults() {
        return new ExperimentConfig("default",
                new DataConfig(64, 3, 0.2, null, 42, Normalization.SCALE, Balance.NONE, AugmentationConfig.NONE),
                new ModelConfig(List.of(
                        LayerSpec.conv(32, 3, Activation.RELU),
                        LayerSpec.pool(2),
                        LayerSpec.conv(64, 3, Activation.RELU),
                        LayerSpec.pool(2),
                        LayerSpec.dense(128, Activation.RELU)),
                        OutputActivation.SOFTMAX, LossFunction.MCXENT, WeightInit.RELU),
                new TrainingConfig(Optimizer.ADAM, 0.001, 32, 10, 0.0, 0, Device.AUTO));
    }

    /**
     * The reference config for a kind of data: {@link #defaults()} for images; for CSV data the same training
     * settings with standardization fitted on the training split and the reference layers of {@link #referenceLayers}.
     * Commands that read a CSV file without a config start from here, so "no layers given" means the reference network.
     */
    public static ExperimentConfig defaults(DataKind kind) {
        ExperimentConfig images = defaults();
        if (!kind.isTable()) {
            return images;
        }
        ModelConfig model = images.model();
        return new ExperimentConfig(images.name(),
                images.data().withKind(kind).withNormalization(Normalization.STANDARDIZE),
                new ModelConfig(referenceLayers(kind), model.outputActivation(), model.loss(), model.weightInit()),
                images.training());
    }

    /**
     * The reference hidden layers: for tabular rows dense 64 → dense 32; for series conv1d 32 k5 → pool1d 2 →
     * conv1d 64 k5 → globalpool → dense 32 (the 1-D CNN shape common in time-series anomaly detection); for
     * images those of {@link #defaults()}.
     */
    public static List<LayerSpec> referenceLayers(DataKind kind) {
        return switch (kind) {
            case IMAGES -> defaults().model().layers();
            case TABULAR -> List.of(LayerSpec.dense(64, Activation.RELU), LayerSpec.dense(32, Activation.RELU));
            case SEQUENCE -> List.of(LayerSpec.conv1d(32, 5, Activation.RELU), LayerSpec.pool1d(2),
                    LayerSpec.conv1d(64, 5, Activation.RELU), LayerSpec.globalPool(), LayerSpec.dense(32, Activation.RELU));
        };
    }

    public static ExperimentConfig read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config", "file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("config", "cannot read " + file + ": " + e.getMessage());
        }
        return parse(text);
    }

    public static ExperimentConfig parse(String json) throws ConfigException {
        return fromTree(parseTree(json));
    }

    public static String toJson(ExperimentConfig config) {
        try {
            return Json.MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config is not serialisable", e);
        }
    }

    public static void write(ExperimentConfig config, Path file) throws IOException {
        Json.writeAtomically(file, toJson(config).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static ObjectNode toTree(ExperimentConfig config) {
        return Json.MAPPER.valueToTree(config);
    }

    /** Validates a JSON tree and converts it; throws with every error found. */
    public static ExperimentConfig fromTree(JsonNode tree) throws ConfigException {
        List<ConfigError> errors = ConfigValidator.validateTree(tree);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        ExperimentConfig config;
        try {
            config = Json.MAPPER.treeToValue(tree, ExperimentConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config", e.getOriginalMessage());
        }
        List<ConfigError> semantic = ConfigValidator.validateShapes(config);
        if (!semantic.isEmpty()) {
            throw new ConfigException(semantic);
        }
        return config;
    }

    /**
     * Applies {@code path=value} overrides (design §5 {@code --set}). The path is dotted, with
     * {@code [i]} or {@code .i} for list items; the value is read as JSON when it parses as JSON,
     * otherwise as a string, so {@code training.learningRate=0.01} and {@code data.balance=oversample} both work.
     */
    public static ExperimentConfig withOverrides(ExperimentConfig base, List<String> assignments) throws ConfigException {
        ObjectNode tree = toTree(base);
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(assignment, "expected path=value");
            }
            set(tree, assignment.substring(0, eq).trim(), parseValue(assignment.substring(eq + 1).trim()));
        }
        return fromTree(tree);
    }

    /**
     * Applies {@code path → value} overrides given as values rather than text: a fix's settings or a
     * sweep's point. A value is a {@link JsonNode} or anything Jackson writes as JSON (numbers, strings,
     * enums, booleans, lists of {@link LayerSpec}). Paths as for {@link #withOverrides}; the result is validated.
     */
    public static ExperimentConfig withValues(ExperimentConfig base, Map<String, ?> values) throws ConfigException {
        ObjectNode tree = toTree(base);
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            set(tree, entry.getKey(), toNode(entry.getValue()));
        }
        return fromTree(tree);
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        return value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value);
    }

    private static JsonNode parseTree(String json) throws ConfigException {
        try {
            JsonNode tree = Json.MAPPER.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new ConfigException("config", "the file is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ConfigException("config", "malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static JsonNode parseValue(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? TextNode.valueOf(text) : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private static void set(ObjectNode root, String path, JsonNode value) throws ConfigException {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            if (part.matches("\\d+")) {
                steps.add(Integer.parseInt(part));
                continue;
            }
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new ConfigException(path, "not a valid field path");
            }
            steps.add(m.group(1));
            Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
            while (idx.find()) {
                steps.add(Integer.parseInt(idx.group(1)));
            }
        }
        JsonNode node = root;
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String key) {
                walked.append(walked.length() == 0 ? "" : ".").append(key);
                if (!(node instanceof ObjectNode object)) {
                    throw new ConfigException(walked.toString(), "is not an object field");
                }
                if (!object.has(key) && !ConfigValidator.isKnownKey(walked.toString(), key)) {
                    throw new ConfigException(walked.toString(), "unknown field");
                }
                if (last) {
                    object.set(key, value);
                } else {
                    if (!object.has(key) || object.get(key).isNull()) {
                        object.set(key, JsonNodeFactory.instance.objectNode());
                    }
                    node = object.get(key);
                }
            } else {
                int index = (Integer) step;
                walked.append('[').append(index).append(']');
                if (!(node instanceof ArrayNode array)) {
                    throw new ConfigException(walked.toString(), "is not a list");
                }
                if (index >= array.size()) {
                    throw new ConfigException(walked.toString(), "index out of range (the list has " + array.size() + " items)");
                }
                if (last) {
                    array.set(index, value);
                } else {
                    node = array.get(index);
                }
            }
        }
    }
}
