package org.collapselab.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an experiment config before it is used: unknown keys, missing fields, wrong types and
 * out-of-range values in the JSON tree (against {@link ConfigSchema}), then layer shapes against the
 * image size ({@link LayerShapes}). Each error names the field by its dotted path. Pure; thread-safe.
 */
public final class ConfigValidator {
    public static final int MIN_IMAGE_SIZE = ConfigSchema.MIN_IMAGE_SIZE;
    public static final int MAX_IMAGE_SIZE = ConfigSchema.MAX_IMAGE_SIZE;

    private ConfigValidator() {
    }

    /** Whether {@code key} is a legal field of the object at {@code path}'s parent. */
    static boolean isKnownKey(String path, String key) {
        String parent = ConfigPaths.parent(path);
        if (ConfigSchema.objectPaths().contains(parent)) {
            return ConfigSchema.objectFields(parent).containsKey(key);
        }
        return "type".equals(key)
                || java.util.Arrays.stream(LayerType.values()).anyMatch(t -> ConfigSchema.layerFields(t).containsKey(key));
    }

    /** Every schema error in the tree, in document order. */
    public static List<ConfigError> validateTree(JsonNode root) {
        List<ConfigError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            errors.add(new ConfigError("config", "must be a JSON object"));
            return errors;
        }
        for (String path : ConfigSchema.objectPaths()) {
            JsonNode node = path.isEmpty() ? root : at(root, path);
            if (node != null && node.isObject()) {
                checkObject(path, node, ConfigSchema.objectFields(path), errors, "");
            }
        }
        JsonNode layers = at(root, ConfigPaths.LAYERS);
        if (layers != null && layers.isArray()) {
            for (int i = 0; i < layers.size(); i++) {
                checkLayer(ConfigPaths.layer(i), layers.get(i), errors);
            }
        }
        return errors;
    }

    /**
     * {@link #validateShapes(ExperimentConfig)}, and for sequence data whose series length is known (a CSV file has
     * been read; {@code sequenceLength} > 0) also the first layer that leaves no time step of the series.
     */
    public static List<ConfigError> validateShapes(ExperimentConfig config, int sequenceLength) {
        List<ConfigError> errors = validateShapes(config);
        if (!errors.isEmpty() || config.data().kind() != DataKind.SEQUENCE || sequenceLength < 1) {
            return errors;
        }
        List<LayerSpec> layers = config.model().layers();
        int channels = config.data().sequenceChannels();
        int tooShort = LayerShapes.firstTooShort(sequenceLength, channels, layers);
        if (tooShort >= 0) {
            int steps = LayerShapes.ofSequence(sequenceLength, channels, layers).get(tooShort).side();
            int window = LayerShapes.window(layers.get(tooShort));
            errors.add(new ConfigError(ConfigPaths.layer(tooShort), "the series is " + steps + " time steps long here, too"
                    + " short for a window of " + window + "; use smaller kernels or fewer pool1d layers"));
        }
        return errors;
    }

    /**
     * Where to insert {@code layer} so that the network stays valid: {@code preferred} when that works, else the
     * nearest valid index after it, else the nearest before it. When no index works (or the config already has shape
     * errors) the answer is {@code preferred}, and the error shows at the new layer.
     *
     * @param preferred index the new layer would take (after the selected layer, or at the end)
     */
    public static int insertionPoint(ExperimentConfig config, LayerSpec layer, int preferred, int sequenceLength) {
        List<LayerSpec> layers = config.model().layers();
        int at = Math.max(0, Math.min(preferred, layers.size()));
        if (!validateShapes(config, sequenceLength).isEmpty()) {
            return at;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = at; i <= layers.size(); i++) {
            candidates.add(i);
        }
        for (int i = at - 1; i >= 0; i--) {
            candidates.add(i);
        }
        for (int candidate : candidates) {
            List<LayerSpec> inserted = new ArrayList<>(layers);
            inserted.add(candidate, layer);
            ExperimentConfig trial = config.withModel(config.model().withLayers(inserted));
            if (validateShapes(trial, sequenceLength).isEmpty()) {
                return candidate;
            }
        }
        return at;
    }

    /** Errors that need the whole config: spatial sizes that shrink below one pixel, conv after dense. */
    public static List<ConfigError> validateShapes(ExperimentConfig config) {
        List<ConfigError> errors = new ArrayList<>();
        List<LayerSpec> layers = config.model().layers();
        DataKind kind = config.data().kind();
        if (kind.isTable()) {
            return tableLayerErrors(kind, layers);
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).type().isSequenceLayer()) {
                errors.add(new ConfigError(ConfigPaths.layer(i) + ".type", layers.get(i).type()
                        + " layers work along a time series; they need data.kind=sequence (a CSV file), not images"));
                return errors;
            }
        }
        List<LayerShapes.Shape> shapes = LayerShapes.of(config);
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (layer.type() != LayerType.CONV && layer.type() != LayerType.POOL) {
                continue;
            }
            String path = ConfigPaths.layer(i);
            LayerShapes.Shape in = shapes.get(i);
            if (in.isFlat()) {
                errors.add(new ConfigError(path + ".type", layer.type() + " cannot follow a dense layer"));
                return errors;
            }
            int window = LayerShapes.window(layer);
            if (in.side() < window || shapes.get(i + 1).side() < 1) {
                errors.add(new ConfigError(path, "the feature map is " + in.side() + "×" + in.side() + " here, too small for a "
                        + window + "×" + window + " window; use fewer layers or a larger data.imageSize"));
                return errors;
            }
        }
        return errors;
    }

    /**
     * Layer errors for CSV data, whose input size is known only once the file is read: the layer types must fit the
     * data kind, and a series must be pooled to a vector (globalpool) before dense layers and the output layer, because
     * a dense layer on a series would be applied to every time step separately.
     */
    private static List<ConfigError> tableLayerErrors(DataKind kind, List<LayerSpec> layers) {
        List<ConfigError> errors = new ArrayList<>();
        boolean pooled = false;
        for (int i = 0; i < layers.size(); i++) {
            LayerType type = layers.get(i).type();
            String path = ConfigPaths.layer(i) + ".type";
            if (type.isImageLayer()) {
                errors.add(new ConfigError(path, type + " layers work on images; "
                        + (kind == DataKind.SEQUENCE ? "for a time series use conv1d and pool1d" : "tabular rows need dense layers")));
                return errors;
            }
            if (kind == DataKind.TABULAR && type.isSequenceLayer()) {
                errors.add(new ConfigError(path, type + " layers work along a time series; tabular rows need dense layers"
                        + " (or set data.kind=sequence)"));
                return errors;
            }
            if (kind == DataKind.SEQUENCE) {
                if (pooled && type.isSequenceLayer()) {
                    errors.add(new ConfigError(path, type + " cannot follow globalpool: the series is a vector by then"));
                    return errors;
                }
                if (!pooled && type == LayerType.DENSE) {
                    errors.add(new ConfigError(path, "a dense layer needs a vector; add a globalpool layer before it"));
                    return errors;
                }
                pooled |= type == LayerType.GLOBALPOOL;
            }
        }
        if (kind == DataKind.SEQUENCE && !pooled) {
            errors.add(new ConfigError(ConfigPaths.LAYERS, "a sequence network needs a globalpool layer before the output"
                    + " layer, which takes a vector"));
        }
        return errors;
    }

    private static void checkLayer(String path, JsonNode layer, List<ConfigError> errors) {
        if (!layer.isObject()) {
            errors.add(new ConfigError(path, "must be an object with a \"type\""));
            return;
        }
        JsonNode type = layer.get("type");
        if (type == null || type.isNull()) {
            errors.add(new ConfigError(path + ".type", "missing field; one of " + LayerType.names()));
            return;
        }
        if (!type.isTextual() || !LayerType.names().contains(type.asText())) {
            errors.add(new ConfigError(path + ".type", "must be one of " + LayerType.names() + ", got " + type));
            return;
        }
        LayerType layerType = LayerType.fromJson(type.asText());
        Map<String, ConfigField> fields = new LinkedHashMap<>(ConfigSchema.layerFields(layerType));
        fields.put("type", ConfigSchema.layerTypeField());
        checkObject(path, layer, fields, errors, " by a " + layerType + " layer");
    }

    private static void checkObject(String path, JsonNode node, Map<String, ConfigField> fields, List<ConfigError> errors,
                                    String usedBy) {
        String prefix = path.isEmpty() ? "" : path + ".";
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!fields.containsKey(key)) {
                errors.add(new ConfigError(prefix + key, usedBy.isEmpty()
                        ? "unknown field; expected one of " + fields.keySet()
                        : "not used" + usedBy + "; its fields are " + fields.keySet()));
            }
        }
        for (Map.Entry<String, ConfigField> entry : fields.entrySet()) {
            JsonNode value = node.get(entry.getKey());
            String fieldPath = prefix + entry.getKey();
            if (value == null) {
                if (!entry.getValue().optional()) {
                    errors.add(new ConfigError(fieldPath, "missing field"));
                }
                continue;
            }
            String problem = entry.getValue().problem(value);
            if (problem != null) {
                errors.add(new ConfigError(fieldPath, problem));
            }
        }
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String part : dotted.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }
}
